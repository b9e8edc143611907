import ArchiveEngine
@_spi(CMS) import X509
import Crypto
import Foundation
import SwiftASN1

/// Seals an e-file (签章): appends a signature field and a detached CMS signature (`adbe.pkcs7.detached`,
/// signed attributes with the signing time) made with the seal certificate's key.
///
/// The sample center uses one signer for every volume, so the certificate and key are parsed once.
public struct SealSigner {
    let certificate: Certificate
    let privateKey: Certificate.PrivateKey
    let signerName: String
    /// Room for the CMS blob: the certificate travels inside it, plus about 1 KB of signature and
    /// attributes. Reserving just that keeps a sealed sample volume small.
    let reservedBytes: Int

    public init(certificatePEM: String, privateKeyPEM: String) throws {
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw SealSigningError.invalidKey("证书 PEM 无法解析 (certificate): \(error)")
        }
        do {
            privateKey = try Certificate.PrivateKey(pemEncoded: privateKeyPEM)
        } catch {
            throw SealSigningError.invalidKey("私钥 PEM 无法解析 (private key): \(error)")
        }
        guard privateKey.publicKey == certificate.publicKey else {
            throw SealSigningError.invalidKey("私钥与证书不匹配 (the key does not belong to the certificate)")
        }
        signerName = certificate.subject.commonNameText ?? "ArchiveOps"
        var der = DER.Serializer()
        let certificateSize = (try? der.serialize(certificate)) != nil ? der.serializedBytes.count : 4096
        reservedBytes = (certificateSize + 1024 + 255) / 256 * 256
    }

    /// The sealed file: `pdf` unchanged, followed by an incremental update holding the seal.
    public func seal(_ pdf: Data, signingTime: Date) throws -> Data {
        let placeholder = try SealPlaceholder(preparing: pdf, signingTime: signingTime, signerName: signerName,
                                              reservedBytes: reservedBytes)
        let cms = try CMS.sign(placeholder.signedBytes, certificate: certificate, privateKey: privateKey, signingTime: signingTime)
        return try placeholder.embedding(cms)
    }
}

extension DistinguishedName {
    /// The first common name (CN), as text.
    var commonNameText: String? {
        for rdn in self {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return attribute.value.description
            }
        }
        return nil
    }
}
