@_spi(CMS) import X509
import Foundation
import SwiftASN1

/// The parts of manifest.sig the CMS library does not judge but a verifier of evidence must: that the
/// blob is strict DER in the exact shape the signer writes (SignedData and SignerInfo version 1, one
/// signer), its certificates and its signing time.
///
/// swift-certificates parses BER and accepts SignedData versions 1, 3 and 4, none of which is covered
/// by the signature; without this check a changed version byte would still verify.
struct CMSEnvelope {
    var certificates: [Certificate]
    var signingTime: Date?

    private static let signedDataOID: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
    private static let signingTimeOID: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 5]

    init(der bytes: [UInt8]) throws {
        let root = try DER.parse(bytes)
        let info = try Self.children(root, "ContentInfo")
        guard info.count == 2, try ASN1ObjectIdentifier(derEncoded: info[0]) == Self.signedDataOID else {
            throw CMSEnvelopeError("不是 CMS SignedData (not SignedData)")
        }
        let wrapper = try Self.children(info[1], "[0] content")
        guard wrapper.count == 1 else { throw CMSEnvelopeError("SignedData 外层结构不对 ([0] content)") }
        let signedData = try Self.children(wrapper[0], "SignedData")
        guard signedData.count >= 4, try Int(derEncoded: signedData[0]) == 1 else {
            throw CMSEnvelopeError("SignedData 版本不是 1 (SignedData version is not 1)")
        }
        var certificates: [Certificate] = []
        for node in signedData[3...] where node.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            for certificate in try Self.children(node, "certificates") {
                certificates.append(try Certificate(derEncoded: certificate))
            }
        }
        guard let signerSet = signedData.last, signerSet.identifier == .set else {
            throw CMSEnvelopeError("缺少 SignerInfos (no signerInfos)")
        }
        let signers = try Self.children(signerSet, "SignerInfos")
        guard signers.count == 1 else { throw CMSEnvelopeError("签名者数目是 \(signers.count)，应为 1 (expected one signer)") }
        let signer = try Self.children(signers[0], "SignerInfo")
        guard signer.count >= 5, try Int(derEncoded: signer[0]) == 1 else {
            throw CMSEnvelopeError("SignerInfo 版本不是 1 (SignerInfo version is not 1)")
        }
        var signingTime: Date? = nil
        if signer[3].identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            for attribute in try Self.children(signer[3], "signedAttrs") {
                let parts = try Self.children(attribute, "Attribute")
                guard parts.count == 2, try ASN1ObjectIdentifier(derEncoded: parts[0]) == Self.signingTimeOID,
                      let value = try Self.children(parts[1], "signingTime").first else { continue }
                signingTime = try Self.date(value)
            }
        }
        self.certificates = certificates
        self.signingTime = signingTime
    }

    private static func date(_ node: ASN1Node) throws -> Date {
        var c = DateComponents()
        if node.identifier == .utcTime {
            let t = try UTCTime(derEncoded: node)
            (c.year, c.month, c.day, c.hour, c.minute, c.second) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else {
            let t = try GeneralizedTime(derEncoded: node)
            (c.year, c.month, c.day, c.hour, c.minute, c.second) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let date = calendar.date(from: c) else { throw CMSEnvelopeError("签名时间无法读取 (unreadable signing time)") }
        return date
    }

    private static func children(_ node: ASN1Node, _ what: String) throws -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw CMSEnvelopeError("\(what) 不是构造类型 (\(what) is not constructed)") }
        return Array(nodes)
    }
}

struct CMSEnvelopeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
