import Foundation

/// Masks personal data in free text before it reaches a page (保密性原则): mainland ID card numbers keep
/// their first 4 and last 4 characters (`4419**********1234`), mobile numbers their first 3 and last 4
/// (`138****5678`).
///
/// What is *not* masked, on purpose: unified social credit codes (USCC, 18 characters, usually with
/// letters, first character 9 for enterprises), ticket ids, query counts and other numbers. An 18-digit run
/// is taken for an ID number only when it looks like one — a region code starting 1–8 and a real birth
/// date (19xx/20xx) in positions 7–14 — and a mobile only when it is exactly 11 digits 1[3-9]… not
/// embedded in a longer run of digits or letters. The check digit is not verified: masking a mistyped ID
/// number is the safe side.
public enum PersonalDataMask {
    // The two patterns are constants (not data); MaskingTests compile and exercise both on every run.

    /// ID number: 6-digit region (first digit 1–8), birth date, 3-digit sequence, check digit or X.
    static let idPattern = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z])([1-8][0-9]{5})((?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))"#
            + #"([0-9]{3})([0-9Xx])(?![0-9A-Za-z])"#)
    /// Mobile: 11 digits starting 13–19, optionally written 3-4-4 with spaces or hyphens, optionally +86.
    static let mobilePattern = try! NSRegularExpression(
        pattern: #"(?<![0-9A-Za-z])((?:\+?86[ -]?)?)(1[3-9][0-9])([ -]?)([0-9]{4})([ -]?)([0-9]{4})(?![0-9A-Za-z])"#)

    /// `text` with every ID card and mobile number masked; text without any is returned unchanged.
    public static func mask(_ text: String) -> String {
        guard mightContainNumber(text) else { return text }
        var result = text
        result = replace(idPattern, in: result) { groups in
            let whole = groups[0]
            return String(whole.prefix(4)) + String(repeating: "*", count: whole.count - 8) + String(whole.suffix(4))
        }
        result = replace(mobilePattern, in: result) { groups in
            groups[1] + groups[2] + groups[3] + "****" + groups[5] + groups[6]
        }
        return result
    }

    /// A quick byte scan that rules out most strings (times, counts, labels) before the regular
    /// expressions run: a candidate needs a run of 11+ digits, or three runs of 3, 4 and 4 digits joined by
    /// single spaces or hyphens (`138 1234 5678`).
    static func mightContainNumber(_ text: String) -> Bool {
        var runs: [(length: Int, separator: UInt8)] = []
        var run = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run >= 11 { return true }
            } else {
                if run > 0 { runs.append((run, byte)) }
                else if !runs.isEmpty { runs.append((0, byte)) }
                run = 0
            }
        }
        if run > 0 { runs.append((run, 0)) }
        guard runs.count >= 3 else { return false }
        for i in 0...(runs.count - 3) {
            let (a, b, c) = (runs[i], runs[i + 1], runs[i + 2])
            let joined = (a.separator == 0x20 || a.separator == 0x2D) && (b.separator == 0x20 || b.separator == 0x2D)
            if joined && a.length == 3 && b.length == 4 && c.length == 4 { return true }
        }
        return false
    }

    /// The ID card and mobile numbers still readable in `text`: what the site scan reports.
    public static func unmaskedMatches(in text: String) -> [String] {
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        return (idPattern.matches(in: text, range: range) + mobilePattern.matches(in: text, range: range))
            .map { ns.substring(with: $0.range) }
    }

    private static func replace(_ regex: NSRegularExpression, in text: String, with make: ([String]) -> String) -> String {
        let ns = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var out = ""
        var cursor = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: cursor, length: m.range.location - cursor))
            let groups = (0..<m.numberOfRanges).map { i -> String in
                let r = m.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
            out += make(groups)
            cursor = m.range.location + m.range.length
        }
        out += ns.substring(from: cursor)
        return out
    }
}
