@testable import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import XCTest

/// The seal verifier decodes only the signature's own hex digits out of the zero-padded `/Contents` string.
/// What it returns — the blob, or nil for a damaged string — must be what decoding the whole string gave.
final class SealDERBlobTests: XCTestCase {
    func testDecodingOnlyTheBlobGivesWhatDecodingTheWholeStringGave() throws {
        let pdf = [UInt8](try TestSeal.sealedSample())
        guard case .success(let at) = SealSignatureLocation.locate(in: pdf) else { return XCTFail("no signature") }
        let real = Array(pdf[(at.contentsStart + 1)..<(at.contentsEnd - 1)])
        let hex = { (s: String) in Array(s.utf8) }
        var inputs: [[UInt8]] = [
            real, Array(real.prefix(40)), real + hex("zz"), hex("zz") + real, real.map { $0 == 0x30 ? 0x20 : $0 },
            hex(""), hex("3"), hex("30"), hex("3000"), hex("300"), hex("30 01 ab 0000"), hex("3001"), hex("30 0"),
            hex("3080"), hex("3085ffffffffff"), hex("308100"), hex("30810"), hex("3081010000"), hex("3082000200aa"),
            hex("3082000200"), hex("040100"), hex("30\n0\t1\r7\u{0C}f00"), hex("300100x0"), hex("30010g"), hex("3001000"),
            hex("30020000") + [0x00] + hex("00"),
        ]
        var seed: UInt64 = 42
        for _ in 0..<300 {  // random strings of hex digits, white space and a few other bytes around a header
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let alphabet = hex("0123456789abcdefABCDEF \n") + [0x00, 0x7A]
            let body = (0..<Int(seed % 40)).map { i in alphabet[Int((seed >> UInt64(i % 50)) % UInt64(alphabet.count))] }
            inputs.append(hex(["30", "3081", "3082", "30 0", ""][Int(seed % 5)]) + body)
        }
        for input in inputs {
            XCTAssertEqual(SealVerifier.derBlob(input[...]), Self.wholeStringBlob(input[...]), String(decoding: input, as: UTF8.self))
        }
        XCTAssertNotNil(SealVerifier.derBlob(real[...]))
    }

    /// The blob as it was read before: every digit of the string decoded, then cut to the DER length.
    private static func wholeStringBlob(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        var raw = [UInt8]()
        var high: UInt8? = nil
        for ch in hex where !PDFBytes.isWhitespace(ch) {
            guard let v = PDFBytes.hexValue(ch) else { return nil }
            if let h = high { raw.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { raw.append(h << 4) }
        guard raw.count >= 2, raw[0] == 0x30 else { return nil }
        let total: Int
        if raw[1] < 0x80 {
            total = 2 + Int(raw[1])
        } else {
            let n = Int(raw[1] & 0x7F)
            guard n >= 1, n <= 4, raw.count >= 2 + n else { return nil }
            var length = 0
            for i in 0..<n { length = length << 8 | Int(raw[2 + i]) }
            total = 2 + n + length
        }
        guard total <= raw.count else { return nil }
        return Array(raw[0..<total])
    }
}
