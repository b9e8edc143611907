@_spi(CMS) import X509
import SwiftASN1

/// What the verifier asks of the team certificate beyond chaining to the certificate given with
/// `--cert`: if it restricts key usage, the usage must allow signing.
///
/// Validity dates are judged separately, against the signing time inside the signature: a bundle
/// signed while the certificate was valid stays good after the certificate expires, because bundles are
/// kept for years; one signed with an already expired certificate is reported (exit 1).
struct BundleSignerPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage, .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.keyUsage else { return .meetsPolicy }
        if usage.digitalSignature || usage.nonRepudiation { return .meetsPolicy }
        return .failsToMeetPolicy(reason: "团队证书的密钥用途不允许签名 (key usage forbids signing)")
    }
}
