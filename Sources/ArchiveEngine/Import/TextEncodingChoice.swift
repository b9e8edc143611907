import Foundation

/// The text encodings an import file may be in. Exports from the bureau's Windows PCs are GB18030/GBK
/// (Excel's "CSV" on a Chinese Windows); newer tools write UTF-8, often with a BOM.
public enum TextEncodingChoice: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    case gbk

    /// The name glibc's iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        }
    }

    /// Accepts `utf-8`, `utf8`, `gb18030`, `gbk` in any case (what an operator types after `--encoding`).
    public init?(argument: String) {
        let t = argument.lowercased().replacingOccurrences(of: "_", with: "-")
        switch t {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gb-18030": self = .gb18030
        case "gbk", "cp936": self = .gbk
        default: return nil
        }
    }

    /// How a message names the encoding.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .gbk: "GBK"
        }
    }
}
