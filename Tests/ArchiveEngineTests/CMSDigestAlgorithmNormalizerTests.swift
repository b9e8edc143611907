@testable import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// A seal that needs no rewrite is passed to the CMS library byte for byte as the rewrite would have made
/// it; a seal that does need one (NULL digest parameters, as BouncyCastle/iText write) is still rewritten.
final class CMSDigestAlgorithmNormalizerTests: XCTestCase {
    private func signature(_ pdf: Data) throws -> [UInt8] {
        let bytes = [UInt8](pdf)
        guard case .success(let at) = SealSignatureLocation.locate(in: bytes) else { throw XCTSkip("no signature") }
        return try XCTUnwrap(SealVerifier.derBlob(bytes[(at.contentsStart + 1)..<(at.contentsEnd - 1)]))
    }

    func testASealNeedingNoRewriteIsPassedOnAsTheRewriteWouldHaveWrittenIt() throws {
        let der = try signature(try TestSeal.sealedSample())
        XCTAssertEqual(try CMSDigestAlgorithmNormalizer.rewrite(der), der, "the rewrite changes nothing in this seal")
        XCTAssertEqual(try CMSDigestAlgorithmNormalizer.normalize(der), der)
    }

    func testASealWithNullDigestParametersIsStillRewritten() throws {
        let der = try signature(try TestSeal.sealedSample())
        let withNull = try CMSTestRewriter.addingNullDigestParameters(der)
        XCTAssertNotEqual(withNull, der)
        let normalized = try CMSDigestAlgorithmNormalizer.normalize(withNull)
        XCTAssertEqual(normalized, try CMSDigestAlgorithmNormalizer.rewrite(withNull))
        XCTAssertEqual(normalized, der, "the NULL parameters are dropped again")
    }

    func testBrokenSignatureDataFailsAsBefore() {
        for bad: [UInt8] in [[], [0x30, 0x00], [0x30, 0x03, 0x02, 0x01, 0x01], [0x04, 0x01, 0x00]] {
            var before: String?, after: String?
            do { _ = try CMSDigestAlgorithmNormalizer.rewrite(bad) } catch { before = "\(error)" }
            do { _ = try CMSDigestAlgorithmNormalizer.normalize(bad) } catch { after = "\(error)" }
            XCTAssertNotNil(before)
            XCTAssertEqual(before, after)
        }
    }
}
