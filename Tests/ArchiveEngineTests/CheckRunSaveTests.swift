@testable import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import XCTest

/// `archive-ops check` saves a run in one transaction: the same rows as saving run, capacity, enterprises and
/// audit line one after the other, and a second run of the same second still gets its own id.
final class CheckRunSaveTests: XCTestCase {
    func testOneTransactionStoresWhatTheFourSavesStored() throws {
        let f = try standardFixture()
        try FileManager.default.removeItem(at: f.folder("dc", "V002"))
        let report = try inspect(f, mounts: [NSTemporaryDirectory()])
        XCTAssertFalse(report.findings.isEmpty)
        XCTAssertFalse(report.enterprises.isEmpty)
        XCTAssertFalse(report.diskReadings.isEmpty)
        let stamp = CenterFixture.at
        func audit(_ run: InspectionRun) -> AuditEntry {
            AuditEntry(at: stamp, actor: "ops", command: "check", summary: "巡检 \(run.id)：\(report.findings.count) 个问题")
        }

        let together = try OperationsStore.inMemory()
        let saved = try together.saveCheckRun(report, audit: audit)
        let apart = try OperationsStore.inMemory()
        let run = try apart.saveNewInspection(report.run, findings: report.findings)
        try apart.recordCapacity(of: report)
        try apart.recordEnterprises(report.enterprises)
        try apart.recordAudit(audit(run))
        XCTAssertEqual(saved, run)
        XCTAssertEqual(try together.contentDigest(), try apart.contentDigest())

        let again = try together.saveCheckRun(report, audit: audit)
        XCTAssertEqual(again.id, report.run.id + ".2")
        XCTAssertEqual(try together.findings(ofRun: again.id), report.findings)
        let summaries = try together.dbQueue.read { try String.fetchAll($0, sql: "SELECT summary FROM audit ORDER BY id") }
        XCTAssertEqual(summaries.map { $0.hasPrefix("巡检 \(report.run.id)") }, [true, true])
        XCTAssertTrue(summaries[1].contains(report.run.id + ".2"))
    }
}
