import Foundation

/// Reads the facts of a PDF file that the e-file check (电子文件生成检查) judges: is it a PDF, is it
/// complete, how many pages does it have.
///
/// It deliberately does not parse the object graph: a broken file is exactly what it must survive, so it
/// scans bytes, never traps, and answers "unknown" (nil) rather than guessing when the file is not a PDF.
/// Pages are counted as distinct object numbers whose dictionary has `/Type /Page`, so an incremental
/// update that rewrites a page (as sealing may) does not count it twice.
public enum PDFInspector {
    private static let header = PDFBytes.ascii("%PDF-")
    private static let eofMarker = PDFBytes.ascii("%%EOF")
    private static let typeKey = PDFBytes.ascii("/Type")
    private static let pageName = PDFBytes.ascii("/Page")

    public static func inspect(_ data: Data) -> PDFFacts {
        let bytes = [UInt8](data)
        let isPDF = bytes.count >= header.count && Array(bytes[0..<header.count]) == header
        let tailStart = max(0, bytes.count - 1024)
        let hasEOF = PDFBytes.firstIndex(of: eofMarker, in: bytes, from: tailStart) != nil
        return PDFFacts(byteCount: bytes.count, isPDF: isPDF, hasEOF: hasEOF,
                        pageCount: isPDF ? countPages(bytes) : nil)
    }

    /// Counts the objects whose dictionary carries `/Type /Page` (also written `/Type/Page`).
    static func countPages(_ bytes: [UInt8]) -> Int {
        var objects = Set<Int>()
        var anonymous = 0
        var i = 0
        while let t = PDFBytes.firstIndex(of: typeKey, in: bytes, from: i) {
            i = t + typeKey.count
            var j = i
            while j < bytes.count && PDFBytes.isWhitespace(bytes[j]) { j += 1 }
            guard j + pageName.count <= bytes.count, Array(bytes[j..<(j + pageName.count)]) == pageName else { continue }
            let after = j + pageName.count
            // `/Pages` (the page tree) and names like `/PageLabel` are not pages.
            if after < bytes.count && !PDFBytes.isWhitespace(bytes[after]) && !PDFBytes.isDelimiter(bytes[after]) { continue }
            if let number = enclosingObjectNumber(bytes, before: t) {
                objects.insert(number)
            } else {
                anonymous += 1
            }
            i = after
        }
        return objects.count + anonymous
    }

    /// The object number N of the nearest `N G obj` header before `index`, if there is one.
    static func enclosingObjectNumber(_ bytes: [UInt8], before index: Int) -> Int? {
        // Look back at most 4 KB: page dictionaries are short, and this keeps big files linear.
        let floor = max(0, index - 4096)
        var k = index - 3
        while k >= floor {
            if bytes[k] == UInt8(ascii: "o"), bytes[k + 1] == UInt8(ascii: "b"), bytes[k + 2] == UInt8(ascii: "j"),
               k + 3 >= bytes.count || !isRegular(bytes[k + 3]), k > 0, PDFBytes.isWhitespace(bytes[k - 1]) {
                // Walk back over "G" and "N".
                var e = k - 1
                while e >= 0 && PDFBytes.isWhitespace(bytes[e]) { e -= 1 }
                var s = e
                while s >= 0 && PDFBytes.isDigit(bytes[s]) { s -= 1 }
                guard s < e else { return nil }
                var e2 = s
                while e2 >= 0 && PDFBytes.isWhitespace(bytes[e2]) { e2 -= 1 }
                var s2 = e2
                while s2 >= 0 && PDFBytes.isDigit(bytes[s2]) { s2 -= 1 }
                guard s2 < e2 else { return nil }
                return PDFBytes.readInteger(bytes, at: s2 + 1)?.value
            }
            k -= 1
        }
        return nil
    }

    private static func isRegular(_ b: UInt8) -> Bool { !PDFBytes.isWhitespace(b) && !PDFBytes.isDelimiter(b) }
}
