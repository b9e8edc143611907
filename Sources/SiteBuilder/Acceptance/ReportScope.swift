import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The days an acceptance bundle reports on (验收期间): report data cut to them, so every page rendered
/// from it — the dashboard included — reads as it did at the period's end.
///
/// Tickets reported, inspections started and query figures lying within the days are kept. A ticket
/// reported in the period keeps the status the database holds now (the store keeps no status history);
/// the dashboard's "open tickets" therefore counts those still open today.
public struct ReportScope: Sendable, Equatable {
    /// `YYYY-MM-DD`, inclusive.
    public var firstDay: String
    public var lastDay: String

    public init(firstDay: String, lastDay: String) { self.firstDay = firstDay; self.lastDay = lastDay }

    func contains(day: String) -> Bool { day >= firstDay && day <= lastDay }

    /// The end of the last day (midnight after it, bureau time): capacity history is cut there.
    var end: Date? { BureauTime.parseDate(lastDay).map { $0.addingTimeInterval(86_400) } }
}

extension ReportData {
    /// This data cut to `scope`.
    func scoped(to scope: ReportScope) -> ReportData {
        let tickets = self.tickets.filter { scope.contains(day: String($0.reportedAt.prefix(10))) }
        let runs = history.runs.filter { scope.contains(day: BureauTime.day($0.startedAt)) }
        let ids = Set(runs.map(\.id))
        let history = InspectionHistory(runs: runs, findings: self.history.findings.filter { ids.contains($0.key) })
        let figures = self.figures.filter { f in
            let range = f.dayRange
            return range.first >= scope.firstDay && range.last <= scope.lastDay
        }
        let months = MonthlySummary.months(tickets: tickets, history: history, figures: figures)
            .filter { $0 >= String(scope.firstDay.prefix(7)) && $0 <= String(scope.lastDay.prefix(7)) }
        let periods = Set(figures.map(\.period))
        return ReportData(tickets: tickets, history: history, figures: figures,
                          revisions: revisions.filter { periods.contains($0.period) }, levels: levels, months: months,
                          ticketFiles: ticketFiles.filter { id, _ in tickets.contains { $0.id == id } })
    }
}
