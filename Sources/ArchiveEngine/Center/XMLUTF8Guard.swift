import Foundation

/// Refuses a UTF-8 metadata.xml whose bytes are not valid UTF-8 before it reaches libxml2.
///
/// Why: libxml2 does not stop at a stray byte (`<pag\xE4 count="3">`, an overlong `\xC0\xAF`): it reports
/// "not proper UTF-8", reads the rest as Latin-1 and goes on, so its error names neither the byte nor its
/// line (the parse's last line is reported), and FoundationXML, which read metadata.xml before, trapped on
/// such a name. A UTF-8 document with such bytes is not well-formed XML (a fatal error in the XML
/// specification), so it is refused here with the line and offset of the first bad byte.
/// Documents in another declared encoding (GB18030, UTF-16) are converted by libxml2 itself, which
/// reports their bad bytes as an ordinary parse error; they are left to it.
enum XMLUTF8Guard {
    /// The line and refusal text, or nil when the document is not UTF-8 or is valid UTF-8.
    static func refusal(_ data: Data) -> (line: Int, message: String)? {
        // Valid bytes first: almost every file is, and then the declaration need not be read.
        guard String(validating: data, as: UTF8.self) == nil, isUTF8(data) else { return nil }
        return data.withUnsafeBytes { raw -> (line: Int, message: String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let offset = firstInvalidOffset(bytes) else { return nil }
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let shown = bytes[offset..<min(offset + 4, bytes.count)].map { "\\x" + String($0, radix: 16, uppercase: true) }.joined()
            return (line, "含有不是有效 UTF-8 的字节（第 \(offset + 1) 个字节起: \(shown)），文件可能损坏或以其他编码保存却未在 XML 声明中写明 encoding；"
                + "请从扫描站重新导出该卷的 metadata.xml (invalid UTF-8)")
        }
    }

    /// True when libxml2 would read the document as UTF-8: a UTF-8 byte order mark, or no UTF-16 signature
    /// and an XML declaration that names no encoding or names UTF-8.
    static func isUTF8(_ data: Data) -> Bool {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0x00, 0x3C])
            || data.starts(with: [0x3C, 0x00]) {
            return false
        }
        guard data.starts(with: Array("<?xml".utf8)), let end = data.prefix(1024).firstRange(of: Array("?>".utf8)) else {
            return true
        }
        let declaration = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).lowercased()
        guard let encoding = declaration.range(of: "encoding") else { return true }
        let value = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return value == "utf-8" || value == "utf8"
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 scalar (the standard
    /// library's decoder: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
