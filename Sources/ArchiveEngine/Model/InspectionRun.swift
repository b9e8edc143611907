import Foundation

/// One daily inspection (巡检) of the center: when it ran, where, on which center, which not-found
/// window it triaged, which checks it performed and what it covered. Runs come from `archive-ops check` on
/// this host or are imported from the JSON lines of another host's run; either way the id is derived from
/// host and start time so that importing the same run twice changes nothing.
public struct InspectionRun: Codable, Hashable, Sendable {
    public var id: String
    public var startedAt: Date
    public var finishedAt: Date
    public var host: String
    public var center: String
    /// The not-found triage window, e.g. `2023-06-29T00:00:00+08:00/2023-06-30T00:00:00+08:00`.
    public var window: String?
    /// The ids of the checks the run performed, in catalogue order; nil when unknown (a run imported from a
    /// file that did not list them). A check outside this list is shown as 未运行, never as 正常.
    public var checks: [String]?
    /// What the run covered beyond its checks (volumes verified, files read, what could not be checked),
    /// Chinese first; ``coverage`` puts the checks in front of it.
    public var coverageDetail: String?
    /// `local` for a run made here, `import` for one read from a JSON lines file.
    public var source: String
    /// The sites whose stores the run inspected (`check --site`), sorted; nil for the whole center. The
    /// runs of one day over different sites together stand for one run over the whole center.
    public var sites: [String]?

    public init(
        id: String? = nil, startedAt: Date, finishedAt: Date, host: String, center: String,
        window: String? = nil, checks: [String]? = nil, coverageDetail: String? = nil, source: String = "local",
        sites: [String]? = nil
    ) {
        self.id = id ?? InspectionRun.makeID(host: host, startedAt: startedAt, sites: sites)
        self.startedAt = startedAt; self.finishedAt = finishedAt; self.host = host; self.center = center
        self.window = window; self.checks = checks; self.coverageDetail = coverageDetail; self.source = source
        self.sites = sites
    }

    /// The coverage sentence shown on reports and printed by `check`: `检查项 sync,efile；全量检查 3 卷（…）…`,
    /// rendered from ``checks`` and ``coverageDetail``; nil when the run says neither.
    public var coverage: String? {
        guard let checks else { return coverageDetail }
        let clause = Self.checksClause(checks)
        guard let coverageDetail, !coverageDetail.isEmpty else { return clause }
        return clause + "；" + coverageDetail
    }

    /// `检查项 sync,efile`: the start of the coverage sentence.
    public static func checksClause(_ checks: [String]) -> String {
        "检查项 " + checks.joined(separator: ",")
    }

    /// `20230630T073000-host`: sortable, readable in a URL, and stable for the same run; a run over some
    /// sites only adds them (`20230630T073000-host-branch-a+branch-b`), so two hosts' partial runs started in
    /// the same second never share an id.
    public static func makeID(host: String, startedAt: Date, sites: [String]? = nil) -> String {
        let stamp = BureauTime.compactStamp(startedAt)
        let safe = { (text: String) in String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }) }
        let part = sites.map { "-" + $0.map(safe).joined(separator: "+") } ?? ""
        return "\(stamp)-\(safe(host))\(part)"
    }
}
