import ArchiveEngine
import Crypto
import Foundation

/// A small but genuine PDF for the sample center and the tests: one text page per scanned page, a
/// correct cross-reference table, the title in the document information (UTF-16, so Chinese titles work).
///
/// The same title and page count always give the same bytes (no creation date, the file ID is derived
/// from the content), so a generated center is reproducible and its catalog hashes are stable.
public enum SamplePDF {
    public static func make(title: String, pages: Int) -> Data {
        let pageCount = max(0, pages)
        let tag = SHA256.hash(data: Data(title.utf8)).prefix(6).map { String(format: "%02X", $0) }.joined()
        var writer = PDFObjectWriter()
        // Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then page i at 5 + 2i, its content at 6 + 2i.
        let kids = (0..<pageCount).map { "\(5 + 2 * $0) 0 R" }.joined(separator: " ")
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        writer.add(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        writer.add(4, "<< /Title \(utf16HexString(title)) /Producer (ArchiveOps SamplePDF) >>")
        for i in 0..<pageCount {
            let content = """
            BT /F1 18 Tf 72 760 Td (ArchiveOps sample volume \(tag)) Tj ET
            BT /F1 12 Tf 72 730 Td (Page \(i + 1) of \(pageCount)) Tj ET
            0.6 G 72 \(680 - 8 * (i % 40)) m 523 \(680 - 8 * (i % 40)) l S
            72 72 451 560 re S

            """
            writer.add(5 + 2 * i, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(6 + 2 * i) 0 R >>")
            writer.addStream(6 + 2 * i, Array(content.utf8))
        }
        let id = SHA256.hash(data: Data("\(title)|\(pageCount)".utf8)).prefix(16).map { String(format: "%02X", $0) }.joined()
        return writer.finish(root: 1, info: 4, fileID: id)
    }

    /// `<FEFF…>`: a PDF text string in UTF-16BE with a byte-order mark.
    static func utf16HexString(_ text: String) -> String {
        var hex = "<FEFF"
        for unit in text.utf16 { hex += String(format: "%04X", unit) }
        return hex + ">"
    }
}

/// Writes numbered objects and a classic cross-reference table with exact byte offsets.
struct PDFObjectWriter {
    private(set) var bytes: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    private var offsets: [Int: Int] = [:]

    mutating func add(_ number: Int, _ dictionary: String) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n\(dictionary)\nendobj\n".utf8)
    }

    mutating func addStream(_ number: Int, _ content: [UInt8]) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n<< /Length \(content.count) >>\nstream\n".utf8)
        bytes += content
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    func finish(root: Int, info: Int, fileID: String) -> Data {
        var out = bytes
        let size = (offsets.keys.max() ?? 0) + 1
        let xrefOffset = out.count
        var xref = "xref\n0 \(size)\n0000000000 65535 f\r\n"
        for n in 1..<size {
            if let o = offsets[n] {
                xref += String(format: "%010d 00000 n\r\n", o)
            } else {
                xref += "0000000000 65535 f\r\n"
            }
        }
        xref += "trailer\n<< /Size \(size) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(fileID)> <\(fileID)>] >>\n"
        xref += "startxref\n\(xrefOffset)\n%%EOF\n"
        out += Array(xref.utf8)
        return Data(out)
    }
}
