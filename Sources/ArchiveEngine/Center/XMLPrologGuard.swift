import Foundation

/// Refuses a metadata.xml that declares a DTD before it reaches the XML parser.
///
/// Why: the contract's document has no DTD, and a DTD's internal entities let a file within the 16 MiB
/// read cap expand to gigabytes (each reference re-expands its entity): libxml2 spent 44 s on a 1.1 MB
/// file and would spend hours near the cap. Refusing `<!DOCTYPE` in the prolog keeps every metadata.xml
/// parse linear in its size. The prolog is read as UTF-8/ASCII, or as UTF-16 when the bytes say so.
enum XMLPrologGuard {
    static let refusalText =
        "含有 DTD 声明（<!DOCTYPE，可定义会成倍展开的实体），合同规定的 metadata.xml 不使用 DTD，为防止实体展开耗尽资源不予解析 (DTD refused)"

    /// The refusal text, or nil when the prolog declares no DTD.
    static func refusal(_ data: Data) -> String? {
        let prolog = asciiView(data.prefix(1 << 16))
        var i = prolog.startIndex
        func skip(until end: [UInt8]) {
            while i < prolog.endIndex {
                if prolog[i...].starts(with: end) { i += end.count; return }
                i += 1
            }
        }
        while i < prolog.endIndex {
            let b = prolog[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            let rest = prolog[i...]
            if rest.starts(with: Array("<?".utf8)) { skip(until: Array("?>".utf8)); continue }
            if rest.starts(with: Array("<!--".utf8)) { skip(until: Array("-->".utf8)); continue }
            if rest.starts(with: Array("<!DOCTYPE".utf8)) || rest.starts(with: Array("<!ENTITY".utf8)) { return refusalText }
            return nil
        }
        return nil
    }

    /// The bytes with UTF-16 code units narrowed to their low byte (non-ASCII units become 0xFF), and a
    /// UTF-8 byte order mark dropped, so the prolog's ASCII markup can be matched either way.
    static func asciiView(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        let bigEndian: Bool
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C]) {
            bigEndian = true
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00]) {
            bigEndian = false
        } else {
            return bytes
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2)
        var i = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0
        while i + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            out.append(high == 0 && low < 0x80 ? low : 0xFF)
            i += 2
        }
        return out
    }
}
