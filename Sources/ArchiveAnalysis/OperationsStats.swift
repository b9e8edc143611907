import ArchiveEngine
import Foundation

/// The figures the reports are built from, as one document (`archive-ops stats --json`): tickets by month,
/// category and priority, SLA compliance per month, and query totals per period and channel — for scripts
/// and monitoring systems. Built from the same models as the pages, so the two never disagree.
public struct OperationsStats: Codable, Hashable, Sendable {
    public var tickets: TicketTotals
    public var ticketsByMonth: [MonthTickets]
    public var slaByMonth: [MonthSLA]
    public var queries: [QueryFigure]
    public var queryBureauTotal: QueryStatisticsReport.CoverTotal?
    public var queryDetailTotal: QueryStatisticsReport.CoverTotal?
    /// Where a year or half-year total and the sum of its parts disagree, and by how much.
    public var queryLevelDisagreements: [QueryLevelDisagreement]
    /// Figures a later import changed.
    public var queryRevisions: [QueryRevision]
    public var inspections: InspectionTotals

    enum CodingKeys: String, CodingKey {
        case tickets, queries, inspections
        case ticketsByMonth = "tickets_by_month"
        case slaByMonth = "sla_by_month"
        case queryBureauTotal = "query_bureau_total"
        case queryDetailTotal = "query_detail_total"
        case queryLevelDisagreements = "query_level_disagreements"
        case queryRevisions = "query_revisions"
    }

    public struct TicketTotals: Codable, Hashable, Sendable {
        public var total: Int
        public var open: Int
        public var sla: SLACompliance
    }

    public struct MonthTickets: Codable, Hashable, Sendable {
        public var month: String
        public var total: Int
        public var open: Int
        /// Category alias → count; every category present, zero included, so scripts need no defaults.
        public var byCategory: [String: Int]
        public var byPriority: [String: Int]

        enum CodingKeys: String, CodingKey {
            case month, total, open
            case byCategory = "by_category"
            case byPriority = "by_priority"
        }
    }

    public struct MonthSLA: Codable, Hashable, Sendable {
        public var month: String
        public var sla: SLACompliance
    }

    public struct InspectionTotals: Codable, Hashable, Sendable {
        public var runs: Int
        public var latestRun: String?
        public var latestFindings: Int

        enum CodingKeys: String, CodingKey {
            case runs
            case latestRun = "latest_run"
            case latestFindings = "latest_findings"
        }
    }

    public static func load(from store: OperationsStore, levels: ServiceLevels = .init()) throws -> OperationsStats {
        let tickets = try store.ticketRecords()
        let figures = try QueryFigure.all(in: store)
        let runs = try store.inspectionRuns()
        let latestFindings = try runs.last.map { try store.findings(ofRun: $0.id).count } ?? 0
        return make(tickets: tickets, figures: figures, runs: runs, latestFindings: latestFindings, levels: levels,
                    revisions: try store.queryRevisions())
    }

    public static func make(tickets: [TicketRecord], figures: [QueryFigure], runs: [InspectionRun], latestFindings: Int,
                            levels: ServiceLevels = .init(), revisions: [QueryRevision] = []) -> OperationsStats {
        let months = Array(Set(tickets.map(\.month))).sorted()
        let byMonth = months.map { m -> MonthTickets in
            let mine = tickets.filter { $0.month == m }
            var cats: [String: Int] = [:]
            for c in TicketCategory.allCases { cats[c.rawValue] = mine.filter { $0.category == c }.count }
            var pris: [String: Int] = [:]
            for p in TicketPriority.allCases { pris[p.rawValue] = mine.filter { $0.priority == p }.count }
            return MonthTickets(month: m, total: mine.count, open: mine.filter(\.isOpen).count, byCategory: cats, byPriority: pris)
        }
        let report = QueryStatisticsReport.make(figures: figures)
        return OperationsStats(
            tickets: TicketTotals(total: tickets.count, open: tickets.filter(\.isOpen).count, sla: .of(tickets, levels: levels)),
            ticketsByMonth: byMonth,
            slaByMonth: months.map { m in MonthSLA(month: m, sla: .of(tickets.filter { $0.month == m }, levels: levels)) },
            queries: figures, queryBureauTotal: report.bureauTotal, queryDetailTotal: report.detailTotal,
            queryLevelDisagreements: QueryLevelDisagreement.find(in: figures), queryRevisions: revisions,
            inspections: InspectionTotals(runs: runs.count, latestRun: runs.last?.id, latestFindings: latestFindings))
    }

    /// Pretty JSON with sorted keys: the same database always prints the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
