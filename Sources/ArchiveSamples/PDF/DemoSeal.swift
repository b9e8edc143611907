import ArchiveEngine
@_spi(CMS) import X509
import Crypto
import Foundation
import SwiftASN1

/// The demo seal certificate (演示签章证书) of the sample center: a self-signed P-256 certificate whose key
/// is derived from a seed, so the same seed always gives the same key and the same subject.
///
/// Only for samples and tests: a derived key is not a secret. The certificate's own ECDSA signature is
/// the one random part (the library signs with a random nonce); any two certificates made from one seed
/// carry the same key and name, so either verifies the other's seals.
public struct DemoSeal {
    /// Subject organisation of the demo seal: never the bureau's name, since anyone can derive the key.
    public static let organization = "ArchiveOps 演示证书 (demo)"
    /// Subject organisational unit that marks every demo seal; ``isDemo(pem:)`` looks for it.
    public static let demoMark = "仅用于演示与测试，非正式签章 (demo and tests only, not a real seal)"
    /// Common name of the sample center's seal unless a test names another.
    public static let defaultCommonName = "ArchiveOps 演示签章 (demo seal)"

    /// Whether a PEM certificate is a demo seal (its subject carries ``demoMark``): `check` warns when
    /// such a certificate is configured as the trusted seal certificate.
    public static func isDemo(pem: String) -> Bool {
        // The subject's UTF8String bytes appear verbatim in the certificate's DER.
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else { return false }
        return der.range(of: Data(demoMark.utf8)) != nil
    }

    public static func make(seed: String, commonName: String) throws -> (certificatePEM: String, privateKeyPEM: String) {
        let raw = Data(SHA256.hash(data: Data("archive-ops demo seal|\(seed)".utf8)))
        let key: P256.Signing.PrivateKey
        do {
            key = try P256.Signing.PrivateKey(rawRepresentation: raw)
        } catch {
            // A SHA-256 value outside the curve order is astronomically unlikely; hash once more if it happens.
            key = try P256.Signing.PrivateKey(rawRepresentation: Data(SHA256.hash(data: raw)))
        }
        let name = try DistinguishedName {
            CountryName("CN")
            OrganizationName(organization)
            OrganizationalUnitName(demoMark)
            CommonName(commonName)
        }
        // A positive 12-byte serial without a leading zero byte (DER integers must be minimal).
        var serialBytes = Array(raw.prefix(12))
        serialBytes[0] = (serialBytes[0] & 0x3F) | 0x40
        let serial = Certificate.SerialNumber(bytes: serialBytes)
        let certificate = try Certificate(
            version: .v3,
            serialNumber: serial,
            publicKey: .init(key.publicKey),
            notValidBefore: fixedDate(2020, 1, 1),
            notValidAfter: fixedDate(2035, 1, 1),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true, keyCertSign: true))
            },
            issuerPrivateKey: .init(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }

    private static func fixedDate(_ y: Int, _ m: Int, _ d: Int) -> Date {
        BureauTime.parse(String(format: "%04d-%02d-%02dT00:00:00+08:00", y, m, d)) ?? Date(timeIntervalSince1970: 0)
    }
}
