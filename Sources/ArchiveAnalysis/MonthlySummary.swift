import ArchiveEngine
import Foundation

/// The monthly maintenance summary (月度运维总结) the bureau reads at acceptance: tickets by category and
/// priority, SLA compliance, inspections and the findings they opened and closed, anomalies repaired,
/// query volume by channel with the not-found rate and its causes, disk status, and training given.
///
/// Where the store holds no data for a section the section says so (``DiskSection/capacityRecorded``);
/// nothing is estimated.
public struct MonthlySummary: Codable, Hashable, Sendable {
    public var month: String
    public var tickets: TicketSection
    public var sla: SLACompliance
    /// Tickets that missed a target, with how much.
    public var slaMisses: [SLAMiss]
    public var inspections: InspectionSection
    public var queries: QuerySection
    public var disk: DiskSection
    public var training: [TicketRecord]
    /// The 08:30 deadline over the month: on-time rate, late and missing days.
    public var deadline: DeadlineCompliance.Month
    /// The deadline, `08:30`.
    public var deadlineTime: String

    public struct TicketSection: Codable, Hashable, Sendable {
        public var total: Int
        public var open: Int
        public var rows: [CategoryRow]
        /// Per priority in `TicketPriority.allCases` order.
        public var priorityTotals: [Int]
    }

    public struct CategoryRow: Codable, Hashable, Sendable {
        public var category: TicketCategory
        /// Per priority in `TicketPriority.allCases` order.
        public var byPriority: [Int]
        public var total: Int
    }

    public struct SLAMiss: Codable, Hashable, Sendable {
        public var ticketID: String
        public var priority: TicketPriority
        public var verdict: TicketSLAVerdict
        public var responseMinutes: Double?
        public var onsiteMinutes: Double?
    }

    public struct InspectionSection: Codable, Hashable, Sendable {
        public var runIDs: [String]
        /// Findings first seen in a run of this month (compared with the run before it).
        public var opened: Int
        /// Findings present in the run before and gone in a run of this month.
        public var closed: Int
        /// `anomaly.*` findings that disappeared: the anomalies repaired (异常数据修复).
        public var anomaliesRepaired: [RepairedFinding]
        /// Findings by code over the month's runs (a problem open for five days counts five times here,
        /// so the table is labelled 发现次数, occurrences).
        public var occurrences: [CodeCount]
    }

    public struct RepairedFinding: Codable, Hashable, Sendable {
        /// The run in which the finding was no longer reported.
        public var runID: String
        public var finding: Finding
        public var title: String
    }

    public struct CodeCount: Codable, Hashable, Sendable {
        public var code: String
        public var title: String
        public var count: Int
    }

    public struct QuerySection: Codable, Hashable, Sendable {
        /// One row per source (and level) that has figures for this month.
        public var rows: [QueryMonthRow]
        /// Not-found queries of the month's inspections by cause (notfound.* code), each query counted once.
        public var notFoundCauses: [CodeCount]
    }

    public struct QueryMonthRow: Codable, Hashable, Sendable {
        public var source: String
        /// `month` for a stored month figure; `day` when the month is the sum of that source's day figures.
        public var level: QueryPeriod.Level
        public var days: Int
        public var channel: QueryChannel
        public var queries: Int
        public var notFound: Int?
        public var notFoundPercent: Double?
        /// How much of the month the figures cover (partial when the data ends before the month does).
        public var coverage: PeriodCoverage
    }

    public struct DiskSection: Codable, Hashable, Sendable {
        /// disk.* findings of the month's last run.
        public var latestFindings: [Finding]
        public var latestRunID: String?
        /// disk.* occurrences by mount over the month.
        public var mounts: [CodeCount]
        /// False when the store holds no capacity history for the month: growth in bytes cannot be stated.
        public var capacityRecorded: Bool
        /// Usage, growth and the forecast of each mount, and each site's archive growth, for the month.
        public var capacity: MonthlyCapacity?
    }

    /// Every month that has tickets, inspection runs or query figures, oldest first.
    public static func months(tickets: [TicketRecord], history: InspectionHistory, figures: [QueryFigure]) -> [String] {
        var set = Set(tickets.map(\.month))
        for r in history.runs { set.insert(BureauTime.month(r.startedAt)) }
        for f in figures where f.level == .month || f.level == .day { set.insert(String(f.period.prefix(7))) }
        return set.sorted()
    }

    /// The runs a month's summary reads, when the caller has them by month already (the site build groups
    /// every run once for all months): a month then costs its own runs, not a pass over every run.
    public struct MonthRuns: Sendable {
        /// Indexes into the history's runs of the runs started in the month, in order.
        public var started: [Int]
        /// At least every run that finished on a day of the month (more do no harm).
        public var finishing: [InspectionRun]
        /// The first day any run of the history finished: where the on-time rate starts.
        public var firstRunDay: CalendarDay?

        public init(started: [Int], finishing: [InspectionRun], firstRunDay: CalendarDay?) {
            self.started = started
            self.finishing = finishing
            self.firstRunDay = firstRunDay
        }
    }

    /// The summary of `month`. `runs`, when given, must be what ``MonthRuns`` says; the summary is the same
    /// either way.
    public static func make(month: String, tickets allTickets: [TicketRecord], history: InspectionHistory,
                            figures: [QueryFigure], levels: ServiceLevels = .init(),
                            deadline: InspectionDeadline = .init(), asOf: CalendarDay? = nil,
                            capacity: MonthlyCapacity? = nil, runs: MonthRuns? = nil) -> MonthlySummary {
        let tickets = allTickets.filter { $0.month == month }
        let indexes = runs?.started ?? runIndexes(month: month, history: history)
        let judgedAsOf = asOf ?? CalendarDay.month(month)?.last ?? CalendarDay(ordinal: 0)
        let deadlineMonth = runs.map {
            DeadlineCompliance.month(month, runsFinishingIn: $0.finishing, firstRunDay: $0.firstRunDay, deadline: deadline,
                                     asOf: judgedAsOf)
        } ?? DeadlineCompliance.month(month, runs: history.runs, deadline: deadline, asOf: judgedAsOf)
        let rows = TicketCategory.allCases.compactMap { cat -> CategoryRow? in
            let mine = tickets.filter { $0.category == cat }
            guard !mine.isEmpty else { return nil }
            return CategoryRow(category: cat, byPriority: TicketPriority.allCases.map { p in mine.filter { $0.priority == p }.count },
                               total: mine.count)
        }
        let ticketSection = TicketSection(
            total: tickets.count, open: tickets.filter(\.isOpen).count, rows: rows,
            priorityTotals: TicketPriority.allCases.map { p in tickets.filter { $0.priority == p }.count })
        let misses = tickets.compactMap { t -> SLAMiss? in
            let v = TicketSLAVerdict.of(t, levels: levels)
            guard v.response == .missed || v.onsite == .missed else { return nil }
            return SLAMiss(ticketID: t.id, priority: t.priority, verdict: v, responseMinutes: t.responseMinutes,
                           onsiteMinutes: t.onsiteMinutes)
        }
        return MonthlySummary(
            month: month, tickets: ticketSection, sla: .of(tickets, levels: levels), slaMisses: misses,
            inspections: inspections(month: month, history: history, indexes: indexes),
            queries: queries(month: month, figures: figures, history: history, indexes: indexes),
            disk: disk(month: month, history: history, capacity: capacity, indexes: indexes),
            training: tickets.filter { $0.category == .training },
            deadline: deadlineMonth,
            deadlineTime: deadline.timeText)
    }

    static func runIndexes(month: String, history: InspectionHistory) -> [Int] {
        history.runs.indices.filter { BureauTime.month(history.runs[$0].startedAt) == month }
    }

    /// `indexes`: the month's runs (``runIndexes(month:history:)`` or ``MonthRuns/started``), in order.
    static func inspections(month: String, history: InspectionHistory, indexes: [Int]) -> InspectionSection {
        var opened = 0, closed = 0
        var repaired: [RepairedFinding] = []
        var counts: [String: Int] = [:]
        for i in indexes {
            let c = history.changes(at: i)
            opened += c.new.count
            closed += c.resolved.count
            for f in c.resolved where f.code.hasPrefix("anomaly.") {
                repaired.append(RepairedFinding(runID: history.runs[i].id, finding: f,
                                                title: CheckCatalog.definition(code: f.code)?.title ?? f.code))
            }
            for f in history.findings(of: history.runs[i]) { counts[f.code, default: 0] += 1 }
        }
        return InspectionSection(runIDs: indexes.map { history.runs[$0].id }, opened: opened, closed: closed,
                                 anomaliesRepaired: repaired, occurrences: codeCounts(counts))
    }

    static func codeCounts(_ counts: [String: Int]) -> [CodeCount] {
        counts.keys.sorted().map { CodeCount(code: $0, title: CheckCatalog.definition(code: $0)?.title ?? $0, count: counts[$0]!) }
    }

    static func queries(month: String, figures: [QueryFigure], history: InspectionHistory, indexes: [Int]) -> QuerySection {
        var rows: [QueryMonthRow] = []
        let lastDataDay = PeriodCoverage.lastDataDay(figures)
        for source in Array(Set(figures.map(\.source))).sorted() {
            let monthFigures = figures.filter { $0.source == source && $0.level == .month && $0.period == month }
            if !monthFigures.isEmpty {
                for f in monthFigures.sorted(by: { $0.channel.order < $1.channel.order }) {
                    rows.append(row(source: source, level: .month, days: 0, channel: f.channel, queries: f.queries, notFound: f.notFound,
                                    coverage: .stored(period: month, level: .month, lastDataDay: lastDataDay)))
                }
                continue
            }
            // No month figure from this source: add up its day figures of the month (one level, one source).
            let dayFigures = figures.filter { $0.source == source && $0.level == .day && $0.period.hasPrefix(month + "-") }
            guard !dayFigures.isEmpty else { continue }
            let daySet = Set(dayFigures.map(\.period))
            for channel in QueryChannel.allCases {
                let mine = dayFigures.filter { $0.channel == channel }
                guard !mine.isEmpty else { continue }
                let nf: Int? = mine.allSatisfy { $0.notFound != nil } ? mine.compactMap(\.notFound).reduce(0, +) : nil
                rows.append(row(source: source, level: .day, days: daySet.count, channel: channel,
                                queries: mine.map(\.queries).reduce(0, +), notFound: nf,
                                coverage: .summed(month: month, days: daySet)))
            }
        }
        var seen = Set<FindingKey>()
        var causes: [String: Int] = [:]
        for i in indexes {
            for f in history.findings(of: history.runs[i]) where f.code.hasPrefix("notfound.") {
                // The same query triaged by two runs is one not-found query.
                var key = FindingKey(f)
                key.site = ""
                if seen.insert(key).inserted { causes[f.code, default: 0] += 1 }
            }
        }
        return QuerySection(rows: rows, notFoundCauses: codeCounts(causes))
    }

    static func row(source: String, level: QueryPeriod.Level, days: Int, channel: QueryChannel, queries: Int,
                    notFound: Int?, coverage: PeriodCoverage) -> QueryMonthRow {
        let percent = notFound.flatMap { nf in queries > 0 ? (Double(nf) * 1000 / Double(queries)).rounded() / 10 : nil }
        return QueryMonthRow(source: source, level: level, days: days, channel: channel, queries: queries,
                             notFound: notFound, notFoundPercent: percent, coverage: coverage)
    }

    static func disk(month: String, history: InspectionHistory, capacity: MonthlyCapacity?, indexes: [Int]) -> DiskSection {
        var counts: [String: Int] = [:]
        for i in indexes {
            for f in history.findings(of: history.runs[i]) where f.check == "disk" {
                counts["\(f.host ?? "?"):\(f.mount ?? "?")", default: 0] += 1
            }
        }
        let last = indexes.last.map { history.runs[$0] }
        return DiskSection(
            latestFindings: last.map { history.findings(of: $0).filter { $0.check == "disk" } } ?? [],
            latestRunID: last?.id,
            mounts: counts.keys.sorted().map { CodeCount(code: $0, title: $0, count: counts[$0]!) },
            capacityRecorded: capacity.map { !$0.mounts.isEmpty || !$0.sites.isEmpty } ?? false, capacity: capacity)
    }
}
