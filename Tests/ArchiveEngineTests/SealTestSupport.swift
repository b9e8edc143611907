import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// The pieces of a sealed PDF as named by its ByteRange, found independently of the verifier under test.
struct SealedParts {
    var signedBytes: Data
    var der: Data
    var byteRange: [Int]

    init(_ pdf: Data) throws {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let r = text.range(of: "/ByteRange [") else { throw NSError(domain: "test", code: 1) }
        let numbers = text[r.upperBound...].prefix(while: { $0 != "]" }).split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 4 else { throw NSError(domain: "test", code: 2) }
        byteRange = numbers
        let bytes = [UInt8](pdf)
        signedBytes = Data(bytes[numbers[0]..<(numbers[0] + numbers[1])] + bytes[numbers[2]..<(numbers[2] + numbers[3])])
        let hex = Array(bytes[(numbers[1] + 1)..<(numbers[2] - 1)])
        var raw = [UInt8]()
        var i = 0
        while i + 1 < hex.count {
            raw.append(UInt8(String(decoding: hex[i...(i + 1)], as: UTF8.self), radix: 16) ?? 0)
            i += 2
        }
        // DER length from the header; the rest is zero padding.
        var total = raw.count
        if raw.count > 4, raw[0] == 0x30 {
            if raw[1] < 0x80 { total = 2 + Int(raw[1]) } else {
                let n = Int(raw[1] & 0x7F)
                total = 2 + n + raw[2..<(2 + n)].reduce(0) { $0 << 8 | Int($1) }
            }
        }
        der = Data(raw.prefix(total))
    }
}

/// One demo seal for the whole test run: key derivation and certificate building are cheap, but sharing
/// keeps the tests' intent visible (one bureau, one seal).
enum TestSeal {
    static let bureau: (certificatePEM: String, privateKeyPEM: String) = {
        (try? DemoSeal.make(seed: "test-bureau", commonName: "东莞市市场监督管理局电子档案签章")) ?? ("", "")
    }()
    static let impostor: (certificatePEM: String, privateKeyPEM: String) = {
        (try? DemoSeal.make(seed: "someone-else", commonName: "东莞市市场监督管理局电子档案签章")) ?? ("", "")
    }()

    static let signingTime = BureauTime.parse("2023-06-29T16:20:00+08:00") ?? Date(timeIntervalSince1970: 0)

    static func sealedSample(pages: Int = 3, seal: (certificatePEM: String, privateKeyPEM: String) = bureau) throws -> Data {
        let signer = try SealSigner(certificatePEM: seal.certificatePEM, privateKeyPEM: seal.privateKeyPEM)
        return try signer.seal(SamplePDF.make(title: "东莞市（虎门）样例电子科技有限公司 第1卷", pages: pages), signingTime: signingTime)
    }
}

extension Data {
    /// The same bytes with every occurrence of `old` replaced by `new` (same length), for tampering tests.
    func replacingASCII(_ old: String, with new: String) -> Data {
        precondition(old.utf8.count == new.utf8.count)
        var bytes = [UInt8](self)
        let o = Array(old.utf8), n = Array(new.utf8)
        var i = 0
        while i + o.count <= bytes.count {
            if Array(bytes[i..<(i + o.count)]) == o { bytes.replaceSubrange(i..<(i + o.count), with: n); i += o.count } else { i += 1 }
        }
        return Data(bytes)
    }
}
