import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// The checks of an inspection run are data (`v3-run-checks`): a database made before keeps showing the
/// same coverage sentences after the upgrade, and imported JSON lines bring their checks with them.
final class RunChecksTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try ImportFixtures.scratch()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testUpgradingAVersion2DatabaseReadsEachRunsChecksOutOfItsCoverageOnce() throws {
        let file = dir.appendingPathComponent("ops.sqlite")
        let sentences: [String: String?] = [
            "r1": "检查项 sync,efile,seal,disk,notfound,anomaly,fixity；全量检查 3 卷（首次运行）；读取 12 个文件 1 MB",
            "r2": "检查项 sync,disk；仅目录与主机检查，未读取存储文件",
            "r3": "检查项：sync, efile；抽检",
            "r4": "sync, efile",
            "r5": "检查项 sync",
            "r6": nil,
        ]
        do {
            let old = try DatabaseQueue(path: file.path)
            try OperationsStore.migrator.migrate(old, upTo: "v2-inspection-coverage")
            try old.write { db in
                for (id, coverage) in sentences.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: """
                        INSERT INTO inspection_run (id, started_at, finished_at, host, center, coverage, source)
                        VALUES (?, '2023-06-30T07:30:00+08:00', '2023-06-30T07:31:00+08:00', 'h', '/c', ?, 'local')
                        """, arguments: [id, coverage])
                }
            }
        }
        let store = try OperationsStore.open(at: file)
        let runs = Dictionary(uniqueKeysWithValues: try store.inspectionRuns().map { ($0.id, $0) })
        XCTAssertEqual(runs["r1"]?.checks, ["sync", "efile", "seal", "disk", "notfound", "anomaly", "fixity"])
        XCTAssertEqual(runs["r1"]?.coverage, sentences["r1"]!)
        XCTAssertEqual(runs["r1"]?.coverageDetail, "全量检查 3 卷（首次运行）；读取 12 个文件 1 MB")
        XCTAssertEqual(runs["r2"]?.checks, ["sync", "disk"])
        XCTAssertEqual(runs["r2"]?.coverage, sentences["r2"]!)
        // Another tool's spelling of the clause: the checks are read, the sentence comes back in ours.
        XCTAssertEqual(runs["r3"]?.checks, ["sync", "efile"])
        XCTAssertEqual(runs["r3"]?.coverage, "检查项 sync,efile；抽检")
        // No clause: the checks stay unknown and the text is kept as it was.
        XCTAssertNil(runs["r4"]?.checks)
        XCTAssertEqual(runs["r4"]?.coverage, "sync, efile")
        XCTAssertEqual(runs["r5"]?.checks, ["sync"])
        XCTAssertEqual(runs["r5"]?.coverage, "检查项 sync")
        XCTAssertNil(runs["r6"]?.checks)
        XCTAssertNil(runs["r6"]?.coverage)
        let applied = try store.dbQueue.read { try OperationsStore.migrator.appliedIdentifiers($0) }
        XCTAssertTrue(applied.contains("v3-run-checks"))
    }

    func testImportedRunsKeepTheChecksTheirHeaderLists() throws {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let url = dir.appendingPathComponent("runs.jsonl")
        try Data("""
            {"run":{"center":"/c","checks":["sync","disk"],"coverage":"检查项 sync,disk；仅目录与主机检查，未读取存储文件",\
            "finished_at":"2023-06-30T07:31:00+08:00","host":"ops-3","started_at":"2023-06-30T07:30:00+08:00"}}
            {"check":"sync","code":"sync.missing","detail":"x","severity":"critical","site":"dc","uscc":null,"volume":"V1"}
            {"run": {"started_at": "2023-07-01T07:30:00+08:00", "finished_at": "2023-07-01T07:31:00+08:00", "host": "ops-3", \
            "center": "/c", "coverage": "检查项 sync；旧版本写的"}}

            """.utf8).write(to: url)
        let options = ImportOptions(now: testNow, actor: "test")
        let summary = try InspectionResultsImporter(store: store, options: options).importFile(at: url)
        XCTAssertEqual(summary.inserted, 2)
        let runs = try store.inspectionRuns()
        XCTAssertEqual(runs[0].checks, ["sync", "disk"])
        XCTAssertEqual(runs[0].coverage, "检查项 sync,disk；仅目录与主机检查，未读取存储文件")
        // A file from before checks were listed still imports; its run's checks are unknown.
        XCTAssertNil(runs[1].checks)
        XCTAssertEqual(runs[1].coverage, "检查项 sync；旧版本写的")
        let again = try InspectionResultsImporter(store: store, options: options).importFile(at: url)
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2])
    }

    func testAHeaderWhoseChecksAreNotAListIsRejectedNamingTheLine() throws {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let url = dir.appendingPathComponent("bad.jsonl")
        try Data("""
            {"run": {"started_at": "2023-06-30T07:30:00+08:00", "finished_at": "2023-06-30T07:31:00+08:00", "host": "h", \
            "center": "/c", "checks": "sync,disk"}}

            """.utf8).write(to: url)
        let importer = InspectionResultsImporter(store: store, options: ImportOptions(now: testNow, actor: "test"))
        XCTAssertThrowsError(try importer.importFile(at: url)) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.errors.map(\.location), [.line(1)])
            XCTAssertEqual(rejected.report.errors.map(\.column), ["checks"])
        }
    }
}
