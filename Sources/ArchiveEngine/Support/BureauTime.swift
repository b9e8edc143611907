import Foundation

/// Time as the bureau writes it: Asia/Shanghai (+08:00, no daylight saving), in the handful of forms
/// that Excel and the platform's exports produce.
///
/// Parsing is written out by hand rather than with `DateFormatter` because exports mix forms row by row
/// (`2023/6/30 17:05` next to ISO 8601) and because a million query_log rows must parse quickly.
public enum BureauTime {
    /// The bureau's fixed offset: UTC+8 all year round.
    public static let offsetSeconds = 8 * 3600

    public static let timeZone = TimeZone(secondsFromGMT: offsetSeconds)!

    public static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// Parses a timestamp: `2023-06-30 17:05`, `2023-06-30 17:05:09`, `2023/6/30 17:05`,
    /// ISO 8601 with an offset (`2023-06-30T17:05:00+08:00`, `…Z`) and, when `allowDateOnly`,
    /// a bare date (midnight). Times without an offset are Asia/Shanghai. Returns nil when the text is none
    /// of these, or names a day that does not exist.
    public static func parse(_ raw: String, allowDateOnly: Bool = false) -> Date? {
        if let date = parseCanonical(raw) { return date }
        return parseAnyForm(raw, allowDateOnly: allowDateOnly)
    }

    /// `2023-06-30T17:05:00+08:00` exactly, the form catalogs and this program write, read by byte position:
    /// a catalog of 100,000 volumes holds 300,000 such times, and the general reading below walks a
    /// substring view byte by byte. Returns nil for anything else — also for a text of that shape naming a
    /// time that does not exist — and ``parseAnyForm(_:allowDateOnly:)`` then decides, so both readings
    /// always agree.
    static func parseCanonical(_ raw: String) -> Date? {
        var text = raw
        return text.withUTF8 { b -> Date? in
            guard b.count == 25, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"),
                  b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-") else { return nil }
            func number(_ at: Int, _ digits: Int) -> Int? {
                var n = 0
                for i in at..<(at + digits) {
                    let c = b[i]
                    guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                    n = n * 10 + Int(c - UInt8(ascii: "0"))
                }
                return n
            }
            guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
                  let mi = number(14, 2), let sec = number(17, 2), let oh = number(20, 2), let om = number(23, 2),
                  y >= 1900, (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y), h < 24, mi < 60, sec < 61,
                  oh <= 14, om < 60 else { return nil }
            let offset = (oh * 3600 + om * 60) * (b[19] == UInt8(ascii: "-") ? -1 : 1)
            return makeDate(y, mo, d, h, mi, sec, offset: offset)
        }
    }

    /// Every form ``parse(_:allowDateOnly:)`` accepts, read left to right.
    static func parseAnyForm(_ raw: String, allowDateOnly: Bool) -> Date? {
        var s = raw.trimmedOfWhitespace(newlines: false).utf8[...]
        guard let (y, mo, d) = takeDate(&s) else { return nil }
        if s.isEmpty {
            return allowDateOnly ? makeDate(y, mo, d, 0, 0, 0, offset: offsetSeconds) : nil
        }
        guard let sep = s.first, sep == UInt8(ascii: "T") || sep == UInt8(ascii: " ") else { return nil }
        s = s.dropFirst()
        while s.first == UInt8(ascii: " ") { s = s.dropFirst() }
        guard let h = takeNumber(&s, maxDigits: 2), s.first == UInt8(ascii: ":") else { return nil }
        s = s.dropFirst()
        guard let mi = takeNumber(&s, maxDigits: 2) else { return nil }
        var sec = 0
        if s.first == UInt8(ascii: ":") {
            s = s.dropFirst()
            guard let v = takeNumber(&s, maxDigits: 2) else { return nil }
            sec = v
            if s.first == UInt8(ascii: ".") {  // fractional seconds are accepted and dropped
                s = s.dropFirst()
                guard takeNumber(&s, maxDigits: 9) != nil else { return nil }
            }
        }
        var offset = offsetSeconds
        if let f = s.first {
            if f == UInt8(ascii: "Z") && s.count == 1 {
                offset = 0
            } else if f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
                s = s.dropFirst()
                guard let oh = takeNumber(&s, maxDigits: 2) else { return nil }
                if s.first == UInt8(ascii: ":") { s = s.dropFirst() }
                let om = takeNumber(&s, maxDigits: 2) ?? 0
                guard s.isEmpty, oh <= 14, om < 60 else { return nil }
                offset = (oh * 3600 + om * 60) * (f == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard h < 24, mi < 60, sec < 61 else { return nil }
        return makeDate(y, mo, d, h, mi, sec, offset: offset)
    }

    /// Parses a bare date `2023-06-30` or `2023/6/30` as midnight in Asia/Shanghai.
    public static func parseDate(_ raw: String) -> Date? {
        var s = raw.trimmedOfWhitespace(newlines: false).utf8[...]
        guard let (y, mo, d) = takeDate(&s), s.isEmpty else { return nil }
        return makeDate(y, mo, d, 0, 0, 0, offset: offsetSeconds)
    }

    /// `2023-06-30T17:05:00+08:00` — the canonical form stored in the operations database and printed in
    /// JSON. It sorts as text because every value carries the same offset.
    public static func iso(_ date: Date) -> String {
        let p = parts(date)
        return p.y.zeroPadded(4) + "-" + p.mo.zeroPadded(2) + "-" + p.d.zeroPadded(2)
            + "T" + p.h.zeroPadded(2) + ":" + p.mi.zeroPadded(2) + ":" + p.s.zeroPadded(2) + "+08:00"
    }

    /// `2023-06-30 17:05` — how people read a time on a report.
    public static func display(_ date: Date) -> String {
        let p = parts(date)
        return p.y.zeroPadded(4) + "-" + p.mo.zeroPadded(2) + "-" + p.d.zeroPadded(2) + " " + p.h.zeroPadded(2) + ":"
            + p.mi.zeroPadded(2)
    }

    /// `2023-06-30`.
    public static func day(_ date: Date) -> String {
        let p = parts(date)
        return p.y.zeroPadded(4) + "-" + p.mo.zeroPadded(2) + "-" + p.d.zeroPadded(2)
    }

    /// `2023-06`.
    public static func month(_ date: Date) -> String {
        let p = parts(date)
        return p.y.zeroPadded(4) + "-" + p.mo.zeroPadded(2)
    }

    /// `20230630T173000`, for ids and file names.
    public static func compactStamp(_ date: Date) -> String {
        let p = parts(date)
        return p.y.zeroPadded(4) + p.mo.zeroPadded(2) + p.d.zeroPadded(2) + "T" + p.h.zeroPadded(2) + p.mi.zeroPadded(2)
            + p.s.zeroPadded(2)
    }

    /// Midnight (+08:00) of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        let p = parts(date)
        return makeDate(p.y, p.mo, p.d, 0, 0, 0, offset: offsetSeconds)!
    }

    /// Calendar fields of `date` in Asia/Shanghai, computed arithmetically (no time-zone database needed).
    public static func parts(_ date: Date) -> (y: Int, mo: Int, d: Int, h: Int, mi: Int, s: Int) {
        let t = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        let days = Int(floor(Double(t) / 86400))
        let secs = t - days * 86400
        let (y, mo, d) = civil(fromDays: days)
        return (y, mo, d, secs / 3600, (secs % 3600) / 60, secs % 60)
    }

    // MARK: - Private

    private static func takeDate(_ s: inout Substring.UTF8View) -> (Int, Int, Int)? {
        guard let y = takeNumber(&s, maxDigits: 4), let sep = s.first, sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/")
        else { return nil }
        s = s.dropFirst()
        guard let mo = takeNumber(&s, maxDigits: 2), s.first == sep else { return nil }
        s = s.dropFirst()
        guard let d = takeNumber(&s, maxDigits: 2) else { return nil }
        guard y >= 1900, (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y) else { return nil }
        return (y, mo, d)
    }

    /// Up to `maxDigits` ASCII digits (a full-width ２ is not a digit here, as it is not in any export).
    private static func takeNumber(_ s: inout Substring.UTF8View, maxDigits: Int) -> Int? {
        var n = 0, count = 0
        while let c = s.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9"), count < maxDigits {
            n = n * 10 + Int(c - UInt8(ascii: "0")); count += 1; s = s.dropFirst()
        }
        return count > 0 ? n : nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func makeDate(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offset: Int) -> Date? {
        let days = daysFromCivil(y, mo, d)
        let t = days * 86400 + h * 3600 + mi * 60 + s - offset
        return Date(timeIntervalSince1970: TimeInterval(t))
    }

    // Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
