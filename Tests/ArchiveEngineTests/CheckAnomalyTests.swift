@testable import ArchiveEngine
import Foundation
import XCTest

final class CheckAnomalyTests: XCTestCase {
    func testLocksSequencesCodesMisfiledPagesAndOrphans() throws {
        let f = try standardFixture()
        // Stale lock (45 min) and a fresh one (10 min).
        try f.execute("UPDATE volume SET lock_owner = 'WS-07', locked_at = '2023-06-30T06:45:00+08:00' WHERE id = 'V001'")
        try f.execute("UPDATE volume SET lock_owner = 'WS-08', locked_at = '2023-06-30T07:20:00+08:00' WHERE id = 'V002'")
        // Enterprise 2 has seq 1 and 3.
        try f.addVolume("V004", uscc: CenterFixture.code(2), seq: 3, branch: "branch-changan")
        // An invalid code in the catalog.
        let bad = String(CenterFixture.code(6).dropLast()) + (CenterFixture.code(6).hasSuffix("0") ? "1" : "0")
        try f.addEnterprise(bad, name: "东莞市己有限公司")
        // V002's metadata at dc names seq 9.
        try CenterFixture.metadata(uscc: CenterFixture.code(1), seq: 9, pages: 4)
            .write(to: f.folder("dc", "V002").appendingPathComponent("metadata.xml"))
        // V003 at offsite: an extra page and a duplicate in .tif.
        let v3 = f.folder("offsite", "V003")
        try Data("x".utf8).write(to: v3.appendingPathComponent("page-0003.jpg"))
        try Data("x".utf8).write(to: v3.appendingPathComponent("page-0001.tif"))
        // Orphans: a seq folder the catalog does not know, and a whole unknown enterprise folder.
        try FileManager.default.createDirectory(at: f.volumeFolder("dc", uscc: CenterFixture.code(1), seq: 7),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: f.volumeFolder("branch-humen", uscc: CenterFixture.code(77), seq: 1),
                                                withIntermediateDirectories: true)

        let report = try inspect(f, only: ["anomaly"])
        XCTAssertEqual(keys(report), [
            "anomaly.stale_lock - V001", "anomaly.volume_sequence - -", "anomaly.invalid_uscc - -",
            "anomaly.misfiled dc V002", "anomaly.page_sequence offsite V003",
            "anomaly.orphan dc -", "anomaly.orphan branch-humen -",
        ])
        XCTAssertEqual(report.findings.first { $0.code == "anomaly.volume_sequence" }?.uscc, CenterFixture.code(2))
        XCTAssertEqual(report.findings.first { $0.code == "anomaly.invalid_uscc" }?.uscc, bad)
        XCTAssertEqual(Set(report.findings.filter { $0.code == "anomaly.orphan" }.compactMap(\.path)),
                       ["\(CenterFixture.code(1))/007", "\(CenterFixture.code(77))/001"])
        let pages = try XCTUnwrap(report.findings.first { $0.code == "anomaly.page_sequence" })
        XCTAssertTrue(pages.detail.contains("重复") && pages.detail.contains("多余"), pages.detail)
    }
}
