@testable import ArchiveEngine
import Foundation
import XCTest

/// A problem that still exists is reported by every run until it is fixed: incremental mornings, and a
/// resumed `--full`, report the same open problems as the full run before them.
final class IncrementalFindingsTests: XCTestCase {
    private let day: TimeInterval = 86_400

    /// Six clean volumes of one enterprise, plus an orphan seq folder (009) under it at dc.
    private func centerWithOrphan() throws -> CenterFixture {
        let f = try CenterFixture()
        try f.addEnterprise(CenterFixture.code(1), name: "东莞市甲电子科技有限公司")
        for i in 1...6 { try f.addVolume(String(format: "V%03d", i), uscc: CenterFixture.code(1), seq: i, pages: 2) }
        try f.addEnterprise(CenterFixture.code(2), name: "东莞市乙贸易有限公司", branch: "branch-changan")
        try f.addVolume("V101", uscc: CenterFixture.code(2), seq: 1, branch: "branch-changan", pages: 2)
        let orphan = f.volumeFolder("dc", uscc: CenterFixture.code(1), seq: 9)
        try FileManager.default.createDirectory(at: orphan, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: orphan.appendingPathComponent("page-0001.jpg"))
        return f
    }

    private func problems(_ report: InspectionReport) -> Set<String> {
        Set(report.findings.map { "\($0.code) \($0.site ?? "-") \($0.volume ?? "-") \($0.path ?? "-")" })
    }

    func testIncrementalMorningsKeepReportingAnOrphanFolder() throws {
        let f = try centerWithOrphan()
        let store = try OperationsStore.inMemory()
        let full = try inspect(f, store: store, cycleDays: 30)
        XCTAssertTrue(problems(full).contains("anomaly.orphan dc - \(CenterFixture.code(1))/009"), "\(problems(full))")
        for d in 1...3 {
            let morning = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(Double(d) * day), cycleDays: 30)
            XCTAssertEqual(morning.plan?.mode, .incremental)
            XCTAssertEqual(problems(morning), problems(full), "day \(d)")
        }
        // Fixed: the folder is removed, and the next run no longer reports it.
        try FileManager.default.removeItem(at: f.volumeFolder("dc", uscc: CenterFixture.code(1), seq: 9))
        let fixed = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(4 * day), cycleDays: 30)
        XCTAssertFalse(problems(fixed).contains { $0.hasPrefix("anomaly.orphan") }, "\(problems(fixed))")
    }

    func testAResumedFullRunReportsTheOrphanFoundBeforeTheInterruption() throws {
        let f = try centerWithOrphan()
        let store = try OperationsStore.inMemory()
        let reference = try inspect(f, full: true, store: OperationsStore.inMemory())
        XCTAssertThrowsError(try inspect(f, full: true, store: store, stopAfterBatches: 1, batchSize: 2))
        let resumed = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(600), batchSize: 2)
        XCTAssertEqual(resumed.plan?.mode, .resumed)
        XCTAssertEqual(problems(resumed), problems(reference))
    }
}
