@testable import ArchiveEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// metadata.xml used to be read with FoundationXML's XMLParser and is now read with libxml2's SAX2 API
/// directly (a cheaper store walk). Over a corpus of damaged and odd files the two must agree: same fields,
/// same problem, same message, same line — an operator sees the same finding either way.
final class MetadataParserEquivalenceTests: XCTestCase {
    func testLibxml2ReadsEveryDamagedFileAsFoundationXMLDid() {
        var differences: [String] = []
        var compared = 0
        for (label, data) in Self.corpus() {
            let reference = FoundationXMLReference.parse(data)
            let actual = VolumeMetadata.parse(data)
            compared += 1
            if reference != actual { differences.append("\(label): FoundationXML \(reference) ≠ libxml2 \(actual)") }
        }
        XCTAssertGreaterThan(compared, 3_000)
        XCTAssertEqual(differences.count, 0, differences.prefix(15).joined(separator: "\n"))
    }

    func testTwoThreadsParsingAtOnceGiveTheSameResultsAsOne() {
        let corpus = Self.corpus().map(\.data)
        let alone = corpus.map(VolumeMetadata.parse)
        var together = [[Result<VolumeMetadata, VolumeMetadata.Problem>]](repeating: [], count: 2)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let mine = (worker == 0 ? corpus : corpus.reversed()).map(VolumeMetadata.parse)
            lock.lock()
            together[worker] = worker == 0 ? mine : mine.reversed()
            lock.unlock()
        }
        XCTAssertEqual(together[0], alone)
        XCTAssertEqual(together[1], alone)
    }

    func testADTDHiddenBehindALongPrologIsRefusedQuickly() {
        let comment = "<!--" + String(repeating: "档案", count: 40_000) + "-->\n"
        let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
        let xml = "<?xml version=\"1.0\"?>\n" + comment + "<!DOCTYPE volume [<!ENTITY l0 \"lol\">" + laughs + "]>\n"
            + "<volume xmlns=\"urn:archive-center:volume:1\"><uscc>&l9;</uscc><seq>1</seq></volume>"
        let start = Date()
        let result = VolumeMetadata.parse(Data(xml.utf8))
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
        guard case .failure(.malformed(let line, let message)) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(line, 3)
        XCTAssertTrue(message.contains("DTD"), message)
    }

    // MARK: - The corpus

    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <volume xmlns="urn:archive-center:volume:1">
          <uscc>91441900MAPUTUUN99</uscc>
          <name>东莞市美佳（赤岭）鞋业股份有限公司</name>
          <seq>1</seq>
          <event>设立登记</event>
          <pages count="3">
            <page no="1" sha256="648c69a9c3aca5b220a34ebc9354a011a54323039052e5d648ab1c71016db09f" bytes="672"/>
            <page no="2" sha256="5d9eddf313e9fc88974eef8f47994e63a4689e7a135532123ad181e4f0dfe9ff" bytes="688"/>
          </pages>
        </volume>

        """

    static let snippets = [
        "<", ">", "&", "&nbsp;", "&amp;", "&#38;", "&#x26;", "&amp;#38;", "&#x41;", "&#0;", "&#xD800;", "]]>", "<![CDATA[7]]>",
        "<!-- c -->",
        "<!-- a -- b -->", "<?pi x?>", "<?xml version=\"1.0\"?>", "\u{0}", "\u{1}", "\u{FFFE}", "\"", "'", "=", "</x>", "<x>", "<x/>",
        "\r\n", "\r", "\n\n\n", "<!DOCTYPE v>", " xmlns:b=\"u\"", " xmlns:b=\"relative\"", " a=\"1\" a=\"2\"", " count=\"9\"",
        "<uscc>1</uscc>", "<seq>2</seq>", "<b:seq>3</b:seq>", "<pages/>", "<pages count=\"x\"/>", "</volume>", "<volume>", "\t",
        "档", "\u{1F4C1}", "<a xml:space=\"preserve\"> </a>", "<seq xmlns=\"other\">4</seq>", "xmlns=\"\"", "&lt;&gt;&quot;&apos;",
    ]

    static func corpus() -> [(label: String, data: Data)] {
        var out: [(label: String, data: [UInt8])] = []
        let utf8 = Array(base.utf8)
        out += variants("utf8", utf8, every: 1)
        out += variants("bom", [0xEF, 0xBB, 0xBF] + utf8, every: 11)
        out += variants("nodecl", Array(utf8.drop { $0 != 0x0A }.dropFirst()), every: 9)
        // GB18030 (东 B6AB, 莞 DDB8), as Chinese archives write it, with and without damage.
        let gb = Array(base.replacingOccurrences(of: "UTF-8", with: "GB18030").utf8.prefix(while: { $0 < 0x80 }))
        let gbDoc: [UInt8] = gb + [0xB6, 0xAB, 0xDD, 0xB8] + Array("</name><seq>5</seq><pages count=\"2\"/></volume>\n".utf8)
        out += variants("gb18030", gbDoc, every: 3)
        out.append(("gb18030 bad", gb + [0x81, 0x20] + Array("</name></volume>".utf8)))
        let gbk: [UInt8] = Array(base.replacingOccurrences(of: "UTF-8", with: "GBK").utf8.prefix(while: { $0 < 0x80 })) + [0xB6, 0xAB]
        out.append(("gbk", gbk + Array("</name><seq>6</seq></volume>".utf8)))
        let utf16 = base.replacingOccurrences(of: "UTF-8", with: "UTF-16")
        out += variants("utf16le", [0xFF, 0xFE] + Array(utf16.data(using: .utf16LittleEndian)!), every: 17)
        out += variants("utf16be", [0xFE, 0xFF] + Array(utf16.data(using: .utf16BigEndian)!), every: 23)
        out.append(("utf16 no bom", Array(utf16.data(using: .utf16LittleEndian)!)))
        let latin1: [UInt8] = Array(base.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1").utf8.prefix(while: { $0 < 0x80 }))
        out.append(("latin1", latin1 + [0xE9, 0xE8] + Array("</name><seq>7</seq></volume>".utf8)))
        out.append(("unknown encoding", Array(base.replacingOccurrences(of: "UTF-8", with: "X-NONE").utf8)))
        let volume = "<volume xmlns=\"urn:archive-center:volume:1\">"
        for short in ["", "<", "<a", "<a>", "<a/>", "<a/> ", "   ", "\u{FEFF}", "<?xml", "<volume/>", "<html><body/></html>",
                      "<v:volume xmlns:v=\"urn:archive-center:volume:1\"><v:seq>8</v:seq></v:volume>",
                      "<volume xmlns=\"urn:archive-center:volume:2\"><seq>1</seq></volume>", "<x:volume/>",
                      "<volume xmlns=\"urn:archive-center:volume:1\"><uscc><![CDATA[9144]]></uscc><seq> 12 </seq></volume>",
                      "<volume xmlns=\"urn:archive-center:volume:1\"><uscc>91<b>44</b>19</uscc><seq>+3</seq><seq>-4</seq></volume>",
                      volume + "<pages count=\"3\" count=\"4\"/><pages x:count=\"5\" xmlns:x=\"u\"/></volume>",
                      volume + "<uscc>\u{3000}9144\u{A0}\u{85}</uscc><seq>\u{2028}12\u{3000}</seq></volume>",
                      "<volume xmlns=\"urn:archive-center:volume:1\"><uscc>\u{200B}9144\u{FEFF}</uscc><seq>\u{1680}\u{205F}</seq></volume>",
                      "<volume xmlns=\"urn:archive-center:volume:1\"/><volume/>", "text<volume xmlns=\"urn:archive-center:volume:1\"/>",
                      "<volume xmlns=\"urn:archive-center:volume:1\"><uscc>&#x39;&#49;</uscc></volume>trailing"] {
            out.append(("short \(short)", Array(short.utf8)))
        }
        return out.map { ($0.label, Data($0.data)) }
    }

    /// The document cut at every `every`th byte, with each snippet inserted, and with one byte removed.
    static func variants(_ name: String, _ doc: [UInt8], every: Int) -> [(label: String, data: [UInt8])] {
        var out: [(label: String, data: [UInt8])] = [(name, doc)]
        for cut in stride(from: 0, to: doc.count, by: every) { out.append(("\(name) cut \(cut)", Array(doc[..<cut]))) }
        for at in stride(from: 0, to: doc.count, by: every * 13) {
            for snippet in snippets {
                out.append(("\(name) insert \(snippet.debugDescription) at \(at)", Array(doc[..<at]) + Array(snippet.utf8) + doc[at...]))
            }
        }
        for at in stride(from: 0, to: doc.count, by: every * 5) {
            var d = doc
            d.remove(at: at)
            out.append(("\(name) drop \(at)", d))
        }
        return out
    }
}

/// The reading that VolumeMetadata.parse did with FoundationXML until the libxml2 parser replaced it, kept
/// as the reference the replacement is compared with.
private enum FoundationXMLReference {
    static func parse(_ data: Data) -> Result<VolumeMetadata, VolumeMetadata.Problem> {
        if let refusal = XMLPrologGuard.refusal(data) { return .failure(.malformed(line: 1, message: refusal)) }
        if let refusal = XMLUTF8Guard.refusal(data) { return .failure(.malformed(line: refusal.line, message: refusal.message)) }
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let root = delegate.rootDescription, !delegate.rootIsVolume {
            return .failure(.foreign(root))
        }
        if !ok || delegate.failure != nil {
            let message = delegate.failure ?? XMLParseErrorText.text(code: (parser.parserError as NSError?)?.code)
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

    private final class Delegate: NSObject, XMLParserDelegate {
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
            if !(depth >= 1 && !rootIsVolume) && failure == nil {
                failure = XMLParseErrorText.text(code: (parseError as NSError).code)
            }
        }
    }
}
