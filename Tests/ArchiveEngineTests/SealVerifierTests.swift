import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// The seal check's verifier, held against OpenSSL and poppler as independent references.
final class SealVerifierTests: XCTestCase {
    private func verifier(_ pem: String = TestSeal.bureau.certificatePEM) throws -> SealVerifier {
        try SealVerifier(trustedCertificatePEM: pem)
    }

    func testFreshSealIsValid() throws {
        let sealed = try TestSeal.sealedSample()
        XCTAssertEqual(try verifier().verify(sealed), .valid)
    }

    func testOpenSSLVerifiesOurSealAgainstTheSealCertificate() throws {
        let sealed = try TestSeal.sealedSample()
        let parts = try SealedParts(sealed)
        XCTAssertEqual(parts.byteRange[0], 0)
        XCTAssertEqual(parts.byteRange[2] + parts.byteRange[3], sealed.count)
        let scratch = try ScratchFolder()
        let data = try scratch.write("signed.bin", parts.signedBytes)
        let sig = try scratch.write("seal.der", parts.der)
        let pem = try scratch.write("seal.pem", Data(TestSeal.bureau.certificatePEM.utf8))
        let out = try ExternalTool.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-content", data.path,
                                                   "-in", sig.path, "-CAfile", pem.path, "-purpose", "any", "-out", "/dev/null"])
        XCTAssertEqual(out.status, 0, out.output)
        XCTAssertTrue(out.output.contains("Verification successful"), out.output)

        // And OpenSSL refuses it against another certificate, so the check above can fail.
        let other = try scratch.write("other.pem", Data(TestSeal.impostor.certificatePEM.utf8))
        let refused = try ExternalTool.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-content", data.path,
                                                       "-in", sig.path, "-CAfile", other.path, "-purpose", "any", "-out", "/dev/null"])
        XCTAssertNotEqual(refused.status, 0, refused.output)
    }

    func testPopplerSeesAValidSignatureCoveringTheWholeDocument() throws {
        let scratch = try ScratchFolder()
        let url = try scratch.write("volume.sealed.pdf", try TestSeal.sealedSample())
        let out = try ExternalTool.run("pdfsig", [url.path])
        XCTAssertTrue(out.output.contains("Signature is Valid"), out.output)
        XCTAssertTrue(out.output.contains("Total document signed"), out.output)
        XCTAssertTrue(out.output.contains("东莞市市场监督管理局电子档案签章"), out.output)

        // poppler also sees the tampered copy as broken: the reference agrees with the verifier.
        let tampered = try scratch.write("tampered.pdf", try TestSeal.sealedSample().replacingASCII("Page 1 of 3", with: "Page 9 of 3"))
        let bad = try ExternalTool.run("pdfsig", [tampered.path])
        XCTAssertFalse(bad.output.contains("Signature is Valid"), bad.output)
    }

    func testContentChangedAfterSealingIsADigestMismatch() throws {
        let tampered = try TestSeal.sealedSample().replacingASCII("Page 2 of 3", with: "Page 7 of 3")
        guard case .digestMismatch = try verifier().verify(tampered) else {
            return XCTFail("expected digestMismatch, got \(try verifier().verify(tampered))")
        }
    }

    func testBytesAppendedAfterSealingLeaveTheByteRangeIncomplete() throws {
        var sealed = try TestSeal.sealedSample()
        sealed.append(Data("\n% appended after sealing\n%%EOF\n".utf8))
        guard case .byteRangeIncomplete(let why) = try verifier().verify(sealed) else {
            return XCTFail("expected byteRangeIncomplete, got \(try verifier().verify(sealed))")
        }
        XCTAssertTrue(why.contains("追加"), why)
    }

    func testForgedByteRangeIsNeverValid() throws {
        let sealed = try TestSeal.sealedSample()
        let parts = try SealedParts(sealed)
        let (b, c, d) = (parts.byteRange[1], parts.byteRange[2], parts.byteRange[3])
        let original = "[0 \(b) \(c) \(d)]"

        // A gap that is not exactly the Contents string leaves signed-looking bytes unsigned.
        let shifted = "[0 \(b - 9) \(c) \(d)]"
        let forgedGap = sealed.replacingASCII(original, with: shifted.padding(toLength: original.count, withPad: " ", startingAt: 0))
        guard case .byteRangeIncomplete = try verifier().verify(forgedGap) else {
            return XCTFail("expected byteRangeIncomplete, got \(try verifier().verify(forgedGap))")
        }

        // Claiming to cover bytes appended later passes the coverage test but breaks the digest.
        var appended = sealed
        appended.append(Data("% 0123456789\n".utf8))
        let claimed = "[0 \(b) \(c) \(d + 13)]"
        let forgedLength = appended.replacingASCII(original, with: claimed.padding(toLength: original.count, withPad: " ", startingAt: 0))
        let verdict = try verifier().verify(forgedLength)
        XCTAssertNotEqual(verdict, .valid)
        guard case .digestMismatch = verdict else { return XCTFail("expected digestMismatch, got \(verdict)") }
    }

    func testSealByAnotherCertificateIsAnUntrustedSigner() throws {
        let sealed = try TestSeal.sealedSample(seal: TestSeal.impostor)
        guard case .untrustedSigner = try verifier().verify(sealed) else {
            return XCTFail("expected untrustedSigner, got \(try verifier().verify(sealed))")
        }
        // The same file is valid for whoever trusts the impostor's certificate: the signature itself is intact.
        XCTAssertEqual(try verifier(TestSeal.impostor.certificatePEM).verify(sealed), .valid)
    }

    func testDemoSealKeyIsDerivedFromItsSeed() throws {
        let again = try DemoSeal.make(seed: "test-bureau", commonName: "东莞市市场监督管理局电子档案签章")
        XCTAssertEqual(again.privateKeyPEM, TestSeal.bureau.privateKeyPEM)
        XCTAssertNotEqual(again.privateKeyPEM, TestSeal.impostor.privateKeyPEM)
        // A look-alike certificate (same name, other key) is still refused: the name alone proves nothing.
        guard case .untrustedSigner = try verifier(TestSeal.impostor.certificatePEM).verify(try TestSeal.sealedSample()) else {
            return XCTFail("same name, other key must be untrusted")
        }
    }

    func testOpenSSLMadeRSASealIsAccepted() throws {
        // OpenSSL names the signature algorithm rsaEncryption (with NULL parameters) in RSA seals.
        try assertOpenSSLSealVerifies(keyArguments: ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
                                      addNullDigestParameters: false)
    }

    func testSealWithNullDigestParametersIsAccepted() throws {
        // BouncyCastle/iText and older OpenSSL write SHA-256 digest identifiers with explicit NULL parameters.
        try assertOpenSSLSealVerifies(keyArguments: ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
                                      addNullDigestParameters: true)
    }

    func testOpenSSLMadeECDSASealIsAccepted() throws {
        try assertOpenSSLSealVerifies(keyArguments: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
                                      addNullDigestParameters: true)
    }

    private func assertOpenSSLSealVerifies(keyArguments: [String], addNullDigestParameters: Bool,
                                           file: StaticString = #filePath, line: UInt = #line) throws {
        let scratch = try ScratchFolder()
        let key = scratch.file("key.pem"), cert = scratch.file("cert.pem")
        var out = try ExternalTool.run("openssl", ["genpkey"] + keyArguments + ["-out", key.path])
        XCTAssertEqual(out.status, 0, out.output, file: file, line: line)
        out = try ExternalTool.run("openssl", ["req", "-new", "-x509", "-key", key.path, "-out", cert.path, "-days", "3650",
                                               "-subj", "/C=CN/O=Sealing System/CN=External Seal", "-sha256"])
        XCTAssertEqual(out.status, 0, out.output, file: file, line: line)

        let placeholder = try SealPlaceholder(preparing: SamplePDF.make(title: "外部签章系统样例", pages: 2),
                                              signingTime: TestSeal.signingTime)
        let data = try scratch.write("data.bin", placeholder.signedBytes)
        var sig = scratch.file("sig.der")
        out = try ExternalTool.run("openssl", ["cms", "-sign", "-binary", "-outform", "DER", "-md", "sha256", "-in", data.path,
                                               "-signer", cert.path, "-inkey", key.path, "-out", sig.path])
        XCTAssertEqual(out.status, 0, out.output, file: file, line: line)
        var der = [UInt8](try Data(contentsOf: sig))
        if addNullDigestParameters {
            der = try CMSTestRewriter.addingNullDigestParameters(der)
            XCTAssertTrue(der.indices.contains { der[$0...].starts(with: CMSTestRewriter.sha256WithNull) }, file: file, line: line)
            // OpenSSL still verifies the rewritten blob: the NULL form is a legitimate encoding of the same seal.
            sig = try scratch.write("sig-null.der", Data(der))
            let check = try ExternalTool.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-content", data.path,
                                                         "-in", sig.path, "-CAfile", cert.path, "-purpose", "any", "-out", "/dev/null"])
            XCTAssertEqual(check.status, 0, check.output, file: file, line: line)
        }

        let sealed = try placeholder.embedding(der)
        let pem = try String(contentsOf: cert, encoding: .utf8)
        XCTAssertEqual(try verifier(pem).verify(sealed), .valid, file: file, line: line)
        guard case .untrustedSigner = try verifier().verify(sealed) else {
            return XCTFail("a foreign seal must be untrusted", file: file, line: line)
        }
        let tampered = sealed.replacingASCII("Page 1 of 2", with: "Page 2 of 2")
        guard case .digestMismatch = try verifier(pem).verify(tampered) else {
            return XCTFail("expected digestMismatch for the tampered OpenSSL seal", file: file, line: line)
        }
        // poppler agrees that the OpenSSL-made seal in our placeholder is intact.
        let url = try scratch.write("sealed.pdf", sealed)
        let check = try ExternalTool.run("pdfsig", [url.path])
        XCTAssertTrue(check.output.contains("Signature is Valid"), check.output, file: file, line: line)
    }

    func testUnsignedTruncatedAndGarbageFilesAreReportedNotCrashed() throws {
        let v = try verifier()
        XCTAssertEqual(v.verify(SamplePDF.make(title: "未签章", pages: 2)), .notSigned)
        guard case .malformed = v.verify(Data()) else { return XCTFail("empty file") }
        guard case .malformed = v.verify(Data("GIF89a garbage".utf8)) else { return XCTFail("garbage") }

        let sealed = try TestSeal.sealedSample()
        for cut in stride(from: 0, to: sealed.count, by: max(1, sealed.count / 97)) {
            let verdict = v.verify(sealed.prefix(cut))
            XCTAssertNotEqual(verdict, .valid, "truncated at \(cut)")
            switch verdict {
            case .malformed, .notSigned, .byteRangeIncomplete: break
            default: XCTFail("truncated at \(cut): \(verdict)")
            }
        }
    }

    func testRandomDamageOutsideTheSignatureIsNeverValid() throws {
        let v = try verifier()
        let sealed = [UInt8](try TestSeal.sealedSample())
        let parts = try SealedParts(Data(sealed))
        var rng = SplitMix64(seed: "fuzz", stream: #function)  // seeded: a failure can be replayed
        for _ in 0..<60 {
            var bytes = sealed
            var at = Int.random(in: 0..<bytes.count, using: &rng)
            // Inside the Contents hex the zero padding after the DER blob is not signed data; skip it.
            if at >= parts.byteRange[1] && at < parts.byteRange[2] { at = Int.random(in: 0..<parts.byteRange[1], using: &rng) }
            bytes[at] ^= UInt8.random(in: 1...255, using: &rng)
            XCTAssertNotEqual(v.verify(Data(bytes)), .valid, "byte \(at) changed")
        }
        // Damage inside the DER signature itself is never valid either.
        for offset in stride(from: 2, to: parts.der.count * 2, by: 37) {
            var bytes = sealed
            let at = parts.byteRange[1] + 1 + offset
            bytes[at] = bytes[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            XCTAssertNotEqual(v.verify(Data(bytes)), .valid, "signature hex digit \(offset) changed")
        }
    }

    func testUnreadableTrustedCertificateIsAClearError() {
        XCTAssertThrowsError(try SealVerifier(trustedCertificatePEM: "not a certificate")) { error in
            XCTAssertTrue("\(error)".contains("seal_certificate"), "\(error)")
        }
    }
}
