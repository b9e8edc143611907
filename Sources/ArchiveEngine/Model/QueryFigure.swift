import Foundation

/// One stored query total (档案查询量) with its level and source kept beside it: a year, half-year, month or
/// day figure, from the bureau's aggregate CSV (`aggregate`) or counted from the detailed log (`detail`).
/// Read through ``OperationsStore/queryFigures()``; the level is the one the period's text implies.
public struct QueryFigure: Codable, Hashable, Sendable {
    public var period: String
    public var level: QueryPeriod.Level
    public var channel: QueryChannel
    public var source: String
    public var queries: Int
    public var notFound: Int?

    enum CodingKeys: String, CodingKey { case period, level, channel, source, queries, notFound = "not_found" }

    public init(period: String, level: QueryPeriod.Level, channel: QueryChannel, source: String, queries: Int, notFound: Int?) {
        self.period = period; self.level = level; self.channel = channel; self.source = source
        self.queries = queries; self.notFound = notFound
    }

    /// The figure as a ``QueryStatistic`` (the importers' value), nil only if the period text is not one of
    /// the four accepted forms (the store never hands out such a figure).
    public var statistic: QueryStatistic? {
        QueryPeriod(period).map { QueryStatistic(period: $0, channel: channel, queries: queries, notFound: notFound) }
    }
}
