import AcceptanceBundle
import Foundation
import XCTest

/// Independent tools agree with the bundle: OpenSSL verifies manifest.sig, Info-ZIP reads the ZIP.
final class BundleOpenSSLTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try BundleFixture.temporaryFolder("openssl") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func run(_ tool: String, _ arguments: [String], stdout: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        if let stdout {
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = pipe
        }
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func testOpenSSLVerifiesTheManifestSignatureWithTheTeamCertificate() throws {
        let bundle = folder.appendingPathComponent("bundle.zip")
        try BundleFixture.write(to: bundle)
        try run("unzip", ["-p", bundle.path, "manifest.json"], stdout: folder.appendingPathComponent("manifest.json"))
        try run("unzip", ["-p", bundle.path, "manifest.sig"], stdout: folder.appendingPathComponent("manifest.sig"))
        try BundleFixture.team.certificatePEM.write(to: folder.appendingPathComponent("team.pem"), atomically: true, encoding: .utf8)
        let ok = try run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.sig",
                                     "-content", "manifest.json", "-CAfile", "team.pem", "-purpose", "any", "-out", "/dev/null"])
        XCTAssertEqual(ok.status, 0, ok.output)
        XCTAssertTrue(ok.output.contains("Verification successful"), ok.output)

        // OpenSSL also refuses a manifest changed by one byte and a certificate that is not the team's.
        var manifest = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        manifest[manifest.count / 2] ^= 0x01
        try manifest.write(to: folder.appendingPathComponent("changed.json"))
        let changed = try run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.sig",
                                          "-content", "changed.json", "-CAfile", "team.pem", "-purpose", "any", "-out", "/dev/null"])
        XCTAssertNotEqual(changed.status, 0, changed.output)
        try BundleFixture.stranger.certificatePEM.write(to: folder.appendingPathComponent("other.pem"), atomically: true, encoding: .utf8)
        let other = try run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.sig",
                                        "-content", "manifest.json", "-CAfile", "other.pem", "-purpose", "any", "-out", "/dev/null"])
        XCTAssertNotEqual(other.status, 0, other.output)
    }

    func testInfoZIPReadsTheBundleWithFixedTimesAndModes() throws {
        let bundle = folder.appendingPathComponent("bundle.zip")
        try BundleFixture.write(to: bundle)
        let test = try run("unzip", ["-t", bundle.path])
        XCTAssertEqual(test.status, 0, test.output)
        XCTAssertTrue(test.output.contains("No errors detected"), test.output)
        let info = try run("zipinfo", ["-T", bundle.path])
        let lines = info.output.split(separator: "\n").filter { $0.hasPrefix("-rw-r--r--") }
        XCTAssertEqual(lines.count, BundleFixture.files.count + 2, info.output)
        for line in lines { XCTAssertTrue(line.contains("20230630.235958"), String(line)) }
        let names = try run("zipinfo", ["-1", bundle.path]).output.split(separator: "\n")
        XCTAssertEqual(names.count, BundleFixture.files.count + 2)
        for name in names { XCTAssertFalse(name.hasPrefix("/") || name.contains(".."), "no absolute or climbing paths: \(name)") }
        let raw = try Data(contentsOf: bundle)
        XCTAssertNil(raw.range(of: Data(folder.path.utf8)), "the folder it was made in is not recorded")
    }
}
