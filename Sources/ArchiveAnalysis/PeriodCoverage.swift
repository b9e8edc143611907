import ArchiveEngine
import Foundation

/// How many days of its period a query figure covers. A month whose data stops on the 29th is not a fall
/// in queries: charts and tables mark such a period 不完整 (partial) and say how far its data goes, so a
/// manager does not read 29 days against 31 as a drop.
///
/// Two ways a period is partial:
/// - a figure added up from day figures has fewer days than the period (``summed(month:days:)``);
/// - a stored figure (month, half-year, year) covers a period the data ends inside: the store's last day
///   figure of any source is before the period's last day (``stored(period:level:lastDataDay:)``) —
///   the bureau's June total taken on 30 June counts 29 days.
public struct PeriodCoverage: Codable, Hashable, Sendable {
    /// Days of the period the figure covers.
    public var days: Int
    /// Days in the whole period.
    public var periodDays: Int
    /// The last day with data, when the period runs past it.
    public var through: String?

    public init(days: Int, periodDays: Int, through: String? = nil) {
        self.days = days; self.periodDays = periodDays; self.through = through
    }

    public var isPartial: Bool { days < periodDays }

    /// A stored figure of `period` at `level`: partial when `lastDataDay` falls inside it before its last day.
    public static func stored(period: String, level: QueryPeriod.Level, lastDataDay: CalendarDay?) -> PeriodCoverage {
        let range = QueryFigure.dayRange(period: period, level: level)
        guard let first = CalendarDay(range.first), let last = Self.lastDay(range.last) else {
            return PeriodCoverage(days: 1, periodDays: 1)
        }
        let all = last.ordinal - first.ordinal + 1
        if let end = lastDataDay, first <= end, end < last {
            return PeriodCoverage(days: end.ordinal - first.ordinal + 1, periodDays: all, through: end.description)
        }
        return PeriodCoverage(days: all, periodDays: all)
    }

    /// A month added up from the day figures of `days` (`yyyy-MM-dd`, one source).
    public static func summed(month: String, days: Set<String>) -> PeriodCoverage {
        guard let bounds = CalendarDay.month(month) else { return PeriodCoverage(days: days.count, periodDays: days.count) }
        let all = bounds.last.day
        let through = days.max().flatMap { $0 < bounds.last.description ? $0 : nil }
        return PeriodCoverage(days: min(days.count, all), periodDays: all, through: through)
    }

    /// The latest day that has a day figure, from any source: how far the store's query data goes.
    public static func lastDataDay(_ figures: [QueryFigure]) -> CalendarDay? {
        figures.lazy.filter { $0.level == .day }.map(\.period).max().flatMap(CalendarDay.init)
    }

    /// `dayRange` writes every month's last day as the 31st; the real last day of that month.
    private static func lastDay(_ text: String) -> CalendarDay? {
        if let d = CalendarDay(text) { return d }
        return CalendarDay.month(String(text.prefix(7)))?.last
    }
}
