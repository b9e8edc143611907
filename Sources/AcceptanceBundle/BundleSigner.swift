@_spi(CMS) import X509
import Crypto
import Foundation

/// The team's signing identity (运维团队签名证书): the key and certificate named in `archive-ops.yaml`
/// (`team_key`, `team_certificate`). It signs manifest.json with a detached CMS SignedData, the form
/// `openssl cms -verify` and the bureau's own tools read.
public struct BundleSigner {
    let certificate: Certificate
    let privateKey: Certificate.PrivateKey

    public init(certificatePEM: String, privateKeyPEM: String,
                certificateSource: String = "证书", keySource: String = "私钥") throws {
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw BundleSigningError("团队证书 \(certificateSource) 不是可读的 PEM 证书：\(error)。请检查 archive-ops.yaml 的 team_certificate。 (unreadable certificate)")
        }
        do {
            privateKey = try Certificate.PrivateKey(pemEncoded: privateKeyPEM)
        } catch {
            throw BundleSigningError("团队私钥 \(keySource) 不是可读的 PEM 私钥：\(error)。请检查 archive-ops.yaml 的 team_key。 (unreadable private key)")
        }
        guard privateKey.publicKey == certificate.publicKey else {
            throw BundleSigningError("团队私钥 \(keySource) 与证书 \(certificateSource) 不匹配。请检查 team_key 与 team_certificate 是否是同一对。 (key does not match certificate)")
        }
    }

    /// Reads the PEM files named in the configuration.
    public init(certificateURL: URL, keyURL: URL) throws {
        func text(_ url: URL, _ key: String) throws -> String {
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw BundleSigningError("无法读取 \(url.path)：\(error.localizedDescription)。请检查 archive-ops.yaml 的 \(key)。 (cannot read \(key))")
            }
        }
        try self.init(certificatePEM: try text(certificateURL, "team_certificate"), privateKeyPEM: try text(keyURL, "team_key"),
                      certificateSource: certificateURL.path, keySource: keyURL.path)
    }

    /// The subject of the signing certificate, for messages.
    public var subject: String { "\(certificate.subject)" }

    /// A detached CMS SignedData over `content`, with the signing time as a signed attribute.
    public func sign(_ content: Data, signingTime: Date) throws -> [UInt8] {
        do {
            return try CMS.sign(content, certificate: certificate, privateKey: privateKey, signingTime: signingTime)
        } catch {
            throw BundleSigningError("签名失败：\(error) (signing failed)")
        }
    }
}

public struct BundleSigningError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
