import ArchiveEngine
import Foundation

/// The months a bundle covers (验收期间), e.g. 2022-07 to 2023-06 for a contract year.
///
/// The period's end fixes every date inside the bundle (ZIP entry times, PDF dates), so that the same
/// database and period always give the same bytes, whatever the clock says when `archive` runs.
public struct BundlePeriod: Codable, Equatable, Sendable, CustomStringConvertible {
    /// First month, `YYYY-MM`.
    public let from: String
    /// Last month, `YYYY-MM`, inclusive.
    public let to: String

    public init(from: String, to: String) throws {
        guard let start = Self.month(from) else { throw BundlePeriodError.invalidMonth("--from", from) }
        guard let end = Self.month(to) else { throw BundlePeriodError.invalidMonth("--to", to) }
        guard start.year * 12 + start.month <= end.year * 12 + end.month else {
            throw BundlePeriodError.reversed(from, to)
        }
        self.from = String(format: "%04d-%02d", start.year, start.month)
        self.to = String(format: "%04d-%02d", end.year, end.month)
    }

    /// Decoding validates too: a manifest from an unknown hand must not be trusted to hold real months.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(from: try c.decode(String.self, forKey: .from), to: try c.decode(String.self, forKey: .to))
    }

    public var description: String { from == to ? from : "\(from) 至 \(to)" }

    /// The first day, `YYYY-MM-DD`.
    public var firstDay: String { from + "-01" }

    /// The last day, `YYYY-MM-DD`.
    public var lastDay: String {
        let (y, m) = Self.month(to)!
        return String(format: "%04d-%02d-%02d", y, m, Self.daysIn(y, m))
    }

    /// Every month of the period, `YYYY-MM`, in order.
    public var months: [String] {
        let (y0, m0) = Self.month(from)!, (y1, m1) = Self.month(to)!
        return (y0 * 12 + m0 - 1 ... y1 * 12 + m1 - 1).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
    }

    /// The last second of the period in Beijing time (23:59:59 on the last day).
    public var end: Date {
        BureauTime.parse("\(lastDay)T23:59:59+08:00")!
    }

    /// The moment whose UTC wall clock reads the period's last even second in Beijing time. ZIP entry
    /// times have no time zone and two-second steps; ZIPFoundation writes them from UTC, so this gives
    /// entries dated 23:59:58 on the last day wherever the bundle is made.
    var zipEntryDate: Date {
        BureauTime.parse("\(lastDay)T23:59:58Z")!
    }

    /// The DOS (date, time) pair every entry carries.
    var dosDateTime: (date: UInt16, time: UInt16) {
        let (y, m) = Self.month(to)!
        let date = UInt16((y - 1980) << 9 | m << 5 | Self.daysIn(y, m))
        let time = UInt16(23 << 11 | 59 << 5 | 58 / 2)
        return (date, time)
    }

    /// A file-name-safe label: `2022-07_2023-06`.
    public var label: String { "\(from)_\(to)" }

    static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              let y = Int(parts[0]), let m = Int(parts[1]), (1980...2099).contains(y), (1...12).contains(m) else { return nil }
        return (y, m)
    }

    static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

public enum BundlePeriodError: Error, CustomStringConvertible {
    case invalidMonth(String, String)
    case reversed(String, String)

    public var description: String {
        switch self {
        case .invalidMonth(let option, let text):
            "\(option) 的值 “\(text)” 不是年月，请写成 YYYY-MM，例如 2022-07。 (month must be YYYY-MM)"
        case .reversed(let from, let to):
            "期间起始月 \(from) 晚于结束月 \(to)，请交换 --from 与 --to。 (--from is after --to)"
        }
    }
}
