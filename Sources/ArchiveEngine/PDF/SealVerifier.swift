@_spi(CMS) import X509
import Crypto
import Foundation
import SwiftASN1

/// Verifies a sealed file (volume.sealed.pdf) against the bureau's trusted seal certificate, the way the
/// seal check (签章文件生成检查) needs it: is the seal intact, does it cover the whole file, and was it
/// made by the trusted seal.
///
/// Three separate questions, because the CMS library answers only the first and the last:
/// 1. Coverage: ByteRange must be `[0 b c d]` with the gap exactly the `/Contents` hex string and
///    `c + d` the file size. A CMS signature stays valid when bytes are appended after it, so appended or
///    excluded bytes are caught here (`byteRangeIncomplete`).
/// 2. Integrity: the detached CMS signature over the ByteRange bytes (`CMS.isValidSignature`, signed
///    attributes included) after normalising OpenSSL-style NULL digest parameters.
/// 3. Trust: the signer must be the trusted certificate or chain to it. A damaged copy of the certificate
///    inside the seal, or a look-alike with the same name, is `untrustedSigner`.
///
/// It never traps on any input; unreadable files are `malformed` or `notSigned`.
public struct SealVerifier: Sendable {
    /// The trust anchors, built once per verifier (not per file).
    private let roots: CertificateStore

    public init(trustedCertificatePEM: String) throws {
        do {
            roots = CertificateStore([try Certificate(pemEncoded: trustedCertificatePEM)])
        } catch {
            throw SealVerifierError.unreadableCertificate("\(error)")
        }
    }

    /// The verdict on one sealed file, from synchronous code (one hop to a verification thread per call;
    /// a caller with many files uses ``verifyAll(_:)`` or the async ``verify(_:)``).
    public func verify(_ pdf: Data) -> SealVerdict {
        SynchronousTask.run { await self.verify(pdf) }
    }

    /// Runs `body` — which may read files and verify any number of seals with the async ``verify(_:)`` —
    /// on one verification thread, so that a batch of seals costs one thread hop, not one per file.
    public static func verifyAll<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        SynchronousTask.run(body)
    }

    public func verify(_ pdf: Data) async -> SealVerdict {
        let bytes = [UInt8](pdf)
        guard bytes.count >= 5, Array(bytes[0..<5]) == PDFBytes.ascii("%PDF-") else {
            return bytes.isEmpty ? .malformed("签章文件为空 (empty file)") : .malformed("签章文件不是 PDF（缺少 %PDF- 文件头） (not a PDF)")
        }
        let location: SealSignatureLocation
        switch SealSignatureLocation.locate(in: bytes) {
        case .success(let l): location = l
        case .failure(.notSigned): return .notSigned
        case .failure(.malformed(let why)): return .malformed(why)
        }
        let (b, c, d) = (location.byteRange[1], location.byteRange[2], location.byteRange[3])
        if c + d > bytes.count && b == location.contentsStart && c == location.contentsEnd {
            return .malformed("文件比签名范围短 \(c + d - bytes.count) 字节，文件被截断 (file shorter than its ByteRange; truncated)")
        }
        if let problem = location.coverageProblem(fileSize: bytes.count) {
            return .byteRangeIncomplete(problem)
        }
        guard let der = Self.derBlob(bytes[(location.contentsStart + 1)..<(location.contentsEnd - 1)]) else {
            return .malformed("/Contents 中没有可读的 DER 签名数据 (no DER signature in /Contents)")
        }
        let cms: [UInt8]
        do {
            cms = try CMSDigestAlgorithmNormalizer.normalize(der)
        } catch {
            return .malformed("签名数据不是有效的 CMS 结构：\(error) (unreadable CMS)")
        }
        var signed = [UInt8]()
        signed.reserveCapacity(b + d)
        signed += bytes[0..<b]
        signed += bytes[c..<(c + d)]
        let result = await CMS.isValidSignature(dataBytes: signed, signatureBytes: cms, trustRoots: roots) { SealCertificatePolicy() }
        switch result {
        case .success:
            return .valid
        case .failure(.unableToValidateSigner(let failure)):
            return .untrustedSigner("签署证书不是受信任的签章证书：\(failure.signer.subject) (signer is not the trusted seal certificate)")
        case .failure(.invalidCMSBlock(let block)):
            if block.reason.contains("Message digest mismatch") {
                return .digestMismatch("签章后文件内容被修改：摘要不一致 (message digest mismatch: content changed after sealing)")
            }
            if block.reason.hasPrefix("Invalid signature from signing certificate") {
                return .digestMismatch("签名值校验失败：签名属性或签名值被改动 (signature value does not verify)")
            }
            return .malformed("签名数据无法校验：\(block.reason.prefix(200)) (CMS not verifiable)")
        }
    }

    /// The DER blob at the start of the hex string: the hex is zero-padded to its reserved size, so the
    /// length comes from the DER header, not from the string.
    ///
    /// Only the blob's own digits are decoded (the padding is often several times the blob); the rest is
    /// still checked to be hex digits or white space, so a damaged string is refused as before.
    static func derBlob(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        var raw = [UInt8]()
        var total: Int? = nil  // the blob's length once its header is decoded
        var high: UInt8? = nil
        var index = hex.startIndex
        while index < hex.endIndex, total.map({ raw.count < $0 }) ?? true {
            let ch = hex[index]
            index += 1
            if PDFBytes.isWhitespace(ch) { continue }
            guard let v = PDFBytes.hexValue(ch) else { return nil }
            guard let h = high else { high = v; continue }
            raw.append(h << 4 | v)
            high = nil
            if total == nil {
                switch headerLength(raw) {
                case .needMore: break
                case .invalid: return nil
                case .length(let length): total = length; raw.reserveCapacity(length)
                }
            }
        }
        guard hex[index...].allSatisfy({ PDFBytes.isWhitespace($0) || PDFBytes.hexValue($0) != nil }) else { return nil }
        if let h = high {  // an odd final digit is followed by an implied 0
            raw.append(h << 4)
            if total == nil, case .length(let length) = headerLength(raw) { total = length }
        }
        guard let total, total <= raw.count else { return nil }
        return Array(raw[0..<total])
    }

    private enum DERHeader { case needMore, invalid, length(Int) }

    /// The whole length of a DER SEQUENCE from its first bytes (definite lengths of up to four bytes; the
    /// indefinite BER form 0x80 is not accepted).
    private static func headerLength(_ raw: [UInt8]) -> DERHeader {
        guard raw.count >= 2 else { return .needMore }
        guard raw[0] == 0x30 else { return .invalid }
        if raw[1] < 0x80 { return .length(2 + Int(raw[1])) }
        let n = Int(raw[1] & 0x7F)
        guard n >= 1, n <= 4 else { return .invalid }
        guard raw.count >= 2 + n else { return .needMore }
        var length = 0
        for i in 0..<n { length = length << 8 | Int(raw[2 + i]) }
        return .length(2 + n + length)
    }
}

/// Why a seal verifier could not be set up.
public enum SealVerifierError: Error, CustomStringConvertible {
    case unreadableCertificate(String)

    public var description: String {
        switch self {
        case .unreadableCertificate(let why):
            return "受信任的签章证书无法读取：\(why)。请在 archive-ops.yaml 的 seal_certificate 指定 PEM 格式证书。 (unreadable trusted seal certificate)"
        }
    }
}
