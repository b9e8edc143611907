import Foundation

/// Turns the bytes of an import file into text, detecting the encoding the way the import spec says:
/// a byte-order mark first, then valid UTF-8, else GB18030 (a superset of GBK and GB2312, so one decoder
/// covers every Chinese Windows export). `--encoding` forces one.
public enum TextDecoding {
    /// Decoded text and the encoding it was read as (for the import summary).
    public struct Decoded: Sendable {
        public var text: String
        public var encodingName: String
    }

    /// Decodes `data` from `file` (named in errors). Throws ``ImportError`` for binary files and for bytes
    /// that are valid in no accepted encoding.
    public static func decode(_ data: Data, file: URL, forced: TextEncodingChoice? = nil) throws -> Decoded {
        if data.contains(0) && !hasUTF16BOM(data) {
            throw ImportError.notText(file.path)
        }
        if let forced {
            let body = forced == .utf8 ? stripUTF8BOM(data) : data
            guard let text = decode(body, as: forced) else {
                throw ImportError.undecodable(file.path, forced.displayName)
            }
            return Decoded(text: text, encodingName: forced.displayName)
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw ImportError.undecodable(file.path, "UTF-8 (BOM)")
            }
            return Decoded(text: text, encodingName: "UTF-8 (BOM)")
        }
        if hasUTF16BOM(data) {
            // Excel's "Unicode text" export. Foundation reads the BOM and the byte order itself.
            guard let text = String(data: data, encoding: .utf16) else {
                throw ImportError.undecodable(file.path, "UTF-16")
            }
            return Decoded(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, encodingName: "UTF-16")
        }
        if let text = String(data: data, encoding: .utf8) {
            return Decoded(text: text, encodingName: "UTF-8")
        }
        if let text = decode(data, as: .gb18030) {
            return Decoded(text: text, encodingName: "GB18030")
        }
        throw ImportError.undecodable(file.path, "UTF-8 / GB18030")
    }

    /// Strict decoding in one named encoding; nil when any byte sequence is invalid in it.
    static func decode(_ data: Data, as encoding: TextEncodingChoice) -> String? {
        switch encoding {
        case .utf8:
            return String(data: data, encoding: .utf8)
        case .gb18030, .gbk:
            guard let utf8 = Iconv.convert(data, from: encoding.iconvName, to: "UTF-8") else { return nil }
            return String(data: utf8, encoding: .utf8)
        }
    }

    /// Encodes text as GB18030, the way the fault-reporting platform exports (used by the demo inputs and
    /// by tests that need a real GB18030 file). Nil only if iconv is unavailable.
    public static func gb18030(_ text: String) -> Data? {
        Iconv.convert(Data(text.utf8), from: "UTF-8", to: "GB18030")
    }

    private static func stripUTF8BOM(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }

    private static func hasUTF16BOM(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }
}
