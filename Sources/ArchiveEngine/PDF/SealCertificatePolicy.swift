@_spi(CMS) import X509
import SwiftASN1

/// What the seal check demands of the signer's certificate beyond chaining to the trusted seal certificate:
/// if it restricts its key usage, the usage must allow signing (digitalSignature or nonRepudiation).
///
/// Validity dates are deliberately not judged against the clock: a seal made while the certificate was
/// valid stays valid after it expires, and an archive is kept for decades. Declaring the usual critical
/// extensions as handled is required, or the library refuses every certificate that marks them critical.
struct SealCertificatePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage, .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.keyUsage else { return .meetsPolicy }
        if usage.digitalSignature || usage.nonRepudiation { return .meetsPolicy }
        return .failsToMeetPolicy(reason: "签章证书的密钥用途不允许签名 (key usage forbids signing)")
    }
}
