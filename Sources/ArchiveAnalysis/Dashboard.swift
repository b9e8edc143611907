import ArchiveEngine
import Foundation

/// The home dashboard (运维总览): today's inspection status per check, open tickets, SLA compliance this
/// month, the query trend and disk status.
///
/// The checks are those of the latest inspection run in the database and "this month" the month of the
/// latest data. "Today" for the 08:30 deadline is the build's as-of day (``asOf``), which the page states,
/// so the same database and as-of day always give the same dashboard.
public struct Dashboard: Codable, Hashable, Sendable {
    public var latestRun: InspectionRun?
    public var checks: [CheckStatus]
    public var latestFindings: Int
    public var openTickets: [TicketRecord]
    public var openByPriority: [Int]
    public var totalTickets: Int
    public var month: String?
    public var monthSLA: SLACompliance?
    public var queryTrend: QueryTrend?
    public var diskFindings: [Finding]
    /// Every mount's forecast (days to the warning line and to full), from the one forecast function.
    public var capacity: [MountForecast] = []
    public var months: [String]
    /// The day the dashboard is as of (`2023-06-30`): the build's `--as-of`, else the latest run's day.
    public var asOf: String?
    /// Today's inspection against the deadline: on time, late by N minutes, missing or not due.
    public var today: DeadlineCompliance.Day?
    /// The deadline, `08:30`.
    public var deadline: String
    /// Sites inspected by another host whose result for the latest day has not been imported.
    public var missingSites: [CurrentInspection.MissingSite] = []

    public struct CheckStatus: Codable, Hashable, Sendable {
        public var checkID: String
        public var name: String
        public var worst: Severity?
        public var count: Int
        /// False when the latest run lists its checks and this one is not among them.
        public var ran: Bool
    }

    public static func make(tickets: [TicketRecord], history: InspectionHistory, figures: [QueryFigure],
                            levels: ServiceLevels = .init(), deadline: InspectionDeadline = .init(),
                            asOf: CalendarDay? = nil, capacity: [MountForecast] = []) -> Dashboard {
        let latest = history.latest
        // With several hosts (check --site) the latest day's partial runs together make the result.
        let current = CurrentInspection.make(history)
        let findings = current.findings
        let ranIDs: Set<String>? = current.runs.contains { $0.checks == nil } || current.runs.isEmpty
            ? latest?.checks.map(Set.init) : Set(current.runs.flatMap { $0.checks ?? [] })
        let checks = CheckCatalog.all.map { def -> CheckStatus in
            let mine = findings.filter { $0.check == def.id }
            return CheckStatus(checkID: def.id, name: def.name, worst: mine.map(\.severity).max(), count: mine.count,
                               ran: !mine.isEmpty || (ranIDs?.contains(def.id) ?? true))
        }
        let months = MonthlySummary.months(tickets: tickets, history: history, figures: figures)
        // SLA is about tickets: "this month" is the latest month that has tickets, so a month holding only an
        // inspection run does not show an empty rate.
        let month = tickets.last?.month ?? months.last
        let open = tickets.filter(\.isOpen)
        let day = asOf ?? latest.map { CalendarDay($0.finishedAt) }
        return Dashboard(
            latestRun: latest, checks: checks, latestFindings: findings.count, openTickets: open,
            openByPriority: TicketPriority.allCases.map { p in open.filter { $0.priority == p }.count },
            totalTickets: tickets.count, month: month,
            monthSLA: month.map { m in SLACompliance.of(tickets.filter { $0.month == m }, levels: levels) },
            queryTrend: QueryTrend.make(figures: figures), diskFindings: findings.filter { $0.check == "disk" },
            capacity: capacity, months: months, asOf: day?.description,
            today: day.map { DeadlineCompliance.day($0, runs: history.runs, deadline: deadline) },
            deadline: deadline.timeText, missingSites: current.missing)
    }
}
