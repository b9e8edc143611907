@_spi(CMS) import X509
import ArchiveEngine
import Crypto
import Foundation

/// A synthetic team signing identity for the demo and the tests (演示团队证书): a self-signed P-256
/// certificate whose key derives from a seed, named so that nobody mistakes it for a real one.
///
/// A derived key is no secret; real bundles are signed with the team's own key (`team_key`).
public enum DemoTeamCertificate {
    public static let organization = "演示运维服务公司（DEMO，非真实单位）"
    public static let commonName = "ArchiveOps 演示运维团队 DEMO"

    public static func make(seed: String = "demo", commonName: String = commonName,
                            validFrom: String = "2020-01-01", validUntil: String = "2035-01-01")
        throws -> (certificatePEM: String, privateKeyPEM: String) {
        let raw = Data(SHA256.hash(data: Data("archive-ops demo team|\(seed)".utf8)))
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
            CommonName(commonName)
        }
        var serialBytes = Array(raw.suffix(12))
        serialBytes[0] = (serialBytes[0] & 0x3F) | 0x40
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: serialBytes),
            publicKey: .init(key.publicKey),
            notValidBefore: BureauTime.parse(validFrom, allowDateOnly: true)!,
            notValidAfter: BureauTime.parse(validUntil, allowDateOnly: true)!,
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
}
