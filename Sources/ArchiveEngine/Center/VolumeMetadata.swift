import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

    /// Parses the bytes of a metadata.xml with FoundationXML (libxml2 underneath): never throws anything
    /// but a ``Problem``, whatever the bytes are.
    public static func parse(_ data: Data) -> Result<VolumeMetadata, Problem> {
        if let refusal = XMLPrologGuard.refusal(data) { return .failure(.malformed(line: 1, message: refusal)) }
        if let refusal = XMLUTF8Guard.refusal(data) { return .failure(.malformed(line: refusal.line, message: refusal.message)) }
        let delegate = MetadataParserDelegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let root = delegate.rootDescription, !delegate.rootIsVolume {
            return .failure(.foreign(root))
        }
        if !ok || delegate.failure != nil {
            let message = delegate.failure ?? XMLParseErrorText.text(parser.parserError)
            return .failure(.malformed(line: max(parser.lineNumber, 1), message: message))
        }
        guard delegate.rootIsVolume else {
            return .failure(.foreign(delegate.rootDescription ?? "（空文档）"))
        }
        var m = VolumeMetadata()
        m.uscc = delegate.values["uscc"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        m.seq = delegate.values["seq"].flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        m.pageCount = delegate.pageCount
        return .success(m)
    }
}

/// SAX delegate collecting the few fields the engine needs; nested elements other than these are ignored.
private final class MetadataParserDelegate: NSObject, XMLParserDelegate {
    var depth = 0
    var rootIsVolume = false
    var rootDescription: String?
    var current: String?
    var text = ""
    var values: [String: String] = [:]
    var pageCount: Int?
    var failure: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        if depth == 1 {
            rootDescription = "{\(namespaceURI ?? "")}\(name)"
            rootIsVolume = name == "volume" && namespaceURI == VolumeMetadata.namespace
            if !rootIsVolume { parser.abortParsing() }
            return
        }
        guard namespaceURI == VolumeMetadata.namespace else { return }
        if depth == 2 {
            if name == "pages" { pageCount = attributes["count"].flatMap { Int($0) } }
            current = ["uscc", "seq"].contains(name) ? name : nil
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 2, let c = current {
            values[c] = text
            current = nil
        }
        depth -= 1
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // Aborting on a foreign root also reports an error; that case is not a malformed file.
        if !(depth >= 1 && !rootIsVolume) && failure == nil {
            failure = XMLParseErrorText.text(parseError)
        }
    }
}

