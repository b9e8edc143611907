import Foundation

/// Where the seal sits in a sealed file: the `/ByteRange` numbers and the Contents hex string they must
/// leave out. Finding these by bytes (not by a PDF parser) lets the verifier judge damaged files too.
struct SealSignatureLocation {
    var byteRange: [Int]
    /// Offsets of `<` and one past `>` of the Contents hex string that follows `/Contents`.
    var contentsStart: Int
    var contentsEnd: Int

    enum Failure: Error {
        case notSigned
        case malformed(String)
    }

    private static let byteRangeKey = PDFBytes.ascii("/ByteRange")
    private static let contentsKey = PDFBytes.ascii("/Contents")
    private static let sigTypes = [PDFBytes.ascii("/Type /Sig"), PDFBytes.ascii("/Type/Sig")]

    /// Locates the last signature dictionary of the file (an incremental update appends the newest last).
    static func locate(in bytes: [UInt8]) -> Result<SealSignatureLocation, Failure> {
        guard let key = PDFBytes.lastIndex(of: byteRangeKey, in: bytes) else {
            if sigTypes.contains(where: { PDFBytes.firstIndex(of: $0, in: bytes) != nil }) {
                return .failure(.malformed("签名字典缺少 /ByteRange (signature dictionary without /ByteRange)"))
            }
            return .failure(.notSigned)
        }
        // `[a b c d]`
        var i = key + byteRangeKey.count
        while i < bytes.count && PDFBytes.isWhitespace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
            return .failure(.malformed("/ByteRange 不是数组 (ByteRange is not an array)"))
        }
        i += 1
        var numbers: [Int] = []
        while numbers.count < 4, let (v, end) = PDFBytes.readInteger(bytes, at: i) {
            numbers.append(v); i = end
        }
        while i < bytes.count && PDFBytes.isWhitespace(bytes[i]) { i += 1 }
        guard numbers.count == 4, i < bytes.count, bytes[i] == UInt8(ascii: "]") else {
            return .failure(.malformed("/ByteRange 应为四个非负整数 (ByteRange must hold four non-negative integers)"))
        }
        // The Contents of the same object: between its `N G obj` header and its `endobj`.
        let objStart = PDFBytes.lastIndex(of: PDFBytes.ascii(" obj"), in: bytes, before: key) ?? 0
        let objEnd = PDFBytes.firstIndex(of: PDFBytes.ascii("endobj"), in: bytes, from: key) ?? bytes.count
        guard let contentsKeyAt = PDFBytes.firstIndex(of: contentsKey, in: bytes, from: objStart, to: objEnd) else {
            return .failure(.malformed("签名字典缺少 /Contents，或文件被截断 (signature dictionary without /Contents; truncated?)"))
        }
        var s = contentsKeyAt + contentsKey.count
        while s < bytes.count && PDFBytes.isWhitespace(bytes[s]) { s += 1 }
        guard s < bytes.count, bytes[s] == UInt8(ascii: "<") else {
            return .failure(.malformed("/Contents 不是十六进制字符串 (Contents is not a hex string)"))
        }
        var e = s + 1
        while e < bytes.count && (PDFBytes.isHexDigit(bytes[e]) || PDFBytes.isWhitespace(bytes[e])) { e += 1 }
        guard e < bytes.count, bytes[e] == UInt8(ascii: ">") else {
            return .failure(.malformed("/Contents 十六进制字符串未结束，文件可能被截断 (Contents hex string not closed; truncated?)"))
        }
        return .success(SealSignatureLocation(byteRange: numbers, contentsStart: s, contentsEnd: e + 1))
    }

    /// Why the ByteRange does not cover the whole file but the Contents, or nil when it does.
    func coverageProblem(fileSize: Int) -> String? {
        let (a, b, c, d) = (byteRange[0], byteRange[1], byteRange[2], byteRange[3])
        if a != 0 {
            return "ByteRange 未从文件开头开始（起点 \(a)），文件开头 \(a) 字节未签名 (ByteRange does not start at 0)"
        }
        if b != contentsStart || c != contentsEnd {
            return "ByteRange [\(a) \(b) \(c) \(d)] 留出的空隙不是签名值 /Contents（应为 \(contentsStart)…\(contentsEnd)），"
                + "签名范围被篡改 (the gap is not exactly the Contents)"
        }
        if c + d < fileSize {
            return "签章后文件被追加了 \(fileSize - c - d) 字节，追加部分未被签名覆盖 (\(fileSize - c - d) bytes after the signed range)"
        }
        if c + d > fileSize {
            return "ByteRange 超出文件末尾 \(c + d - fileSize) 字节，文件被截断 (ByteRange extends past the end; truncated)"
        }
        return nil
    }
}
