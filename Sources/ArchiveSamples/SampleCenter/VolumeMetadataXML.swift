import ArchiveEngine
import Foundation

/// Writes a volume's metadata.xml (namespace `urn:archive-center:volume:1`) the way the processing
/// center's exporter does: UTF-8, every text and attribute value escaped, characters that XML 1.0 cannot
/// carry at all (control characters) left out.
///
/// A small writer rather than FoundationXML's `XMLDocument`: a benchmark center writes 400,000 of these,
/// and on Linux each `XMLDocument` kept about 2 KB alive after use. The tests read the output back with
/// FoundationXML, so the two stay in agreement.
enum VolumeMetadataXML {
    static let namespace = "urn:archive-center:volume:1"

    struct Page { var no: Int; var sha256: String; var bytes: Int }

    static func document(uscc: String, name: String, seq: Int, event: String, created: String, pages: [Page]) -> Data {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<volume xmlns=\"\(namespace)\">\n"
        out += "  <uscc>\(escape(uscc))</uscc>\n"
        out += "  <name>\(escape(name))</name>\n"
        out += "  <seq>\(seq)</seq>\n"
        out += "  <event>\(escape(event))</event>\n"
        out += "  <created>\(escape(created))</created>\n"
        out += "  <pages count=\"\(pages.count)\">\n"
        for page in pages {
            out += "    <page no=\"\(page.no)\" sha256=\"\(escape(page.sha256))\" bytes=\"\(page.bytes)\"/>\n"
        }
        out += "  </pages>\n</volume>\n"
        return Data(out.utf8)
    }

    /// Text safe for both element content and double- or single-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default:
                // XML 1.0 forbids other C0 controls, U+FFFE and U+FFFF outright: drop them.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
