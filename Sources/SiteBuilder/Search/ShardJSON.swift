import Foundation

/// The JSON of the url/title and text shards, written straight into bytes: `JSONSerialization` of the
/// boxed arrays was a tenth of a rebuild. The bytes are exactly those ``SiteSearch/json(_:)`` gives
/// (`JSONSerialization` without escaped slashes, then `<` as `\u003c`, so that page text such as
/// `<script>` stays an inert string in a script file); a test compares the two on every ASCII character.
enum ShardJSON {
    /// `[["a","b"],…]`.
    static func strings(_ rows: [[String]]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 64)
        array(rows, into: &out) { row, out in array(row, into: &out, string) }
        return Data(out)
    }

    /// `[["a","b"],null,…]`: a free document number is null.
    static func strings(_ rows: [[String]?]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 64)
        array(rows, into: &out) { row, out in
            if let row { array(row, into: &out, string) } else { out.append(contentsOf: "null".utf8) }
        }
        return Data(out)
    }

    /// `[[["anchor","heading","text"],…],…]`.
    static func sections(_ documents: [[[String]]]) -> Data {
        var out: [UInt8] = []
        array(documents, into: &out) { sections, out in
            array(sections, into: &out) { section, out in array(section, into: &out, string) }
        }
        return Data(out)
    }

    /// `[[["anchor","heading","text"],…],null,…]`: a free document number is null.
    static func sections(_ documents: [[[String]]?]) -> Data {
        var out: [UInt8] = []
        array(documents, into: &out) { sections, out in
            if let sections {
                array(sections, into: &out) { section, out in array(section, into: &out, string) }
            } else {
                out.append(contentsOf: "null".utf8)
            }
        }
        return Data(out)
    }

    private static func array<T>(_ items: [T], into out: inout [UInt8], _ element: (T, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            element(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "<"): out.append(contentsOf: Array("\\u003c".utf8))
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0x0f)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
