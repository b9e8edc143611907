import Foundation

/// Masks personal data in free text before it reaches a page, a file name, the search index or a data
/// file (保密性原则): mainland ID card numbers keep their first 4 and last 4 characters
/// (`4419**********1234`; an old 15-digit number its first 4 and last 3), mobile numbers their first 3
/// and last 4 (`138****5678`).
///
/// People write these numbers many ways, and every way must be caught: full-width digits (１３８…),
/// groups separated by spaces, hyphens or dots (`441900 19850315 1234`, `138.1234.5678`), zero-width
/// characters pasted inside, a `+86`/`0086` prefix, and numbers glued to Latin letters (`tel13812345678`).
/// The scanner therefore reads *groups* of digits joined by single separators, and masks any run of
/// whole groups that forms a number — never part of a longer run of digits.
///
/// What is *not* masked, on purpose: unified social credit codes (18 characters, usually with letters,
/// first character 9 for enterprises), query counts, times and other numbers. An 18-digit run is taken for
/// an ID number only when it looks like one — a region code starting 1–8 and a real birth date (19xx/20xx)
/// in positions 7–14 (15 digits: region, YYMMDD, sequence) — and a mobile only when it is exactly 11
/// digits 1[3-9]…. Digits inside a long hexadecimal token (a SHA-256 in an inspection finding) are
/// evidence, not personal data. The check digit is not verified: masking a mistyped ID number is the safe
/// side.
public enum PersonalDataMask {
    /// `text` with every ID card and mobile number masked; text without any is returned unchanged.
    public static func mask(_ text: String) -> String {
        guard mightContainNumber(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        let found = numbers(in: scalars)
        guard !found.isEmpty else { return text }
        var out = scalars
        for number in found {
            for index in number.hidden { out[index] = "*" }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    /// The ID card and mobile numbers still readable in `text`, as written: what the site scan reports.
    public static func unmaskedMatches(in text: String) -> [String] {
        guard mightContainNumber(text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        return numbers(in: scalars).map { n in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[n.range])
            return String(view)
        }
    }

    /// A quick scan that rules out most strings (labels, times, counts) before the real one: a number to
    /// mask needs at least 11 digits, ASCII or full-width.
    static func mightContainNumber(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars where digit(scalar) != nil {
            digits += 1
            if digits >= 11 { return true }
        }
        return false
    }

    // MARK: - Scanning

    /// One number found: the scalars it spans and the scalar positions of the digits to hide.
    struct Number {
        var range: Range<Int>
        var hidden: [Int]
    }

    /// A run of digits (the last one may be the check character X) inside a candidate.
    private struct Group {
        var digits: [UInt8]   // ASCII digits, X as 10
        var positions: [Int]  // scalar index of each digit
        var start: Int { positions[0] }
        var end: Int { positions[positions.count - 1] + 1 }
    }

    static func numbers(in s: [Unicode.Scalar]) -> [Number] {
        var result: [Number] = []
        var i = 0
        while i < s.count {
            guard digit(s[i]) != nil else { i += 1; continue }
            // A candidate: groups of digits joined by one separator each, zero-width characters ignored.
            var groups: [Group] = []
            var current = Group(digits: [], positions: [])
            var j = i
            while j < s.count {
                if let d = digit(s[j]) {
                    current.digits.append(d); current.positions.append(j); j += 1
                } else if isIgnorable(s[j]) {
                    j += 1
                } else if isCheckX(s[j]) && !current.digits.isEmpty {
                    current.digits.append(10); current.positions.append(j); j += 1
                    break
                } else if isSeparator(s[j]), !current.digits.isEmpty, let next = groupStart(s, after: j) {
                    groups.append(current); current = Group(digits: [], positions: []); j = next
                } else {
                    break
                }
            }
            if !current.digits.isEmpty { groups.append(current) }
            result += match(groups, in: s)
            i = max(j, i + 1)
        }
        return result
    }

    /// The numbers formed by runs of whole groups, longest first, left to right.
    private static func match(_ groups: [Group], in s: [Unicode.Scalar]) -> [Number] {
        var result: [Number] = []
        var a = 0
        while a < groups.count {
            var matched = false
            for b in stride(from: groups.count - 1, through: a, by: -1) {
                var digits = groups[a...b].flatMap(\.digits)
                var positions = groups[a...b].flatMap(\.positions)
                // An X after digits is a check character only as the 18th character of an ID number.
                if digits.last == 10 && digits.count != 18 { digits.removeLast(); positions.removeLast() }
                guard digits.count >= 11, digits.count <= 19, digits.dropLast().allSatisfy({ $0 < 10 }) else { continue }
                if insideHexToken(s, from: groups[a].start, to: groups[b].end) { continue }
                if let hidden = hiddenDigits(digits) {
                    result.append(Number(range: groups[a].start..<groups[b].end, hidden: hidden.map { positions[$0] }))
                    a = b + 1
                    matched = true
                    break
                }
            }
            if !matched { a += 1 }
        }
        return result
    }

    /// Which digit offsets to hide when `digits` form an ID card or mobile number; nil when they do not.
    static func hiddenDigits(_ digits: [UInt8]) -> [Int]? {
        let n = digits.count
        func value(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1) } }
        func validDate(month: Int, day: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }
        let last = digits[n - 1]
        if n == 18, (1...8).contains(digits[0]) {
            let year = value(6..<10)
            if (1900...2099).contains(year), validDate(month: value(10..<12), day: value(12..<14)) {
                return Array(4..<14)
            }
        }
        if last == 10 { return nil }
        if n == 15, (1...8).contains(digits[0]), validDate(month: value(8..<10), day: value(10..<12)) {
            return Array(4..<12)
        }
        func mobile(at offset: Int) -> Bool {
            n - offset == 11 && digits[offset] == 1 && (3...9).contains(digits[offset + 1])
        }
        if mobile(at: 0) { return Array(3..<7) }
        if n == 13, digits[0] == 8, digits[1] == 6, mobile(at: 2) { return Array(5..<9) }
        if n == 15, digits[0...3].elementsEqual([0, 0, 8, 6]), mobile(at: 4) { return Array(7..<11) }
        return nil
    }

    // MARK: - Characters

    /// The value of an ASCII or full-width digit.
    static func digit(_ c: Unicode.Scalar) -> UInt8? {
        switch c.value {
        case 0x30...0x39: UInt8(c.value - 0x30)
        case 0xFF10...0xFF19: UInt8(c.value - 0xFF10)
        default: nil
        }
    }

    /// Characters people put between digit groups: space, hyphen, dot, and their full-width forms.
    static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x2D, 0x2E, 0xA0, 0x3000, 0xFF0D, 0xFF0E, 0x2010...0x2015, 0x2212, 0x30FB, 0xB7: true
        default: false
        }
    }

    /// Invisible characters pasted inside numbers: zero-width space/joiners, word joiner, BOM, soft hyphen.
    static func isIgnorable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD: true
        default: false
        }
    }

    /// The check character X of an ID number, ASCII or full-width, either case.
    static func isCheckX(_ c: Unicode.Scalar) -> Bool {
        c == "X" || c == "x" || c.value == 0xFF38 || c.value == 0xFF58
    }

    /// Where the next group starts when at most three separators (`138 - 1234`) lead to a digit.
    private static func groupStart(_ s: [Unicode.Scalar], after j: Int) -> Int? {
        var k = j, separators = 0
        while k < s.count, isSeparator(s[k]) || isIgnorable(s[k]) {
            if isSeparator(s[k]) { separators += 1 }
            if separators > 3 { return nil }
            k += 1
        }
        return k < s.count && digit(s[k]) != nil ? k : nil
    }

    /// Whether the digits sit inside a hexadecimal token of 32 characters or more (a hash).
    private static func insideHexToken(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        func isHex(_ c: Unicode.Scalar) -> Bool {
            (0x30...0x39).contains(c.value) || (0x41...0x46).contains(c.value) || (0x61...0x66).contains(c.value)
        }
        var lo = start, hi = end
        while lo > 0, isHex(s[lo - 1]) { lo -= 1 }
        while hi < s.count, isHex(s[hi]) { hi += 1 }
        guard hi - lo >= 32 else { return false }
        return s[start..<end].allSatisfy(isHex)
    }
}
