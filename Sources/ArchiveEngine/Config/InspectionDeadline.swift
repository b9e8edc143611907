import Foundation

/// The contract's daily inspection deadline (每天 8 点 30 分之前巡检) and the days it applies to, from the
/// `inspection_deadline` section of `archive-ops.yaml`. The contract says 每天 (every day), so by default every
/// day of the week is a working day; a team that inspects on the bureau's working days only lists the
/// weekdays and the public holidays, and the 调休 Saturdays or Sundays that are worked.
public struct InspectionDeadline: Codable, Equatable, Sendable {
    /// The deadline as minutes after midnight, bureau time (08:30 → 510).
    public var minutes: Int = 8 * 60 + 30
    /// ISO weekdays on which the inspection is due: 1 Monday … 7 Sunday.
    public var weekdays: Set<Int> = Set(1...7)
    /// Days off although their weekday is listed (法定节假日).
    public var holidays: Set<CalendarDay> = []
    /// Days worked although their weekday is not listed (调休上班日).
    public var extraWorkingDays: Set<CalendarDay> = []

    public init() {}

    /// Whether the inspection is due on `day`.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        if extraWorkingDays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return weekdays.contains(day.isoWeekday)
    }

    /// `08:30`.
    public var timeText: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// The deadline on `day` as an instant.
    public func instant(on day: CalendarDay) -> Date { day.start.addingTimeInterval(TimeInterval(minutes * 60)) }

    enum CodingKeys: String, CodingKey {
        case time, weekdays, holidays
        case extraWorkingDays = "extra_working_days"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try c.decodeIfPresent(String.self, forKey: .time) {
            guard let m = Self.minutes(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .time, in: c,
                    debugDescription: "inspection_deadline.time “\(text)” 不是时刻，应写成 \"08:30\"（24 小时制）。 (not a time of day; write \"08:30\")")
            }
            minutes = m
        }
        if let days = try c.decodeIfPresent([Int].self, forKey: .weekdays) {
            guard !days.isEmpty, days.allSatisfy((1...7).contains) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .weekdays, in: c,
                    debugDescription: "inspection_deadline.weekdays 应为 1（周一）到 7（周日）的列表，例如 [1, 2, 3, 4, 5]。 (list ISO weekdays 1–7)")
            }
            weekdays = Set(days)
        }
        holidays = Set(try c.decodeIfPresent([CalendarDay].self, forKey: .holidays) ?? [])
        extraWorkingDays = Set(try c.decodeIfPresent([CalendarDay].self, forKey: .extraWorkingDays) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timeText, forKey: .time)
        try c.encode(weekdays.sorted(), forKey: .weekdays)
        try c.encode(holidays.sorted(), forKey: .holidays)
        try c.encode(extraWorkingDays.sorted(), forKey: .extraWorkingDays)
    }

    /// `08:30` or `8:30` → 510; nil for anything else.
    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
