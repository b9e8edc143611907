import CLibXML2
import Foundation

/// Reads the few fields of a metadata.xml the checks need (uscc, seq, pages@count) with libxml2's SAX2 push
/// parser, called through its C API.
///
/// Why not FoundationXML: its XMLParser made Swift strings, attribute dictionaries and an error object for
/// every element of every file and looked the parser up in a thread dictionary per event, about 15 % of the
/// store walk's CPU. Here only the kept fields become strings.
///
/// The parser is driven as FoundationXML drove it — a push context created on the first 4 bytes, recovery
/// on, the rest in one final chunk; the first error kept, the line where the parser stopped reported — so
/// findings, messages and line numbers are what they were (`MetadataParserEquivalenceTests` compares the
/// two over a corpus of damaged files).
///
/// Hostile input: no entity substitution, no DTD or external entity loading, no network (XML_PARSE_NONET),
/// libxml2's size limits kept (no XML_PARSE_HUGE). ``XMLPrologGuard`` refuses a DTD before parsing; a
/// DOCTYPE it cannot see (after 64 KiB of prolog) stops the parser the moment libxml2 reads it, before any
/// entity is declared.
///
/// Threads (the check parses on two): each parse has its own context and state. Errors arrive through the
/// context's SAX `serror` callback and, for the encoding layer that libxml2 2.9 reports without a context
/// (iconv failing on a GB18030 file's bad bytes), through the calling thread's own structured-error slot
/// (thread-local in a threaded libxml2), set for the parse and restored after it.
enum MetadataSAXParser {
    /// What one parse saw: the fields, the root, and the errors in libxml2's numbering.
    struct Outcome {
        var ok: Bool
        var line: Int
        var rootIsVolume = false
        var rootDescription: String?
        var uscc: String?
        var seq: String?
        var pageCount: Int?
        /// The first error while the root could still be the volume (what FoundationXML's delegate kept).
        var firstError: Int32?
        /// The last error of any kind, or the parse's own result code (FoundationXML's `parserError`).
        var lastError: Int32?
        /// The line of a DOCTYPE the prolog guard did not see.
        var doctypeLine: Int?
    }

    static func parse(_ data: Data) -> Outcome {
        // FoundationXML waited for 4 bytes to create its push context: shorter data was never parsed.
        guard data.count >= 4 else { return Outcome(ok: true, line: 0) }
        let state = SAXState()
        return withExtendedLifetime(state) { run(data, state) }
    }

    private static func run(_ data: Data, _ state: SAXState) -> Outcome {
        let user = Unmanaged.passUnretained(state).toOpaque()
        let handler = saxHandler.pointer
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(user, recordError)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        var outcome: Outcome = data.withUnsafeBytes { raw in
            let bytes = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            guard let context = xmlCreatePushParserCtxt(handler, user, bytes, 4, nil) else {
                state.lastError = Int32(XML_ERR_NO_MEMORY.rawValue)
                return Outcome(ok: false, line: 0)
            }
            defer {
                if let doc = context.pointee.myDoc { xmlFreeDoc(doc) }
                xmlFreeParserCtxt(context)
            }
            state.context = context
            xmlCtxtUseOptions(context, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue))
            var code = xmlParseChunk(context, bytes + 4, Int32(raw.count - 4), 1)
            if code == Int32(XML_ERR_DOCUMENT_END.rawValue) { code = 0 }  // as FoundationXML read a final chunk
            if code != 0 && state.lastError == nil { state.lastError = code }
            return Outcome(ok: code == 0, line: Int(xmlSAX2GetLineNumber(context)))
        }
        outcome.rootIsVolume = state.rootIsVolume
        outcome.rootDescription = state.rootDescription
        outcome.uscc = state.uscc
        outcome.seq = state.seq
        outcome.pageCount = state.pageCount
        outcome.firstError = state.firstError
        outcome.lastError = state.lastError
        outcome.doctypeLine = state.doctypeLine
        return outcome
    }

    /// One parse's state, reached from libxml2's callbacks through the context's user data.
    private final class SAXState {
        var context: xmlParserCtxtPtr?
        var depth = 0
        var rootIsVolume = false
        var rootDescription: String?
        /// The volume child whose text is being collected (uscc or seq).
        var field: Field?
        var text: [UInt8] = []
        var uscc: String?
        var seq: String?
        var pageCount: Int?
        var firstError: Int32?
        var lastError: Int32?
        var doctypeLine: Int?

        enum Field { case uscc, seq }

        static func from(_ user: UnsafeMutableRawPointer?) -> SAXState {
            Unmanaged<SAXState>.fromOpaque(user!).takeUnretainedValue()
        }

        func start(_ name: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                   _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            depth += 1
            if depth == 1 {
                rootDescription = "{\(uri.map(Self.attributeText) ?? "")}\(name.map { String(cString: $0) } ?? "")"
                rootIsVolume = Self.equals(name, "volume") && Self.equals(uri, Self.namespace)
                if !rootIsVolume { xmlStopParser(context) }
                return
            }
            guard depth == 2, Self.equals(uri, Self.namespace) else { return }
            if Self.equals(name, "pages") { pageCount = Self.count(attributeCount, attributes).flatMap { Int($0) } }
            field = Self.equals(name, "uscc") ? .uscc : Self.equals(name, "seq") ? .seq : nil
            text.removeAll(keepingCapacity: true)
        }

        func end() {
            if depth == 2, let field {
                let value = String(decoding: text, as: UTF8.self)
                switch field {
                case .uscc: uscc = value
                case .seq: seq = value
                }
                self.field = nil
            }
            depth -= 1
        }

        func characters(_ bytes: UnsafePointer<xmlChar>?, _ length: Int32) {
            guard field != nil, let bytes, length > 0 else { return }
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        }

        func error(_ code: Int32) {
            lastError = code
            // Stopping the parse on a foreign root is not a malformed file.
            if !(depth >= 1 && !rootIsVolume) && firstError == nil { firstError = code }
        }

        func doctype() {
            doctypeLine = Int(xmlSAX2GetLineNumber(context))
            xmlStopParser(context)
        }

        private static let namespace: StaticString = "urn:archive-center:volume:1"

        /// An attribute value (a namespace name) as FoundationXML showed it. Without entity substitution
        /// libxml2 keeps an `&amp;` or `&#38;` in an attribute as `&#38;` (so that a tree could write the
        /// reference back); with no DTD that is the only way a `&` reaches the value, so it is turned back.
        private static func attributeText(_ value: UnsafePointer<xmlChar>) -> String {
            let text = String(cString: value)
            return text.contains("&") ? text.replacingOccurrences(of: "&#38;", with: "&") : text
        }

        /// The value of the unprefixed `count` attribute (the last one, as a dictionary would keep it).
        private static func count(_ attributeCount: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
            guard let attributes else { return nil }
            var value: String?
            // libxml2 passes five pointers per attribute: local name, prefix, URI, value start, value end.
            for i in stride(from: 0, to: attributeCount * 5, by: 5) {
                guard equals(attributes[i], "count"), attributes[i + 1].map({ $0[0] == 0 }) ?? true,
                      let start = attributes[i + 3], let end = attributes[i + 4] else { continue }
                value = String(decoding: UnsafeBufferPointer(start: start, count: max(end - start, 0)), as: UTF8.self)
            }
            return value
        }

        /// True when the NUL-terminated libxml2 string is exactly `name`'s bytes.
        @inline(__always)
        private static func equals(_ string: UnsafePointer<xmlChar>?, _ name: StaticString) -> Bool {
            guard let string else { return false }
            return name.withUTF8Buffer { expected in
                for i in 0..<expected.count where string[i] != expected[i] { return false }  // a shorter string stops at its NUL
                return string[expected.count] == 0
            }
        }
    }

    private struct HandlerBox: @unchecked Sendable { let pointer: UnsafeMutablePointer<xmlSAXHandler> }

    /// The callbacks, made once (with libxml2's one-time initialisation); each context copies them.
    /// Comments, processing instructions, CDATA and DTD declarations are not read: CDATA gets an empty
    /// callback, since without one libxml2 would hand it to `characters` (FoundationXML ignored it).
    private static let saxHandler: HandlerBox = {
        xmlInitParser()
        let handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
        handler.initialize(to: xmlSAXHandler())
        handler.pointee.initialized = XML_SAX2_MAGIC
        handler.pointee.startElementNs = { user, name, _, uri, _, _, attributeCount, _, attributes in
            SAXState.from(user).start(name, uri, Int(attributeCount), attributes)
        }
        handler.pointee.endElementNs = { user, _, _, _ in SAXState.from(user).end() }
        handler.pointee.characters = { user, bytes, length in SAXState.from(user).characters(bytes, length) }
        handler.pointee.cdataBlock = { _, _, _ in }
        handler.pointee.internalSubset = { user, _, _, _ in SAXState.from(user).doctype() }
        handler.pointee.serror = recordError
        return HandlerBox(pointer: handler)
    }()

    private static let recordError: xmlStructuredErrorFunc = { user, error in
        guard let user, let error else { return }
        SAXState.from(user).error(error.pointee.code)
    }
}
