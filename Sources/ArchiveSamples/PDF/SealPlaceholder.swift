import ArchiveEngine
import Foundation

/// A PDF prepared for sealing (签章): the original file plus an incremental update that adds a signature
/// field and a signature dictionary whose `/Contents` is a zero-filled hole.
///
/// Sealing is two steps so that any CMS producer can fill the hole: ``SealSigner`` signs with
/// swift-certificates, and the tests let OpenSSL sign the same ``signedBytes`` to prove that seals from
/// other sealing systems verify too. The original bytes are never changed (an incremental update only
/// appends), so the e-file inside a sealed file is still byte-identical to volume.pdf.
public struct SealPlaceholder: Sendable {
    /// The prepared file, with `/Contents <000…>` still empty.
    public private(set) var prepared: [UInt8]
    /// Offset of `<` of the Contents hex string: the end of the first signed range.
    public let contentsStart: Int
    /// Offset just after `>`: the start of the second signed range.
    public let contentsEnd: Int

    /// The bytes a detached CMS signature must cover: everything except the Contents hex string.
    public var signedBytes: Data {
        Data(prepared[0..<contentsStart]) + Data(prepared[contentsEnd...])
    }

    /// The `/ByteRange` written into the prepared file.
    public var byteRange: [Int] { [0, contentsStart, contentsEnd, prepared.count - contentsEnd] }

    /// Room for the DER signature, in bytes (the hex string holds twice as many characters).
    public var capacity: Int { (contentsEnd - contentsStart - 2) / 2 }

    /// Prepares `pdf` (a PDF with a classic cross-reference table and trailer) for one seal.
    /// - Parameters:
    ///   - signerName: written as `/Name` of the signature dictionary (display only).
    ///   - reservedBytes: room for the CMS blob; 8 KB holds an ECDSA or RSA-2048 seal with its certificate.
    public init(preparing pdf: Data, signingTime: Date, signerName: String = "ArchiveOps", reservedBytes: Int = 8192) throws {
        let original = [UInt8](pdf)
        let trailer = try PDFTrailer(parsing: original)
        guard let catalog = PDFTrailer.objectDictionary(original, number: trailer.root) else {
            throw SealSigningError.unsupportedPDF("找不到文档目录对象 \(trailer.root) 0 obj (catalog object not found)")
        }
        guard PDFBytes.firstIndex(of: PDFBytes.ascii("/AcroForm"), in: Array(catalog.utf8)) == nil else {
            throw SealSigningError.unsupportedPDF("文档已有表单或签章 (/AcroForm)，不能再次签章 (the PDF already has a form or a seal)")
        }
        var out = original
        if out.last != 0x0A { out.append(0x0A) }

        let fieldNumber = trailer.size, sigNumber = trailer.size + 1
        var offsets: [(Int, Int)] = []

        // 1. The catalog again, now naming the signature field in its AcroForm.
        offsets.append((trailer.root, out.count))
        let inner = catalog.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(2).dropLast(2)
        out += PDFBytes.ascii("\(trailer.root) 0 obj\n<<\(inner) /AcroForm << /Fields [\(fieldNumber) 0 R] /SigFlags 3 >> >>\nendobj\n")

        // 2. The invisible signature field (widget).
        offsets.append((fieldNumber, out.count))
        out += PDFBytes.ascii("\(fieldNumber) 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T (ArchiveSeal) /F 132 /Rect [0 0 0 0] "
                              + "/V \(sigNumber) 0 R >>\nendobj\n")

        // 3. The signature dictionary with fixed-width ByteRange and Contents holes.
        offsets.append((sigNumber, out.count))
        out += PDFBytes.ascii("\(sigNumber) 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
                              + "/Name \(SamplePDF.utf16HexString(signerName)) /M (\(Self.pdfDate(signingTime))) /ByteRange ")
        let byteRangeAt = out.count
        out += PDFBytes.ascii(Self.byteRangePlaceholder)
        out += PDFBytes.ascii(" /Contents ")
        let contentsStart = out.count
        out.append(UInt8(ascii: "<"))
        out += [UInt8](repeating: UInt8(ascii: "0"), count: reservedBytes * 2)
        out.append(UInt8(ascii: ">"))
        let contentsEnd = out.count
        out += PDFBytes.ascii(" >>\nendobj\n")

        // 4. Cross-reference section for the three objects, chained to the original with /Prev.
        let xrefOffset = out.count
        var xref = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) {
            xref += "\(number) 1\n" + String(format: "%010d 00000 n\r\n", offset)
        }
        var trailerDict = "/Size \(sigNumber + 1) /Root \(trailer.root) 0 R"
        if let info = trailer.info { trailerDict += " /Info \(info) 0 R" }
        if let id = trailer.idArray { trailerDict += " /ID \(id)" }
        trailerDict += " /Prev \(trailer.startXref)"
        xref += "trailer\n<< \(trailerDict) >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        out += PDFBytes.ascii(xref)

        // Now that the length is known, fill in the ByteRange (padded to the placeholder's width).
        let range = "[0 \(contentsStart) \(contentsEnd) \(out.count - contentsEnd)]"
        let padded = range + String(repeating: " ", count: Self.byteRangePlaceholder.count - range.count)
        out.replaceSubrange(byteRangeAt..<(byteRangeAt + padded.utf8.count), with: Array(padded.utf8))

        self.prepared = out
        self.contentsStart = contentsStart
        self.contentsEnd = contentsEnd
    }

    /// The sealed file: the prepared file with `cms` (DER) hex-encoded into the Contents hole.
    public func embedding(_ cms: [UInt8]) throws -> Data {
        guard cms.count <= capacity else {
            throw SealSigningError.signatureTooLarge(cms.count, capacity)
        }
        var out = prepared
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var i = contentsStart + 1
        for b in cms {
            out[i] = digits[Int(b >> 4)]; out[i + 1] = digits[Int(b & 0x0F)]
            i += 2
        }
        return Data(out)
    }

    /// Ten digits per number is enough for files up to 9.3 GB.
    static let byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]"

    /// `D:20230630073000+08'00'`, the PDF date form, in the bureau's time zone.
    static func pdfDate(_ date: Date) -> String {
        let p = BureauTime.parts(date)
        return String(format: "D:%04d%02d%02d%02d%02d%02d+08'00'", p.y, p.mo, p.d, p.h, p.mi, p.s)
    }
}

/// Why a PDF could not be sealed.
public enum SealSigningError: Error, CustomStringConvertible, Equatable {
    case unsupportedPDF(String)
    case signatureTooLarge(Int, Int)
    case invalidKey(String)

    public var description: String {
        switch self {
        case .unsupportedPDF(let why):
            return "无法签章：\(why)。请确认文件是完整的 PDF（使用传统交叉引用表）。 (cannot seal this PDF)"
        case .signatureTooLarge(let size, let room):
            return "签名数据 \(size) 字节超过预留空间 \(room) 字节，请增大预留空间。 (signature larger than the reserved space)"
        case .invalidKey(let why):
            return "签章证书或私钥无法读取：\(why)。请提供 PEM 格式的证书与私钥。 (unreadable seal certificate or key)"
        }
    }
}
