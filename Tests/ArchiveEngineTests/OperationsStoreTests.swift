import ArchiveEngine
import GRDB
import XCTest

final class OperationsStoreTests: XCTestCase {
    func testAFileThatIsNotSQLiteGivesAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("archive-ops.sqlite")
        try Data("工单编号,报障时间\nT1,2023-06-30\n".utf8).write(to: file)
        XCTAssertThrowsError(try OperationsStore.open(at: file)) { error in
            XCTAssertTrue("\(error)".contains("不是 SQLite 数据库"), "\(error)")
            XCTAssertTrue("\(error)".contains(file.path))
        }
        // The foreign file is left exactly as it was.
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "工单编号,报障时间\nT1,2023-06-30\n")
    }

    func testReopeningAnExistingDatabaseKeepsItsRowsAndSchemaVersion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        let workspace = Workspace(root: dir)
        try workspace.initialize()
        let store = try workspace.openStore()
        try store.recordAudit(AuditEntry(at: Date(timeIntervalSince1970: 0), command: "test", summary: "一条记录"))
        let reopened = try workspace.openStore()
        let count = try reopened.dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") }
        XCTAssertEqual(count, 1)
        let applied = try reopened.dbQueue.read { try OperationsStore.migrator.appliedIdentifiers($0) }
        XCTAssertEqual(applied.count, OperationsStore.migrator.migrations.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.configurationURL.path))
        XCTAssertNoThrow(try workspace.configuration())
    }
}

final class InspectionRecordsTests: XCTestCase {
    func testSavingTheSameRunTwiceKeepsOneCopyInOrder() throws {
        let store = try OperationsStore.inMemory()
        let start = try XCTUnwrap(BureauTime.parse("2023-06-30 07:30"))
        let run = InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(90), host: "ops-1", center: "/mnt/center")
        let findings = [
            Finding(check: "sync", code: "sync.missing", severity: .critical, site: "branch-humen", volume: "V1", uscc: "9144",
                    detail: "缺少 page-0003.jpg"),
            Finding(check: "disk", code: "disk.usage", severity: .warning, detail: "dc-store /data 85%", host: "dc-store", mount: "/data"),
        ]
        try store.saveInspection(run, findings: findings)
        try store.saveInspection(run, findings: findings)
        XCTAssertEqual(try store.inspectionRuns(), [run])
        XCTAssertEqual(try store.findings(ofRun: run.id), findings)
        XCTAssertEqual(run.id, "20230630T073000-ops-1")
    }

    func testFindingJSONLineHasTheContractShape() throws {
        let f = Finding(check: "sync", code: "sync.missing", severity: .critical, site: "branch-humen", volume: "V000123", uscc: nil,
                        detail: "缺失")
        XCTAssertEqual(f.jsonLine(), #"{"check":"sync","code":"sync.missing","detail":"缺失","severity":"critical","#
                           + #""site":"branch-humen","uscc":null,"volume":"V000123"}"#)
    }
}
