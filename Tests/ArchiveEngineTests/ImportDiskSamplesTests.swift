@testable import ArchiveEngine
import Foundation
import XCTest

/// Another host's disk readings arrive with its inspection results — in the run header (`disk_samples`,
/// as `check --json` writes them) or as `{"disk_sample": …}` lines — and are kept once.
final class ImportDiskSamplesTests: XCTestCase {
    private var dir: URL!
    private let now = BureauTime.parse("2023-07-01T09:00:00+08:00")!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("disk-samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testHeaderSamplesAndSampleLinesImportOnceAndOldFilesStillImport() throws {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let url = dir.appendingPathComponent("branch.jsonl")
        try Data("""
            {"run": {"started_at": "2023-06-30T07:30:00+08:00", "finished_at": "2023-06-30T07:31:00+08:00", "host": "hm-nas-01", \
                "center": "/c", "disk_samples": [{"host": "hm-nas-01", "mount": "/archive", "at": "2023-06-30T07:30:00+08:00", \
                    "total_bytes": 1000, "used_bytes": 600}]}}
            {"disk_sample": {"host": "hm-nas-01", "mount": "/archive", "at": "2023-06-29T07:30:00+08:00", "total_bytes": 1000, \
                "used_bytes": 590}}
            {"run": {"started_at": "2023-06-29T07:30:00+08:00", "finished_at": "2023-06-29T07:31:00+08:00", "host": "old-host", \
                "center": "/c"}}

            """.utf8).write(to: url)
        let options = ImportOptions(now: now, actor: "test")
        let first = try InspectionResultsImporter(store: store, options: options).importFile(at: url)
        XCTAssertEqual(first.inserted, 2, "a run without samples (an older file) imports as before")
        XCTAssertTrue(first.notes.contains("磁盘采样 2 条，其中新增 2 条（已有的采样不重复保存）"), "\(first.notes)")
        let history = try store.diskHistory(host: "hm-nas-01", mount: "/archive")
        XCTAssertEqual(history.map(\.used), [590, 600])
        XCTAssertEqual(history.map(\.total), [1000, 1000])
        let again = try InspectionResultsImporter(store: store, options: options).importFile(at: url)
        XCTAssertTrue(again.notes.contains("磁盘采样 2 条，其中新增 0 条（已有的采样不重复保存）"), "\(again.notes)")
        XCTAssertEqual(try store.diskHistory(host: "hm-nas-01", mount: "/archive").count, 2)
    }

    func testABadSampleIsRejectedNamingItsLineAndField() throws {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let url = dir.appendingPathComponent("bad.jsonl")
        try Data("""
            {"run": {"started_at": "2023-06-30T07:30:00+08:00", "finished_at": "2023-06-30T07:31:00+08:00", "host": "h", "center": "/c"}}
            {"disk_sample": {"host": "h", "mount": "/data", "at": "2023-06-30T07:30:00+08:00", "total_bytes": 1000, "used_bytes": "lots"}}

            """.utf8).write(to: url)
        XCTAssertThrowsError(try InspectionResultsImporter(store: store, options: ImportOptions(now: now,
            actor: "test")).importFile(at: url)) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.errors.map(\.location), [.line(2)])
            XCTAssertEqual(rejected.report.errors.map(\.column), ["used_bytes"])
        }
        XCTAssertEqual(try store.diskMounts().count, 0, "nothing is stored from a rejected file")
    }
}
