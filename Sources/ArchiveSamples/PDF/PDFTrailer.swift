import ArchiveEngine
import Foundation

/// The last trailer of a PDF with a classic cross-reference table: what an incremental update must carry
/// over (`/Root`, `/Info`, `/ID`), where the next object number starts (`/Size`) and where the previous
/// cross-reference section is (`startxref`, written as `/Prev`).
///
/// Files that use cross-reference streams (PDF 1.5 compression) have no `trailer` keyword; the sample
/// center and the bureau's e-file generator do not write them, so they are refused with a clear message.
struct PDFTrailer {
    var root: Int
    var size: Int
    var info: Int?
    /// The `/ID [<…> <…>]` array as written, if present.
    var idArray: String?
    var startXref: Int

    init(parsing bytes: [UInt8]) throws {
        guard bytes.count > 5, Array(bytes[0..<5]) == PDFBytes.ascii("%PDF-") else {
            throw SealSigningError.unsupportedPDF("文件不是 PDF（缺少 %PDF- 文件头） (not a PDF)")
        }
        guard let sx = PDFBytes.lastIndex(of: PDFBytes.ascii("startxref"), in: bytes),
              let (offset, _) = PDFBytes.readInteger(bytes, at: sx + 9) else {
            throw SealSigningError.unsupportedPDF("找不到 startxref，文件可能被截断 (no startxref; truncated?)")
        }
        guard let t = PDFBytes.lastIndex(of: PDFBytes.ascii("trailer"), in: bytes, before: sx),
              let open = PDFBytes.firstIndex(of: PDFBytes.ascii("<<"), in: bytes, from: t, to: sx) else {
            throw SealSigningError.unsupportedPDF("找不到 trailer（可能使用了交叉引用流） (no trailer; cross-reference streams are not supported)")
        }
        let dict = String(decoding: bytes[open..<sx], as: UTF8.self)
        guard let root = Self.reference(in: dict, key: "/Root"), let size = Self.integer(in: dict, key: "/Size") else {
            throw SealSigningError.unsupportedPDF("trailer 缺少 /Root 或 /Size (trailer lacks /Root or /Size)")
        }
        self.root = root
        self.size = size
        self.info = Self.reference(in: dict, key: "/Info")
        self.startXref = offset
        if let r = dict.range(of: "/ID"), let lb = dict[r.upperBound...].firstIndex(of: "["),
           let rb = dict[lb...].firstIndex(of: "]") {
            idArray = String(dict[lb...rb])
        }
    }

    /// `N` of `/Key N G R`.
    static func reference(in dict: String, key: String) -> Int? {
        guard let r = dict.range(of: key + " ") ?? dict.range(of: key) else { return nil }
        let parts = dict[r.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).prefix(3)
        guard parts.count == 3, parts[parts.startIndex + 2].hasPrefix("R") else { return nil }
        return Int(parts[parts.startIndex])
    }

    static func integer(in dict: String, key: String) -> Int? {
        guard let r = dict.range(of: key) else { return nil }
        let rest = dict[r.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" })
        return Int(rest.prefix(while: { $0.isASCII && $0.isNumber }))
    }

    /// The dictionary text `<< … >>` of the last definition of object `number`, nested dictionaries included.
    static func objectDictionary(_ bytes: [UInt8], number: Int) -> String? {
        let header = PDFBytes.ascii("\(number) 0 obj")
        var before = bytes.count
        while let at = PDFBytes.lastIndex(of: header, in: bytes, before: before) {
            before = at
            // The header must start a token: "12 0 obj" must not match inside "112 0 obj".
            if at > 0 && !PDFBytes.isWhitespace(bytes[at - 1]) { continue }
            guard let open = PDFBytes.firstIndex(of: PDFBytes.ascii("<<"), in: bytes, from: at + header.count) else { return nil }
            var depth = 0, i = open
            while i + 1 < bytes.count {
                if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "<") { depth += 1; i += 2; continue }
                if bytes[i] == UInt8(ascii: ">") && bytes[i + 1] == UInt8(ascii: ">") {
                    depth -= 1; i += 2
                    if depth == 0 { return String(decoding: bytes[open..<i], as: UTF8.self) }
                    continue
                }
                i += 1
            }
            return nil
        }
        return nil
    }
}
