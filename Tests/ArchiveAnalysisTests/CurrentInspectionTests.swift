import ArchiveAnalysis
import ArchiveEngine
import Foundation
import XCTest

/// The current result of a center inspected by several hosts (check --site): the latest day's partial runs
/// merged, and a host whose result did not arrive named rather than taken for a healthy one.
final class CurrentInspectionTests: XCTestCase {
    private func run(_ time: String, host: String, sites: [String]?) -> InspectionRun {
        let start = BureauTime.parse(time)!
        return InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(60), host: host, center: "/c",
                             checks: ["sync", "anomaly"], sites: sites)
    }

    private func finding(_ code: String, site: String?, volume: String) -> Finding {
        Finding(check: String(code.split(separator: ".")[0]), code: code, severity: .critical, site: site, volume: volume,
                uscc: nil, detail: "\(code) \(volume)")
    }

    func testTheLatestDaysPartialRunsAreMergedAndASilentHostIsNamed() throws {
        let a1 = run("2023-06-29 07:00", host: "ops-center", sites: ["dc", "processing"])
        let b1 = run("2023-06-29 07:05", host: "ops-humen", sites: ["branch-humen"])
        let a2 = run("2023-06-30 07:00", host: "ops-center", sites: ["dc", "processing"])
        let c2 = run("2023-06-30 07:02", host: "ops-changan", sites: ["branch-changan"])
        let lock = finding("anomaly.stale_lock", site: nil, volume: "V9")
        let findings: [String: [Finding]] = [
            a1.id: [finding("sync.missing", site: "dc", volume: "V1"), lock],
            b1.id: [finding("sync.missing", site: "branch-humen", volume: "V2"), lock],
            a2.id: [lock, finding("sync.corrupt", site: "dc", volume: "V3")],
            c2.id: [finding("sync.missing", site: "branch-changan", volume: "V4"), lock],
        ]
        let history = InspectionHistory(runs: [a1, b1, a2, c2], findings: findings)
        let current = CurrentInspection.make(history)
        XCTAssertEqual(current.runs.map(\.id), [a2.id, c2.id])
        // Each problem once (the catalog-wide lock is in every host's result), in report order.
        XCTAssertEqual(current.findings.map(\.code), ["sync.corrupt", "sync.missing", "anomaly.stale_lock"])
        XCTAssertEqual(current.missing.map(\.site), ["branch-humen"])
        XCTAssertEqual(current.missing.first?.lastHost, "ops-humen")

        let dashboard = Dashboard.make(tickets: [], history: history, figures: [])
        XCTAssertEqual(dashboard.missingSites.map(\.site), ["branch-humen"])
        XCTAssertEqual(dashboard.latestFindings, 3)

        // A run over the whole center is the result by itself; nothing is waited for.
        let whole = run("2023-07-01 07:00", host: "ops-center", sites: nil)
        let later = InspectionHistory(runs: [a1, b1, a2, c2, whole], findings: findings.merging([whole.id: [lock]]) { a, _ in a })
        XCTAssertEqual(CurrentInspection.make(later).findings, [lock])
        XCTAssertEqual(CurrentInspection.make(later).missing, [])
    }
}
