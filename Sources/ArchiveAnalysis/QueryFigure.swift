import ArchiveEngine
import Foundation

/// Report helpers of a stored query total (``QueryFigure``, read by the store).
extension QueryFigure {
    /// Every stored figure, ordered by source, level, period and channel (a stable order for pages and JSON).
    public static func all(in store: OperationsStore) throws -> [QueryFigure] {
        try store.queryFigures()
            .sorted { ($0.source, $0.level.order, $0.period, $0.channel.order) < ($1.source, $1.level.order, $1.period, $1.channel.order) }
    }

    /// First and last day (`yyyy-MM-dd`, inclusive) the period covers, for overlap tests.
    public var dayRange: (first: String, last: String) { QueryFigure.dayRange(period: period, level: level) }

    public static func dayRange(period: String, level: QueryPeriod.Level) -> (first: String, last: String) {
        let y = String(period.prefix(4))
        switch level {
        case .year: return ("\(y)-01-01", "\(y)-12-31")
        case .half: return period.hasSuffix("H1") ? ("\(y)-01-01", "\(y)-06-30") : ("\(y)-07-01", "\(y)-12-31")
        case .month: return ("\(period)-01", "\(period)-31")
        case .day: return (period, period)
        }
    }
}

extension QueryPeriod.Level {
    /// Coarsest first: year, half, month, day.
    public var order: Int {
        switch self {
        case .year: 0
        case .half: 1
        case .month: 2
        case .day: 3
        }
    }
}

extension QueryChannel {
    /// The order the bureau lists channels in, 合计 last.
    public var order: Int { QueryChannel.allCases.firstIndex(of: self) ?? 0 }
}

/// The two sources of query figures, named for readers.
public enum QuerySource {
    public static func chineseName(_ source: String) -> String {
        switch source {
        case "aggregate": "市局汇总报表"
        case "detail": "查询明细统计"
        default: source
        }
    }
}
