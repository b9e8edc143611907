import Foundation

/// A total of archive queries (档案查询量) for one period and channel.
///
/// Totals come at different levels (a year, a half year, a month, a day) and from different sources
/// (an aggregate CSV of the bureau, or counted from the detailed `query_log`). The level is kept with
/// every figure so that reports can say which one they use and never add a month to the year holding it.
public struct QueryStatistic: Codable, Hashable, Sendable {
    public var period: QueryPeriod
    public var channel: QueryChannel
    public var queries: Int
    public var notFound: Int?

    public init(period: QueryPeriod, channel: QueryChannel, queries: Int, notFound: Int? = nil) {
        self.period = period; self.channel = channel; self.queries = queries; self.notFound = notFound
    }
}

/// 统计期间: `2022`, `2023-H1`, `2023-06` or `2023-06-30`.
public struct QueryPeriod: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Level: String, Codable, CaseIterable, Sendable {
        case year, half, month, day

        public var chineseName: String {
            switch self {
            case .year: "年"
            case .half: "半年"
            case .month: "月"
            case .day: "日"
            }
        }
    }

    public let text: String
    public let level: Level

    public var description: String { text }

    /// Parses the four accepted forms; nil for anything else.
    public init?(_ raw: String) {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func number(_ s: String, digits: Int, in range: ClosedRange<Int>) -> Int? {
            guard s.count == digits, let n = Int(s), range.contains(n) else { return nil }
            return n
        }
        guard let first = parts.first, number(first, digits: 4, in: 1900...2999) != nil else { return nil }
        switch parts.count {
        case 1:
            level = .year
        case 2 where parts[1] == "H1" || parts[1] == "H2":
            level = .half
        case 2 where number(parts[1], digits: 2, in: 1...12) != nil:
            level = .month
        case 3 where number(parts[1], digits: 2, in: 1...12) != nil && number(parts[2], digits: 2, in: 1...31) != nil:
            guard BureauTime.parseDate(t) != nil else { return nil }
            level = .day
        default:
            return nil
        }
        text = t
    }

    public static func < (a: QueryPeriod, b: QueryPeriod) -> Bool { a.text < b.text }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let p = QueryPeriod(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "统计期间无效: \(s)"))
        }
        self = p
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// 渠道 — where queries come from; `all` is the bureau's 合计.
public enum QueryChannel: String, Codable, CaseIterable, Sendable {
    case kiosk, window, online, province, all

    public var chineseName: String {
        switch self {
        case .kiosk: "自助终端"
        case .window: "窗口"
        case .online: "网上"
        case .province: "全省"
        case .all: "合计"
        }
    }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let c = QueryChannel(rawValue: t.lowercased()) { self = c; return }
        guard let c = QueryChannel.allCases.first(where: { $0.chineseName == t }) else { return nil }
        self = c
    }
}

/// A figure an import changed (查询量修订): the same period and channel held another value from an earlier
/// file. Reports list these so that a revised bureau figure is visible, not silently replaced.
public struct QueryRevision: Codable, Hashable, Sendable {
    public var period: String
    public var channel: QueryChannel
    public var queriesBefore: Int
    public var notFoundBefore: Int?
    public var queriesAfter: Int
    public var notFoundAfter: Int?
    public var fileBefore: String?
    public var fileAfter: String?

    enum CodingKeys: String, CodingKey {
        case period, channel
        case queriesBefore = "queries_before", notFoundBefore = "not_found_before"
        case queriesAfter = "queries_after", notFoundAfter = "not_found_after"
        case fileBefore = "file_before", fileAfter = "file_after"
    }

    public init(period: String, channel: QueryChannel, queriesBefore: Int, notFoundBefore: Int?, queriesAfter: Int,
                notFoundAfter: Int?, fileBefore: String?, fileAfter: String?) {
        self.period = period; self.channel = channel; self.queriesBefore = queriesBefore; self.notFoundBefore = notFoundBefore
        self.queriesAfter = queriesAfter; self.notFoundAfter = notFoundAfter; self.fileBefore = fileBefore; self.fileAfter = fileAfter
    }
}
