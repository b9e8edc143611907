import ArchiveEngine
import Foundation

/// The query trend the dashboard draws: monthly totals of one source, with the level they come from
/// stated. The series covering the most months is drawn (the detailed log, which is counted rather than
/// reported, wins a tie); its day figures are added up per month within that one source.
public struct QueryTrend: Codable, Hashable, Sendable {
    public var source: String
    /// The level of the stored figures the points come from (`day` when days were added up per month).
    public var level: QueryPeriod.Level
    public var points: [Point]

    public struct Point: Codable, Hashable, Sendable {
        public var month: String
        public var queries: Int
        /// How much of the month the figure covers; a partial month is drawn and listed as such.
        public var coverage: PeriodCoverage

        public init(month: String, queries: Int, coverage: PeriodCoverage) {
            self.month = month; self.queries = queries; self.coverage = coverage
        }
    }

    /// The last `limit` months of the series with the most months (the detailed log wins a tie), or nil when
    /// no month or day figures exist.
    public static func make(figures: [QueryFigure], limit: Int = 12) -> QueryTrend? {
        var best: QueryTrend?
        var bestMonths = 0
        for (source, level) in [("detail", QueryPeriod.Level.day), ("detail", .month), ("aggregate", .month), ("aggregate", .day)] {
            guard let trend = series(figures: figures, source: source, level: level, limit: limit) else { continue }
            let months = Set(figures.filter { $0.source == source && $0.level == level }.map { $0.period.prefix(7) }).count
            if months > bestMonths { best = trend; bestMonths = months }
        }
        return best
    }

    /// Monthly totals of one source and level: per period the 合计 figure when given, else the channels added
    /// up; day periods are then added up per month (within this one source).
    static func series(figures: [QueryFigure], source: String, level: QueryPeriod.Level, limit: Int) -> QueryTrend? {
        let mine = figures.filter { $0.source == source && $0.level == level }
        guard !mine.isEmpty else { return nil }
        var perPeriod: [String: (all: Int?, sum: Int)] = [:]
        for f in mine {
            var e = perPeriod[f.period] ?? (nil, 0)
            if f.channel == .all { e.all = f.queries } else { e.sum += f.queries }
            perPeriod[f.period] = e
        }
        var perMonth: [String: Int] = [:]
        var daysPerMonth: [String: Set<String>] = [:]
        for (period, e) in perPeriod {
            perMonth[String(period.prefix(7)), default: 0] += e.all ?? e.sum
            if level == .day { daysPerMonth[String(period.prefix(7)), default: []].insert(period) }
        }
        let lastDataDay = PeriodCoverage.lastDataDay(figures)
        let points = perMonth.keys.sorted().suffix(limit).map { month in
            Point(month: month, queries: perMonth[month]!,
                  coverage: level == .day ? .summed(month: month, days: daysPerMonth[month] ?? [])
                      : .stored(period: month, level: .month, lastDataDay: lastDataDay))
        }
        return QueryTrend(source: source, level: level, points: Array(points))
    }
}
