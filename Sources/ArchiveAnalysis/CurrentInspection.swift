import ArchiveEngine
import Foundation

/// The center's current inspection result (当前巡检结果) when more than one host inspects it: each host runs
/// `check --site ID` on its own stores and the center's host imports the JSON lines. The partial runs of the
/// latest day together stand for one run over the whole center — their findings merged, each problem once,
/// in report order — and a site that a host inspected on an earlier day but whose result for this day has
/// not arrived is named, so nobody mistakes a silent host for a healthy one.
///
/// With a single host (every run over the whole center, `sites` nil) this is simply the latest run.
public struct CurrentInspection: Codable, Hashable, Sendable {
    /// The runs that make up the result: the latest run, or the latest day's runs per site, oldest first.
    public var runs: [InspectionRun]
    /// Their findings merged, each finding once, in report order.
    public var findings: [Finding]
    /// Sites expected (inspected on one of the previous ``lookbackDays`` days) with no result this day.
    public var missing: [MissingSite]

    /// A site whose host's result did not arrive.
    public struct MissingSite: Codable, Hashable, Sendable {
        public var site: String
        /// The host that inspected it last, and when that run started.
        public var lastHost: String
        public var lastRunID: String
        public var lastStartedAt: Date
    }

    /// How far back a partial run makes its sites expected.
    public static let lookbackDays = 7

    public static func make(_ history: InspectionHistory) -> CurrentInspection {
        guard let latest = history.latest else { return CurrentInspection(runs: [], findings: [], missing: []) }
        guard latest.sites != nil else {
            return CurrentInspection(runs: [latest], findings: history.findings(of: latest), missing: [])
        }
        let day = CalendarDay(latest.startedAt)
        // The latest whole-center run bounds what is expected: sites inspected only before it are not waited for.
        let lastWhole = history.runs.last { $0.sites == nil }?.startedAt ?? .distantPast
        let partial = history.runs.filter { $0.sites != nil && $0.startedAt > lastWhole }
        var latestBySite: [String: InspectionRun] = [:]
        var expected: [String: InspectionRun] = [:]
        for run in partial {
            let runDay = CalendarDay(run.startedAt)
            let recent = runDay < day && runDay.adding(days: lookbackDays) >= day
            for site in run.sites ?? [] {
                if runDay == day { latestBySite[site] = run } else if recent { expected[site] = run }
            }
        }
        let runs = Set(latestBySite.values).sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        // Checks in catalogue order, then the checks a newer engine ran that this one does not know.
        let known = CheckCatalog.all.map(\.id)
        let ran = Set(runs.flatMap { $0.checks ?? [] })
        let checkIDs = known + ran.subtracting(known).sorted()
        let merged = InspectionRunner.order(runs.flatMap { history.findings(of: $0) }, checkIDs: checkIDs)
        let missing = expected.keys.filter { latestBySite[$0] == nil }.sorted().compactMap { site -> MissingSite? in
            guard let run = expected[site] else { return nil }
            return MissingSite(site: site, lastHost: run.host, lastRunID: run.id, lastStartedAt: run.startedAt)
        }
        return CurrentInspection(runs: runs, findings: merged, missing: missing)
    }
}
