import Foundation

/// One daily inspection (巡检) of the center: when it ran, where, on which center, which not-found
/// window it triaged, and what it covered. Runs come from `archive-ops check` on this host or are imported
/// from the JSON lines of another host's run; either way the id is derived from host and start time so that
/// importing the same run twice changes nothing.
public struct InspectionRun: Codable, Hashable, Sendable {
    public var id: String
    public var startedAt: Date
    public var finishedAt: Date
    public var host: String
    public var center: String
    /// The not-found triage window, e.g. `2023-06-29T00:00:00+08:00/2023-06-30T00:00:00+08:00`.
    public var window: String?
    /// Human text saying what the run covered (checks run, files verified, rotating slice), Chinese first.
    public var coverage: String?
    /// `local` for a run made here, `import` for one read from a JSON lines file.
    public var source: String

    public init(
        id: String? = nil, startedAt: Date, finishedAt: Date, host: String, center: String,
        window: String? = nil, coverage: String? = nil, source: String = "local"
    ) {
        self.id = id ?? InspectionRun.makeID(host: host, startedAt: startedAt)
        self.startedAt = startedAt; self.finishedAt = finishedAt; self.host = host; self.center = center
        self.window = window; self.coverage = coverage; self.source = source
    }

    /// `20230630T073000-host`: sortable, readable in a URL, and stable for the same run.
    public static func makeID(host: String, startedAt: Date) -> String {
        let stamp = BureauTime.compactStamp(startedAt)
        let safeHost = host.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return "\(stamp)-\(String(safeHost))"
    }
}
