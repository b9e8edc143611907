import Foundation

/// What a volume folder's `metadata.xml` says about itself (namespace `urn:archive-center:volume:1`):
/// which enterprise and seq it belongs to and how many pages it lists. The misfiled-volume check
/// (档案卷错乱) compares this with the folder the file sits in.
public struct VolumeMetadata: Sendable, Equatable {
    public static let namespace = "urn:archive-center:volume:1"

    public var uscc: String?
    public var seq: Int?
    public var pageCount: Int?

    /// Why a metadata.xml could not be read as the contract's document.
    public enum Problem: Error, Sendable, Equatable {
        /// Not well-formed XML, or bytes that are not the declared encoding.
        case malformed(line: Int, message: String)
        /// Well-formed, but its root is not `<volume xmlns="urn:archive-center:volume:1">`.
        case foreign(String)

        public var text: String {
            switch self {
            case .malformed(let line, let message):
                "metadata.xml 不是格式正确的 XML（第 \(line) 行: \(message)） (malformed XML)"
            case .foreign(let root):
                "metadata.xml 的根元素是 \(root)，不是命名空间 \(VolumeMetadata.namespace) 下的 volume (foreign XML)"
            }
        }
    }

    /// Parses the bytes of a metadata.xml with libxml2 (see ``MetadataSAXParser``): never throws anything
    /// but a ``Problem``, whatever the bytes are.
    public static func parse(_ data: Data) -> Result<VolumeMetadata, Problem> {
        if let refusal = XMLPrologGuard.refusal(data) { return .failure(.malformed(line: 1, message: refusal)) }
        if let refusal = XMLUTF8Guard.refusal(data) { return .failure(.malformed(line: refusal.line, message: refusal.message)) }
        let outcome = MetadataSAXParser.parse(data)
        if let line = outcome.doctypeLine { return .failure(.malformed(line: max(line, 1), message: XMLPrologGuard.refusalText)) }
        if let root = outcome.rootDescription, !outcome.rootIsVolume {
            return .failure(.foreign(root))
        }
        if !outcome.ok || outcome.firstError != nil {
            let message = XMLParseErrorText.text(code: (outcome.firstError ?? outcome.lastError).map(Int.init))
            return .failure(.malformed(line: max(outcome.line, 1), message: message))
        }
        guard outcome.rootIsVolume else {
            return .failure(.foreign(outcome.rootDescription ?? "（空文档）"))
        }
        var m = VolumeMetadata()
        m.uscc = outcome.uscc.map(trimmed)
        m.seq = outcome.seq.flatMap { Int(trimmed($0)) }
        m.pageCount = outcome.pageCount
        return .success(m)
    }

    /// The text without leading and trailing white space and line breaks, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, without its trip through NSString
    /// (2 % of the store walk's CPU).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !blank.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank.contains($0) })!
        return first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) ? text : String(scalars[first...last])
    }
}
