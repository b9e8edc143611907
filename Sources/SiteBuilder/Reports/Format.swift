import ArchiveAnalysis
import Foundation

/// Number and time formats of the report pages, locale-free so that every build prints the same bytes.
enum Format {
    /// `1,542,832`.
    static func int(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `93.3%`, or `—` when there is nothing to divide.
    static func percent(_ p: Double?) -> String {
        guard let p else { return "—" }
        return "\(SVGText.num(p))%"
    }

    /// Minutes with one decimal when not whole: `12`, `7.5`.
    static func minutes(_ m: Double?) -> String {
        guard let m else { return "—" }
        let tenths = Int((m * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : SVGText.num(m)
    }

    /// `2023-06-30 17:05` from the stored ISO form `2023-06-30T17:05:00+08:00`.
    static func time(_ iso: String?) -> String {
        guard let iso, iso.count >= 16 else { return iso ?? "—" }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }

    /// `不完整：29/30 天，数据截至 2023-06-29` for a partial period; nil for a complete one.
    static func partial(_ c: PeriodCoverage, n: LabelNames) -> String? {
        guard c.isPartial else { return nil }
        return c.through.map { n.format("fmt_partialThrough", String(c.days), String(c.periodDays), $0) }
            ?? n.format("fmt_partial", String(c.days), String(c.periodDays))
    }

    /// A ticket id or run id as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    static func fileName(_ id: String) -> String {
        // ASCII without CR (which joins a following LF into one character): each byte is a character, and
        // the same result comes without forming characters (every ticket's and run's id, on every build).
        let bytes = id.utf8
        if !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return String(decoding: bytes.map { b -> UInt8 in
                let kept = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
                return kept ? b : UInt8(ascii: "_")
            }, as: UTF8.self)
        }
        let safe = String(id.map { c -> Character in
            (c.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "_"
        })
        return safe.isEmpty ? "_" : safe
    }
}
