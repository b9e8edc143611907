import ArchiveEngine
import Foundation

/// The query statistics page (档案查询量统计): one table per level and source, each naming its level, and
/// totals that never add a figure to the coarser one that already contains it.
///
/// "No double counting" is structural here: a table holds one level of one source, a row is one period,
/// and the only sums are (a) channels of one period when the bureau gave no 合计 for it, and (b) the grand
/// total over periods that do not overlap (``CoverTotal``), with its composition stated.
public struct QueryStatisticsReport: Codable, Hashable, Sendable {
    public var tables: [LevelTable]
    /// The bureau's reported 合计 over its non-overlapping periods (e.g. 2020–2022 years + 2023-H1).
    public var bureauTotal: CoverTotal?
    /// The same for the detailed log, when it exists.
    public var detailTotal: CoverTotal?

    /// Figures of one level from one source.
    public struct LevelTable: Codable, Hashable, Sendable {
        public var level: QueryPeriod.Level
        public var source: String
        public var channels: [QueryChannel]
        public var rows: [PeriodRow]
        /// True for month totals added up from this source's own day figures (shown when the source has day
        /// figures but no month figures of its own); never part of a ``CoverTotal``.
        public var derivedFromDays = false
    }

    public struct PeriodRow: Codable, Hashable, Sendable {
        public var period: String
        /// Per channel in the table's channel order; nil where the source has no figure.
        public var values: [Int?]
        /// 合计: the `all` figure when given, else the sum of the channels (``totalIsSum`` true).
        public var total: Int
        public var totalIsSum: Bool
        public var notFound: Int?
        /// Not-found rate of the total in percent (one decimal), when not-found counts exist.
        public var notFoundPercent: Double?
        /// How much of the period the figure covers (a month whose data ends on the 29th is partial).
        public var coverage: PeriodCoverage
    }

    /// A total over periods that do not overlap, with the periods it adds up.
    public struct CoverTotal: Codable, Hashable, Sendable {
        public var source: String
        public var periods: [String]
        public var levels: [QueryPeriod.Level]
        public var total: Int
    }

    public static func make(figures: [QueryFigure]) -> QueryStatisticsReport {
        var tables: [LevelTable] = []
        let lastDataDay = PeriodCoverage.lastDataDay(figures)
        for source in Array(Set(figures.map(\.source))).sorted() {
            for level in QueryPeriod.Level.allCases {
                let mine = figures.filter { $0.source == source && $0.level == level }
                guard !mine.isEmpty else { continue }
                let channels = QueryChannel.allCases.filter { c in c != .all && mine.contains { $0.channel == c } }
                let periods = Array(Set(mine.map(\.period))).sorted()
                let rows = periods.map { p -> PeriodRow in
                    periodRow(period: p, figures: mine.filter { $0.period == p }, channels: channels,
                              coverage: level == .day ? PeriodCoverage(days: 1, periodDays: 1)
                                  : .stored(period: p, level: level, lastDataDay: lastDataDay))
                }
                if level == .day, !tables.contains(where: { $0.source == source && $0.level == .month }) {
                    tables.append(monthsFromDays(rows: rows, source: source, channels: channels))
                }
                tables.append(LevelTable(level: level, source: source, channels: channels, rows: rows))
            }
        }
        return QueryStatisticsReport(tables: tables, bureauTotal: cover(of: tables, source: "aggregate"),
                                     detailTotal: cover(of: tables, source: "detail"))
    }

    static func periodRow(period: String, figures: [QueryFigure], channels: [QueryChannel], coverage: PeriodCoverage) -> PeriodRow {
        let values = channels.map { c in figures.first { $0.channel == c }?.queries }
        let all = figures.first { $0.channel == .all }
        let total = all?.queries ?? values.compactMap { $0 }.reduce(0, +)
        let parts = figures.filter { $0.channel != .all }
        let notFound: Int? = all.map { $0.notFound } ?? (parts.allSatisfy { $0.notFound != nil } && !parts.isEmpty
            ? parts.compactMap(\.notFound).reduce(0, +) : nil)
        let percent = notFound.flatMap { nf in total > 0 ? (Double(nf) * 1000 / Double(total)).rounded() / 10 : nil }
        return PeriodRow(period: period, values: values, total: total, totalIsSum: all == nil,
                         notFound: notFound, notFoundPercent: percent, coverage: coverage)
    }

    /// Month totals of one source from its day rows: channels, totals and not-found counts added per month.
    static func monthsFromDays(rows: [PeriodRow], source: String, channels: [QueryChannel]) -> LevelTable {
        var months: [String: [PeriodRow]] = [:]
        for r in rows { months[String(r.period.prefix(7)), default: []].append(r) }
        let monthRows = months.keys.sorted().map { m -> PeriodRow in
            let days = months[m]!
            let values = channels.indices.map { i -> Int? in
                let v = days.compactMap { $0.values[i] }
                return v.isEmpty ? nil : v.reduce(0, +)
            }
            let total = days.map(\.total).reduce(0, +)
            let nf: Int? = days.allSatisfy { $0.notFound != nil } ? days.compactMap(\.notFound).reduce(0, +) : nil
            let percent = nf.flatMap { n in total > 0 ? (Double(n) * 1000 / Double(total)).rounded() / 10 : nil }
            return PeriodRow(period: m, values: values, total: total, totalIsSum: days.contains(where: \.totalIsSum),
                             notFound: nf, notFoundPercent: percent, coverage: .summed(month: m, days: Set(days.map(\.period))))
        }
        return LevelTable(level: .month, source: source, channels: channels, rows: monthRows, derivedFromDays: true)
    }

    /// Coarsest periods first; a finer period is added only when no chosen period overlaps it.
    static func cover(of tables: [LevelTable], source: String) -> CoverTotal? {
        var chosen: [(period: String, level: QueryPeriod.Level, total: Int, range: (first: String, last: String))] = []
        for table in tables where table.source == source && !table.derivedFromDays {
            for row in table.rows {
                let r = QueryFigure.dayRange(period: row.period, level: table.level)
                if chosen.contains(where: { $0.range.first <= r.last && r.first <= $0.range.last }) { continue }
                chosen.append((row.period, table.level, row.total, r))
            }
        }
        guard !chosen.isEmpty else { return nil }
        chosen.sort { $0.range.first < $1.range.first }
        var levels: [QueryPeriod.Level] = []
        for c in chosen where !levels.contains(c.level) { levels.append(c.level) }
        return CoverTotal(source: source, periods: chosen.map(\.period), levels: levels,
                          total: chosen.map(\.total).reduce(0, +))
    }
}
