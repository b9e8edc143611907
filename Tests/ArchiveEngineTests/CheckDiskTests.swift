@testable import ArchiveEngine
import Foundation
import XCTest

final class CheckDiskTests: XCTestCase {
    private let tb: Int64 = 1_000_000_000_000

    func testUsageUsesTheLatestSampleAtOrBeforeTheInspectionTime() throws {
        let f = try standardFixture()
        // dc-store /data: 85 % at 06:00, 95 % at 09:00 (after the inspection: ignored).
        try f.execute("INSERT INTO disk_sample VALUES ('dc-store', '/data', '2023-06-30T06:00:00+08:00', ?, ?)", [tb, 85 * tb / 100])
        try f.execute("INSERT INTO disk_sample VALUES ('dc-store', '/data', '2023-06-30T09:00:00+08:00', ?, ?)", [tb, 95 * tb / 100])
        try f.execute("INSERT INTO disk_sample VALUES ('branch-humen-srv', '/archive', '2023-06-30T06:00:00+08:00', ?, ?)",
                      [tb, 91 * tb / 100])
        try f.execute("INSERT INTO disk_sample VALUES ('offsite-gw', '/backup', '2023-06-30T06:00:00+08:00', ?, ?)", [tb, 40 * tb / 100])
        let report = try inspect(f, only: ["disk"])
        let usage = report.findings.filter { $0.code == "disk.usage" }
        XCTAssertEqual(usage.map { "\($0.host ?? "") \($0.mount ?? "") \($0.severity.rawValue)" },
                       ["branch-humen-srv /archive critical", "dc-store /data warning"])
        XCTAssertTrue(usage.allSatisfy { $0.site == nil && $0.volume == nil })
        XCTAssertTrue(usage[1].detail.contains("dc-store") && usage[1].detail.contains("/data") && usage[1].detail.contains("85.0%"))
    }

    func testForecastFromGrowthHistory() throws {
        let f = try standardFixture()
        // 60 % → 75 % over 30 days: 0.5 %/day, 25 % left → 50 days: warning.
        // 70 % → 85 % over 15 days: 1 %/day, 15 % left → 15 days: critical.
        for day in 0...30 {
            let at = BureauTime.iso(CenterFixture.at.addingTimeInterval(Double(day - 30) * 86_400 - 3600))
            try f.execute("INSERT INTO disk_sample VALUES ('dc-store', '/data', ?, ?, ?)", [at, tb, (60 * tb + Int64(day) * tb / 2) / 100])
            if day >= 15 {
                try f.execute("INSERT INTO disk_sample VALUES ('offsite-gw', '/backup', ?, ?, ?)",
                              [at, tb, (70 * tb + Int64(day - 15) * tb) / 100])
            }
        }
        let forecast = try inspect(f, only: ["disk"]).findings.filter { $0.code == "disk.forecast" }
        XCTAssertEqual(forecast.map { "\($0.host ?? "") \($0.severity.rawValue)" }, ["dc-store warning", "offsite-gw critical"])
        XCTAssertTrue(forecast[0].detail.contains("预计 50 天后写满"), forecast[0].detail)
    }

    func testConfiguredMountsAreJudgedByStatvfsAndAMissingMountIsUnknown() throws {
        let f = try standardFixture()
        var options = InspectionOptions(center: f.root, at: CenterFixture.at)
        options.only = ["disk"]
        options.mounts = ["/", "/no/such/mount"]
        options.thresholds.diskWarningPercent = 0.0001  // any used space warns, so the statvfs path is exercised
        options.thresholds.diskCriticalPercent = 100.1
        options.host = "ops-test"
        let report = try InspectionRunner.run(options, store: OperationsStore.inMemory())
        XCTAssertEqual(report.findings.map { "\($0.code) \($0.host ?? "") \($0.mount ?? "")" }, ["disk.usage ops-test /"])
        XCTAssertEqual(report.notes.map(\.path), ["/no/such/mount"])
    }
}
