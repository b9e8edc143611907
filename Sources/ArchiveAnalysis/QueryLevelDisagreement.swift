import ArchiveEngine
import Foundation

/// Where two levels of the same figures disagree (层级不一致): a year or half-year total, and the sum of
/// the finer periods that exactly make it up (its two halves, its six or twelve months), from the same
/// source and channel. Reports never add levels together; they say when the levels tell different
/// stories and by how much — 2023-H1 says 259,108 while its six months sum to 263,000 (+3,892).
public struct QueryLevelDisagreement: Codable, Hashable, Sendable {
    public var source: String
    public var channel: QueryChannel
    /// The coarse period and its own figure.
    public var period: String
    public var level: QueryPeriod.Level
    public var total: Int
    /// The finer level whose periods make up `period`, and their sum.
    public var partsLevel: QueryPeriod.Level
    public var parts: [String]
    public var partsSum: Int
    /// `partsSum - total`: positive when the finer periods add up to more.
    public var difference: Int

    enum CodingKeys: String, CodingKey {
        case source, channel, period, level, total, parts, difference
        case partsLevel = "parts_level"
        case partsSum = "parts_sum"
    }

    /// The difference as a share of the coarse total, in percent (one decimal).
    public var differencePercent: Double {
        total == 0 ? 0 : (Double(difference) * 1000 / Double(total)).rounded() / 10
    }

    /// Every disagreement among `figures`, ordered by source, channel, period and finer level.
    public static func find(in figures: [QueryFigure]) -> [QueryLevelDisagreement] {
        var byKey: [String: Int] = [:]
        for f in figures { byKey["\(f.source)|\(f.channel.rawValue)|\(f.period)"] = f.queries }
        var result: [QueryLevelDisagreement] = []
        for f in figures where f.level == .year || f.level == .half {
            let year = String(f.period.prefix(4))
            var candidates: [(QueryPeriod.Level, [String])] = []
            if f.level == .year {
                candidates.append((.half, ["\(year)-H1", "\(year)-H2"]))
                candidates.append((.month, (1...12).map { String(format: "%@-%02d", year, $0) }))
            } else {
                let first = f.period.hasSuffix("H1") ? 1 : 7
                candidates.append((.month, (first..<first + 6).map { String(format: "%@-%02d", year, $0) }))
            }
            for (level, parts) in candidates {
                let values = parts.map { byKey["\(f.source)|\(f.channel.rawValue)|\($0)"] }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                let sum = values.reduce(0) { $0 + ($1 ?? 0) }
                guard sum != f.queries else { continue }
                result.append(QueryLevelDisagreement(source: f.source, channel: f.channel, period: f.period, level: f.level,
                                                     total: f.queries, partsLevel: level, parts: parts, partsSum: sum,
                                                     difference: sum - f.queries))
            }
        }
        return result.sorted {
            ($0.source, $0.channel.order, $0.period, $0.partsLevel.order) < ($1.source, $1.channel.order, $1.period, $1.partsLevel.order)
        }
    }

    /// `2023-H1（半年）259,108，其 6 个月合计 263,000，相差 +3,892（+1.5%）`.
    public var sentence: String {
        let n = { (v: Int) in Self.grouped(v) }
        let sign = difference > 0 ? "+" : "−"
        return "\(period)（\(level.chineseName)）\(n(total))，其 \(parts.count) 个\(partsLevel.chineseName)合计 \(n(partsSum))，相差 \(sign)\(n(abs(difference)))（\(sign)\(String(format: "%.1f", abs(differencePercent)))%）"
    }

    static func grouped(_ v: Int) -> String {
        let digits = String(v)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
