@testable import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import XCTest

/// The catalog facts an inspection keeps for the enterprise pages: the enterprises its findings and the
/// tickets name, with names, former names and volumes per site; only those, and never an older reading
/// over a newer one.
final class EnterpriseFactsTests: XCTestCase {
    func testAnInspectionRecordsTheEnterprisesItsFindingsAndTicketsName() throws {
        let f = try standardFixture()
        try f.addEnterprise(CenterFixture.code(3), name: "东莞市丙五金有限公司", branch: "branch-humen")
        try f.addEnterprise(CenterFixture.code(4), name: "东莞市丁科技有限公司", branch: "branch-humen")
        try FileManager.default.removeItem(at: f.folder("dc", "V002"))  // sync.missing for code(1)
        let store = try OperationsStore.inMemory()
        // A ticket names code(3) and carries a synthetic ID number, which is not taken for a code.
        try store.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO ticket (id, reported_at, category, priority, description, status)
                VALUES ('T-1', '2023-06-29T10:00:00+08:00', 'notfound', 'normal', ?, 'open')
                """, arguments: ["查不到 \(CenterFixture.code(3))，身份证 441900198503151234"])
        }
        let report = try inspect(f, only: ["sync"], store: store)
        XCTAssertTrue(report.findings.contains { $0.code == "sync.missing" && $0.volume == "V002" })
        XCTAssertEqual(report.enterprises.map(\.uscc), [CenterFixture.code(1), CenterFixture.code(3)])
        let first = try XCTUnwrap(report.enterprises.first)
        XCTAssertEqual(first.name, "东莞市甲电子科技有限公司")
        XCTAssertEqual(first.formerNames, ["东莞市甲电子厂"])
        XCTAssertEqual(first.volumes.map(\.id), ["V001", "V002"])
        XCTAssertEqual(Set(first.volumes[1].sites), ["processing", "dc", "offsite", "branch-humen"])

        try store.recordEnterprises(report.enterprises)
        XCTAssertEqual(try store.enterpriseFacts(), report.enterprises)
        // An older reading (an earlier run imported later) does not replace the newer one.
        var older = first
        older.name = "旧名称"
        older.recordedAt = first.recordedAt.addingTimeInterval(-86_400)
        try store.recordEnterprises([older])
        XCTAssertEqual(try store.enterpriseFacts().first?.name, "东莞市甲电子科技有限公司")
        var newer = first
        newer.name = "东莞市甲电子科技股份有限公司"
        newer.volumes = Array(first.volumes.prefix(1))
        newer.recordedAt = first.recordedAt.addingTimeInterval(86_400)
        try store.recordEnterprises([newer])
        XCTAssertEqual(try store.enterpriseFacts().first, newer)
    }

    func testCodesInFreeTextAreMarketEntityCodesOnly() {
        XCTAssertEqual(USCCMentions.codes(in: "企业91441900MA4UJ5XY2K查不到；身份证44190019850315123X；91441900MA4UJ5XY2K0"),
                       ["91441900MA4UJ5XY2K"])
        XCTAssertEqual(USCCMentions.codes(in: "代码 914419006585176470。"), ["914419006585176470"])
    }
}
