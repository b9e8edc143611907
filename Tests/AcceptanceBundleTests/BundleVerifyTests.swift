import AcceptanceBundle
import Foundation
import XCTest
import ZIPFoundation

/// `verify` on real bundles written to disk: intact, unconfirmed, foreign, expired, changed, truncated.
final class BundleVerifyTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try BundleFixture.temporaryFolder("verify") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func bundle(_ name: String = "b.zip", identity: (certificatePEM: String, privateKeyPEM: String) = BundleFixture.team) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try BundleFixture.write(to: url, identity: identity)
        return url
    }

    func testIntactBundleSignedByTheTeamVerifiesEveryFile() throws {
        let report = try BundleVerifier(trustedCertificatePEM: BundleFixture.team.certificatePEM).verify(url: try bundle())
        XCTAssertEqual(report.exitCode, 0, report.lines.joined(separator: "\n"))
        XCTAssertEqual(report.verifiedFiles, BundleFixture.files.count)
        guard case .trusted(let signer, let at) = report.signature else { return XCTFail("\(report.signature)") }
        XCTAssertTrue(signer.contains("DEMO"))
        XCTAssertNotNil(at)
        XCTAssertTrue(report.lines.last!.contains("完好"))
    }

    func testWithoutACertificateTheBundleIsIntactButTheSignerUnconfirmed() throws {
        let report = try BundleVerifier().verify(url: try bundle())
        XCTAssertEqual(report.exitCode, 1)
        guard case .unconfirmed = report.signature else { return XCTFail("\(report.signature)") }
    }

    func testABundleSignedWithAnotherKeyIsNotTheTeams() throws {
        let url = try bundle(identity: BundleFixture.stranger)
        let report = try BundleVerifier(trustedCertificatePEM: BundleFixture.team.certificatePEM).verify(url: url)
        XCTAssertEqual(report.exitCode, 1, report.lines.joined(separator: "\n"))
        guard case .otherSigner(let signer) = report.signature else { return XCTFail("\(report.signature)") }
        XCTAssertTrue(signer.contains("冒名"))
    }

    func testASignatureFromAnotherKeyOverAChangedManifestIsInvalid() throws {
        // Someone edits a page, rewrites manifest.json and signs it with their own key.
        let original = try bundle("original.zip")
        let forged = folder.appendingPathComponent("forged.zip")
        var files = BundleFixture.files
        files[2].1 = Data("<p>改过的总览</p>".utf8)
        try BundleFixture.write(to: forged, files: files, identity: BundleFixture.stranger)
        let report = try BundleVerifier(trustedCertificatePEM: BundleFixture.team.certificatePEM).verify(url: forged)
        XCTAssertNotEqual(report.exitCode, 0)
        _ = original
    }

    func testASignatureMadeWithAnExpiredCertificateIsReported() throws {
        let url = try bundle(identity: BundleFixture.expired)
        let report = try BundleVerifier(trustedCertificatePEM: BundleFixture.expired.certificatePEM).verify(url: url)
        XCTAssertEqual(report.exitCode, 1, report.lines.joined(separator: "\n"))
        guard case .expired = report.signature else { return XCTFail("\(report.signature)") }
        XCTAssertTrue(report.lines.joined().contains("过期"))
    }

    func testARemovedAndAnAddedFileAreNamed() throws {
        let url = try bundle()
        let archive = try Archive(url: url, accessMode: .update)
        try archive.remove(try XCTUnwrap(archive["tickets/T-0001.html"]))
        let extra = Data("<p>夹带的页面</p>".utf8)
        try archive.addEntry(with: "tickets/T-9999.html", type: .file, uncompressedSize: Int64(extra.count)) { p, n in
            extra.subdata(in: Int(p)..<Int(p) + n)
        }
        let report = try BundleVerifier(trustedCertificatePEM: BundleFixture.team.certificatePEM).verify(url: url)
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.missing, ["tickets/T-0001.html"])
        XCTAssertEqual(report.added, ["tickets/T-9999.html"])
        let text = report.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("缺失 (missing): tickets/T-0001.html"), text)
        XCTAssertTrue(text.contains("多出 (added): tickets/T-9999.html"), text)
    }

    func testATruncatedBundleCannotBeRead() throws {
        let bytes = [UInt8](try Data(contentsOf: try bundle()))
        for cut in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 40)) {
            let report = BundleFixture.verify(Array(bytes.prefix(bytes.count - cut)))
            XCTAssertEqual(report.exitCode, 3, "cut \(cut): \(report.lines)")
            XCTAssertNotNil(report.unreadable)
        }
        let empty = folder.appendingPathComponent("empty.zip")
        FileManager.default.createFile(atPath: empty.path, contents: Data())
        XCTAssertEqual(try BundleVerifier().verify(url: empty).exitCode, 3)
        XCTAssertEqual(try BundleVerifier().verify(url: folder.appendingPathComponent("absent.zip")).exitCode, 3)
    }

    func testABundleIsNeverOverwritten() throws {
        let url = try bundle()
        XCTAssertThrowsError(try BundleWriter(creating: url, period: BundleFixture.period)) { error in
            XCTAssertTrue("\(error)".contains("从不覆盖"), "\(error)")
        }
    }

    func testTheSameInputsGiveTheSameBytesUpToTheSignature() throws {
        let a = folder.appendingPathComponent("a.zip"), b = folder.appendingPathComponent("b.zip")
        try BundleFixture.write(to: a, signingTime: Date(timeIntervalSince1970: 1_700_000_000))
        try BundleFixture.write(to: b, signingTime: Date(timeIntervalSince1970: 1_800_000_000))
        let x = [UInt8](try Data(contentsOf: a)), y = [UInt8](try Data(contentsOf: b))
        let signatureStart = try XCTUnwrap(Self.localHeaderOffset(of: "manifest.sig", in: x))
        XCTAssertEqual(signatureStart, try XCTUnwrap(Self.localHeaderOffset(of: "manifest.sig", in: y)))
        XCTAssertEqual(Array(x[..<signatureStart]), Array(y[..<signatureStart]),
                       "everything before manifest.sig (all files and manifest.json) must be byte-identical")
    }

    /// The local header offset of `name`, read from the central directory.
    static func localHeaderOffset(of name: String, in bytes: [UInt8]) -> Int? {
        ZIPMap(bytes).entries.first { $0.name == name }?.localHeader.lowerBound
    }
}

/// Where each entry's local header, data and central directory record lie, for the tests.
struct ZIPMap {
    struct Entry { var name: String; var localHeader: Range<Int>; var data: Range<Int>; var central: Range<Int> }
    var entries: [Entry] = []
    var end: Range<Int>

    init(_ b: [UInt8]) {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        let e = b.count - 22
        end = e..<b.count
        var p = u32(e + 16)
        for _ in 0..<u16(e + 10) {
            let n = u16(p + 28), x = u16(p + 30), c = u16(p + 32)
            let name = String(decoding: b[(p + 46)..<(p + 46 + n)], as: UTF8.self)
            let local = u32(p + 42), size = u32(p + 20)
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            entries.append(.init(name: name, localHeader: local..<dataStart, data: dataStart..<(dataStart + size),
                                 central: p..<(p + 46 + n + x + c)))
            p += 46 + n + x + c
        }
    }
}
