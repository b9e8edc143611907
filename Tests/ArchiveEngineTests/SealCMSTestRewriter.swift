import SwiftASN1

/// Turns a CMS blob into the form BouncyCastle/iText write: SHA-256 digest identifiers with explicit NULL
/// parameters. Used to prove the verifier accepts that form on a blob OpenSSL itself still verifies.
enum CMSTestRewriter {
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    static let sha256WithNull: [UInt8] = [0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00]

    static func addingNullDigestParameters(_ der: [UInt8]) throws -> [UInt8] {
        var s = DER.Serializer()
        try rewrite(try DER.parse(der), into: &s)
        return s.serializedBytes
    }

    private static func rewrite(_ node: ASN1Node, into s: inout DER.Serializer) throws {
        guard case .constructed(let collection) = node.content else { s.serialize(node); return }
        let children = Array(collection)
        if node.identifier == .sequence, children.count == 1, (try? ASN1ObjectIdentifier(derEncoded: children[0])) == sha256 {
            try s.appendConstructedNode(identifier: .sequence) { s in
                s.serialize(children[0])
                try s.serialize(ASN1Null())
            }
            return
        }
        try s.appendConstructedNode(identifier: node.identifier) { s in
            for child in children { try rewrite(child, into: &s) }
        }
    }
}
