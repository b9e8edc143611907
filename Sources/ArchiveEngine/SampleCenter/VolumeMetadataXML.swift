import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Writes a volume's metadata.xml (namespace `urn:archive-center:volume:1`) with FoundationXML, so names
/// with `&`, `<` or brackets are escaped correctly, exactly as the processing center's exporter would.
enum VolumeMetadataXML {
    static let namespace = "urn:archive-center:volume:1"

    struct Page { var no: Int; var sha256: String; var bytes: Int }

    static func document(uscc: String, name: String, seq: Int, event: String, created: String, pages: [Page]) -> Data {
        let root = XMLElement(name: "volume")
        root.addNamespace(XMLNode.namespace(withName: "", stringValue: namespace) as! XMLNode)
        for (tag, text) in [("uscc", uscc), ("name", name), ("seq", String(seq)), ("event", event), ("created", created)] {
            root.addChild(XMLElement(name: tag, stringValue: text))
        }
        let list = XMLElement(name: "pages")
        list.addAttribute(XMLNode.attribute(withName: "count", stringValue: String(pages.count)) as! XMLNode)
        for page in pages {
            let e = XMLElement(name: "page")
            e.addAttribute(XMLNode.attribute(withName: "no", stringValue: String(page.no)) as! XMLNode)
            e.addAttribute(XMLNode.attribute(withName: "sha256", stringValue: page.sha256) as! XMLNode)
            e.addAttribute(XMLNode.attribute(withName: "bytes", stringValue: String(page.bytes)) as! XMLNode)
            list.addChild(e)
        }
        root.addChild(list)
        let doc = XMLDocument(rootElement: root)
        doc.version = "1.0"
        doc.characterEncoding = "UTF-8"
        return doc.xmlData(options: [.nodePrettyPrint])
    }
}
