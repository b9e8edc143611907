import Foundation

/// Byte-level helpers shared by the PDF inspector, the seal verifier and (package-wide, for ArchiveSamples)
/// the seal signer.
///
/// PDF is a byte format, not text: sealed files hold binary signatures and scanned pages, so every search
/// works on `[UInt8]` and never decodes the file as a string.
package enum PDFBytes {
    /// PDF white-space characters (ISO 32000-1, 7.2.2).
    package static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }

    /// PDF delimiter characters; a name ends at white space or one of these.
    package static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    package static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    package static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Index of the first occurrence of `needle` in `haystack[from..<to]`.
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? haystack.count, haystack.count)
        guard let first = needle.first, needle.count <= end - from, from >= 0 else { return nil }
        var i = from
        let last = end - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Index of the last occurrence of `needle` starting before `before` (default: anywhere).
    package static func lastIndex(of needle: [UInt8], in haystack: [UInt8], before: Int? = nil) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = min(before ?? haystack.count, haystack.count - needle.count + 1) - 1
        while i >= 0 {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && i + j < haystack.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Reads an unsigned decimal integer at `index` (after skipping white space); returns it and the index
    /// after it.
    package static func readInteger(_ bytes: [UInt8], at index: Int) -> (value: Int, end: Int)? {
        var i = index
        while i < bytes.count && isWhitespace(bytes[i]) { i += 1 }
        var value = 0, digits = 0
        while i < bytes.count && isDigit(bytes[i]) {
            guard digits < 18 else { return nil }  // no PDF offset has 18 digits; refuse instead of overflowing
            value = value * 10 + Int(bytes[i] - 0x30)
            digits += 1; i += 1
        }
        return digits > 0 ? (value, i) : nil
    }

    /// The bytes of an ASCII string.
    package static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
}
