import SwiftASN1

/// Rewrites a CMS SignedData so that swift-certificates accepts the algorithm identifiers that OpenSSL,
/// BouncyCastle/iText and most sealing systems write.
///
/// Two forms are common in real seals and refused by swift-certificates 1.21 (see shared/NOTES.md):
/// - SHA-2 digest `AlgorithmIdentifier`s with explicit NULL parameters. RFC 5754 §2 says a verifier must
///   accept both forms; the library reports "Digest and signature algorithm mismatch". The NULL is dropped.
/// - `rsaEncryption` as the SignerInfo's signature algorithm (OpenSSL's choice, allowed by RFC 3370 §3.2).
///   It is replaced by the `shaNWithRSAEncryption` named by the SignerInfo's digest algorithm.
///
/// Only `SignedData.digestAlgorithms`, `SignerInfo.digestAlgorithm` and `SignerInfo.signatureAlgorithm`
/// are touched: all three lie outside the signed attributes and the certificates, so no signed byte
/// changes. Everything else is copied node by node as it was.
package enum CMSDigestAlgorithmNormalizer {
    private static let sha2Digests: [ASN1ObjectIdentifier: ASN1ObjectIdentifier] = [
        // digest OID → the matching RSA PKCS#1 v1.5 signature OID
        [2, 16, 840, 1, 101, 3, 4, 2, 4]: [1, 2, 840, 113549, 1, 1, 14],  // sha224
        [2, 16, 840, 1, 101, 3, 4, 2, 1]: [1, 2, 840, 113549, 1, 1, 11],  // sha256
        [2, 16, 840, 1, 101, 3, 4, 2, 2]: [1, 2, 840, 113549, 1, 1, 12],  // sha384
        [2, 16, 840, 1, 101, 3, 4, 2, 3]: [1, 2, 840, 113549, 1, 1, 13],  // sha512
    ]
    private static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]

    /// The DER of `cms` with its algorithm identifiers in the form swift-certificates verifies.
    ///
    /// A seal that is strict DER and needs no rewrite is passed on as it is: re-serializing it would give the
    /// same bytes (every node on the rewritten path keeps its minimal DER header, every other node is copied),
    /// so the copy is skipped. Anything else — BER, an unexpected shape, an identifier to rewrite — takes
    /// the rewrite below, which also throws the errors it always threw.
    package static func normalize(_ cms: [UInt8]) throws -> [UInt8] {
        if let root = try? DER.parse(cms), (try? needsNoRewrite(root)) == true { return cms }
        return try rewrite(cms)
    }

    /// The rewrite itself, node by node (``normalize(_:)`` skips it when it would change nothing).
    package static func rewrite(_ cms: [UInt8]) throws -> [UInt8] {
        let root = try BER.parse(cms)
        var s = DER.Serializer()
        // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT SignedData }
        let info = try children(of: root)
        guard info.count == 2, case .constructed = info[1].content else { throw ASN1Error.invalidASN1Object(reason: "ContentInfo") }
        let signedData = try children(of: info[1])
        guard signedData.count == 1 else { throw ASN1Error.invalidASN1Object(reason: "[0] SignedData") }
        try s.appendConstructedNode(identifier: root.identifier) { s in
            s.serialize(info[0])
            try s.appendConstructedNode(identifier: info[1].identifier) { s in
                try rewriteSignedData(signedData[0], into: &s)
            }
        }
        return s.serializedBytes
    }

    /// SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, [0] certs?, [1] crls?, signerInfos SET }
    private static func rewriteSignedData(_ node: ASN1Node, into s: inout DER.Serializer) throws {
        let items = try children(of: node)
        guard items.count >= 4 else { throw ASN1Error.invalidASN1Object(reason: "SignedData") }
        try s.appendConstructedNode(identifier: node.identifier) { s in
            for (i, item) in items.enumerated() {
                switch i {
                case 1:
                    try s.appendConstructedNode(identifier: item.identifier) { s in
                        for algorithm in try children(of: item) { try serializeDigestAlgorithm(algorithm, into: &s) }
                    }
                case items.count - 1:
                    try s.appendConstructedNode(identifier: item.identifier) { s in
                        for signer in try children(of: item) { try rewriteSignerInfo(signer, into: &s) }
                    }
                default:
                    s.serialize(item)
                }
            }
        }
    }

    /// SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature, [1] unsigned? }
    private static func rewriteSignerInfo(_ node: ASN1Node, into s: inout DER.Serializer) throws {
        let items = try children(of: node)
        guard items.count >= 5 else { throw ASN1Error.invalidASN1Object(reason: "SignerInfo") }
        let digestOID = try? algorithmOID(items[2])
        // The signature algorithm is the first universal SEQUENCE after the digest algorithm.
        let signatureIndex = (3..<items.count).first { items[$0].identifier == .sequence }
        try s.appendConstructedNode(identifier: node.identifier) { s in
            for (i, item) in items.enumerated() {
                if i == 2 {
                    try serializeDigestAlgorithm(item, into: &s)
                } else if i == signatureIndex, (try? algorithmOID(item)) == rsaEncryption,
                          let digest = digestOID, let rsa = sha2Digests[digest] {
                    try s.appendConstructedNode(identifier: .sequence) { s in
                        try s.serialize(rsa)
                        try s.serialize(ASN1Null())
                    }
                } else {
                    s.serialize(item)
                }
            }
        }
    }

    /// True when `root` has the shape ``rewrite(_:)`` walks and none of its algorithm identifiers would change.
    private static func needsNoRewrite(_ root: ASN1Node) throws -> Bool {
        let info = try children(of: root)
        guard info.count == 2, case .constructed = info[1].content else { return false }
        let signedData = try children(of: info[1])
        guard signedData.count == 1 else { return false }
        let items = try children(of: signedData[0])
        guard items.count >= 4 else { return false }
        if try children(of: items[1]).contains(where: { sha2DigestWithNull($0) != nil }) { return false }
        for signer in try children(of: items[items.count - 1]) {
            let fields = try children(of: signer)
            guard fields.count >= 5, sha2DigestWithNull(fields[2]) == nil else { return false }
            let signatureIndex = (3..<fields.count).first { fields[$0].identifier == .sequence }
            if let i = signatureIndex, (try? algorithmOID(fields[i])) == rsaEncryption,
               let digest = try? algorithmOID(fields[2]), sha2Digests[digest] != nil { return false }
        }
        return true
    }

    /// The digest OID of a SHA-2 AlgorithmIdentifier written with an explicit NULL parameter, else nil.
    private static func sha2DigestWithNull(_ node: ASN1Node) -> ASN1ObjectIdentifier? {
        guard let items = try? children(of: node), items.count == 2, items[1].identifier == .null,
              let oid = try? ASN1ObjectIdentifier(derEncoded: items[0]), sha2Digests[oid] != nil else { return nil }
        return oid
    }

    /// Writes a digest AlgorithmIdentifier, without its NULL parameter when it is a SHA-2 digest.
    private static func serializeDigestAlgorithm(_ node: ASN1Node, into s: inout DER.Serializer) throws {
        guard let oid = sha2DigestWithNull(node) else {
            s.serialize(node)
            return
        }
        try s.appendConstructedNode(identifier: .sequence) { s in try s.serialize(oid) }
    }

    private static func algorithmOID(_ node: ASN1Node) throws -> ASN1ObjectIdentifier {
        let items = try children(of: node)
        guard let first = items.first else { throw ASN1Error.invalidASN1Object(reason: "AlgorithmIdentifier") }
        return try ASN1ObjectIdentifier(derEncoded: first)
    }

    private static func children(of node: ASN1Node) throws -> [ASN1Node] {
        guard case .constructed(let collection) = node.content else {
            throw ASN1Error.invalidASN1Object(reason: "expected a constructed node")
        }
        return Array(collection)
    }
}
