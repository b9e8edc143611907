import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation
import GRDB
@testable import SiteBuilder
import XCTest

/// One forecast everywhere: the disk check's `disk.forecast`, the dashboard's disk panel, the monthly
/// summary's capacity section and the sizing advice state the same days for the same mount — because
/// they all call ``CapacityForecaster`` with the same readings and thresholds.
final class CapacityAgreementTests: XCTestCase {
    private let gib: Int64 = 1_073_741_824
    private let at = BureauTime.parse("2023-06-30T07:30:00+08:00")!

    /// A center whose monitoring read dc-store-01 /archive daily for 60 days: 700 GiB + 4 GiB/day on a
    /// 1000 GiB disk, so on day 59 (936 GiB) it is full in (1000 − 936)/4 = 16 days. Two volumes give
    /// the dc site some archive growth.
    private func center() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capacity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("stores/dc"), withIntermediateDirectories: true)
        let db = try DatabaseQueue(path: root.appendingPathComponent("catalog.sqlite").path)
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE site (id TEXT PRIMARY KEY, name TEXT, kind TEXT, root TEXT);
                CREATE TABLE enterprise (uscc TEXT PRIMARY KEY, reg_no TEXT, name TEXT, former_names TEXT, branch_id TEXT, status TEXT,
                    established_on TEXT);
                CREATE TABLE volume (id TEXT PRIMARY KEY, uscc TEXT, seq INTEGER, event TEXT, created_at TEXT, pages INTEGER,
                    efile_status TEXT, efile_updated_at TEXT, efile_sha256 TEXT, seal_status TEXT, sealed_at TEXT, seal_sha256 TEXT,
                    lock_owner TEXT, locked_at TEXT);
                CREATE TABLE page (volume_id TEXT, no INTEGER, sha256 TEXT, bytes INTEGER, PRIMARY KEY (volume_id, no));
                CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT, channel TEXT, terminal TEXT, site_id TEXT, kind TEXT,
                    text TEXT, result TEXT, uscc TEXT, latency_ms INTEGER);
                CREATE TABLE disk_sample (host TEXT, mount TEXT, at TEXT, total_bytes INTEGER, used_bytes INTEGER);
                INSERT INTO site VALUES ('dc', '市局数据中心', 'datacenter', 'stores/dc');
                INSERT INTO volume (id, uscc, seq, event, created_at, pages, efile_status, seal_status)
                    VALUES ('V1', 'X', 1, '设立登记', '2023-05-02T10:00:00+08:00', 2, 'pending', 'pending'),
                           ('V2', 'X', 2, '变更登记', '2023-06-02T10:00:00+08:00', 1, 'pending', 'pending');
                INSERT INTO page VALUES ('V1', 1, 'a', 1000), ('V1', 2, 'b', 2000), ('V2', 1, 'c', 500);
                """)
            for day in 0..<60 {
                let t = at.addingTimeInterval(Double(day - 59) * 86_400 - 3600)
                try db.execute(sql: "INSERT INTO disk_sample VALUES ('dc-store-01', '/archive', ?, ?, ?)",
                               arguments: [BureauTime.iso(t), 1000 * gib, (700 + 4 * Int64(day)) * gib])
            }
        }
        try db.close()
        return root
    }

    func testTheCheckTheDashboardTheMonthlySummaryAndTheSizingAdviceAgree() throws {
        let root = try center()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try OperationsStore.inMemory()
        var options = InspectionOptions(center: root, at: at)
        options.only = ["disk"]
        options.host = "ops-test"
        let report = try InspectionRunner.run(options, store: store)
        try store.saveInspection(report.run, findings: report.findings)
        try store.recordCapacity(of: report)

        // The check.
        let finding = try XCTUnwrap(report.findings.first { $0.code == "disk.forecast" })
        XCTAssertEqual(finding.severity, .critical)
        XCTAssertTrue(finding.detail.contains("预计 16 天后写满"), finding.detail)
        XCTAssertEqual(report.diskReadings.count, 60)
        XCTAssertEqual(report.archiveGrowth.map { "\($0.siteID) \($0.month) \($0.volumes) \($0.bytes)" },
                       ["dc 2023-05 1 3000", "dc 2023-06 1 500"])

        // Recording twice keeps one copy of each reading.
        try store.recordCapacity(of: report)
        XCTAssertEqual(try store.diskHistory(host: "dc-store-01", mount: "/archive").count, 60)

        let thresholds = Thresholds()
        let data = try CapacityData.load(from: store, thresholds: thresholds)
        XCTAssertEqual(data.asOf, at, "the inspection time of the check that recorded the history")
        let fromCheck = CapacityForecaster.forecast(
            try store.diskHistory(host: "dc-store-01", mount: "/archive"), asOf: at, policy: thresholds.forecastPolicy)
        let dashboard = Dashboard.make(tickets: [], history: try InspectionHistory.load(from: store), figures: [],
                                       capacity: data.mounts)
        let monthly = try XCTUnwrap(data.monthly("2023-06", thresholds: thresholds))
        let advice = try XCTUnwrap(data.advice(inventory: HardwareInventory(), thresholds: thresholds))

        let days = [fromCheck, dashboard.capacity[0].forecast, monthly.mounts[0].forecast, advice.mounts[0].forecast]
            .map { $0.crossing(.full)?.days }
        XCTAssertEqual(days, [16, 16, 16, 16])
        XCTAssertTrue(dashboard.capacity[0].forecast == fromCheck, "the same forecast, not only the same days")
        XCTAssertTrue(monthly.mounts[0].forecast == fromCheck)
        XCTAssertTrue(advice.mounts[0].forecast == fromCheck)
        XCTAssertEqual(monthly.sites.map { "\($0.siteID) \($0.volumes) \(Int($0.bytes)) \(Int($0.totalBytes))" }, ["dc 1 500 3500"])
    }
}
