import Foundation

/// A day of the bureau's calendar (`2023-06-30`), without a time: the unit of the 08:30 deadline, of
/// working days and of "data through". Days are compared, counted and stepped arithmetically, so no
/// time-zone database or locale is involved and every build computes the same days.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil (`2023-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// `2023-06-30` or `2023/6/30`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[1].count <= 2, parts[2].count <= 2 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The bureau's day (Asia/Shanghai) holding `date`.
    public init(_ date: Date) {
        let p = BureauTime.parts(date)
        self.init(unchecked: p.y, p.mo, p.d)
    }

    private init(unchecked y: Int, _ m: Int, _ d: Int) {
        year = y; month = m; day = d
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "“\(text)” 不是日期，应写成 2023-06-30 (not a date)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// `2023-06-30`.
    public var description: String { year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2) }

    /// `2023-06`.
    public var monthText: String { year.zeroPadded(4) + "-" + month.zeroPadded(2) }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days n: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + n) }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The first and last day of this day's month.
    public var firstOfMonth: CalendarDay { CalendarDay(unchecked: year, month, 1) }
    public var lastOfMonth: CalendarDay { CalendarDay(unchecked: year, month, Self.daysIn(month: month, year: year)) }

    /// Midnight (+08:00) at the start of this day.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(ordinal * 86400 - BureauTime.offsetSeconds)) }

    /// Every day from `first` to `last`, both included (empty when `last` is before `first`).
    public static func days(from first: CalendarDay, through last: CalendarDay) -> [CalendarDay] {
        guard first <= last else { return [] }
        return (first.ordinal...last.ordinal).map(CalendarDay.init(ordinal:))
    }

    /// The month `2023-06` as its first and last day.
    public static func month(_ text: String) -> (first: CalendarDay, last: CalendarDay)? {
        guard let first = CalendarDay(text + "-01") else { return nil }
        return (first, first.lastOfMonth)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
