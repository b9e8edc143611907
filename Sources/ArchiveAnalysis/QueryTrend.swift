import ArchiveEngine
import Foundation

/// The query trend the dashboard draws: monthly totals of one source, with the level they come from
/// stated. The detailed log is preferred (it is counted, not reported); its day figures are added up per
/// month within that one source. Without it, the bureau's month figures are used.
public struct QueryTrend: Codable, Hashable, Sendable {
    public var source: String
    /// The level of the stored figures the points come from (`day` when days were added up per month).
    public var level: QueryPeriod.Level
    public var points: [Point]

    public struct Point: Codable, Hashable, Sendable {
        public var month: String
        public var queries: Int
    }

    /// The last `limit` months of the preferred series, or nil when no month or day figures exist.
    public static func make(figures: [QueryFigure], limit: Int = 12) -> QueryTrend? {
        for (source, level) in [("detail", QueryPeriod.Level.day), ("detail", .month), ("aggregate", .month), ("aggregate", .day)] {
            let mine = figures.filter { $0.source == source && $0.level == level }
            guard !mine.isEmpty else { continue }
            // Per month: the 合计 figure when the period has one, else the channels added up.
            var perPeriod: [String: (all: Int?, sum: Int)] = [:]
            for f in mine {
                var e = perPeriod[f.period] ?? (nil, 0)
                if f.channel == .all { e.all = f.queries } else { e.sum += f.queries }
                perPeriod[f.period] = e
            }
            var perMonth: [String: Int] = [:]
            for (period, e) in perPeriod { perMonth[String(period.prefix(7)), default: 0] += e.all ?? e.sum }
            let points = perMonth.keys.sorted().suffix(limit).map { Point(month: $0, queries: perMonth[$0]!) }
            return QueryTrend(source: source, level: level, points: Array(points))
        }
        return nil
    }
}
