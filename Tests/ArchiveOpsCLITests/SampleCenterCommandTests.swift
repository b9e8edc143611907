import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops sample-center` and the demo's center step, run as the real executable.
final class SampleCenterCommandTests: XCTestCase {
    func testSampleCenterCommandWritesTheCenterAndTheManifestBesideIt() throws {
        let scratch = try ScratchFolder()
        let target = scratch.file("snap/center")
        let out = try BuiltCLI.run(["sample-center", target.path, "--enterprises", "50", "--seed", "cli",
                                    "--faults", "1", "--query-days", "2", "--max-pages", "2"])
        assertCommand(out, exits: 0, stdoutContains: ["样例中心已生成"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("catalog.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("sample-center.json").path),
                       "the manifest is configuration, not part of the snapshot")
        let manifest = try JSONDecoder().decode(SampleCenterManifest.self, from: Data(contentsOf: scratch.file("snap/sample-center.json")))
        XCTAssertEqual(Set(manifest.injected.map(\.code)).count, CheckCatalog.all.flatMap(\.codes).count)
        XCTAssertTrue(manifest.sealCertificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))

        let again = try BuiltCLI.run(["sample-center", target.path, "--enterprises", "50"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.output.contains("不为空"), again.output)

        let bad = try BuiltCLI.run(["sample-center", scratch.file("x").path, "--faults", "many"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.output.contains("--faults"), bad.output)
    }

    func testDemoPointsItsWorkspaceAtTheGeneratedCenterAndSeal() throws {
        let scratch = try ScratchFolder()
        let out = try BuiltCLI.run(["demo", "--workspace", scratch.url.path])
        assertCommand(out, exits: 0)
        let config = try WorkspaceConfiguration.load(from: scratch.file("archive-ops.yaml"))
        XCTAssertEqual(config.center, "center")
        XCTAssertEqual(config.sealCertificate, "seal.pem")
        let pem = try String(contentsOf: scratch.file("seal.pem"), encoding: .utf8)
        XCTAssertNoThrow(try SealVerifier(trustedCertificatePEM: pem))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("center/catalog.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("sample-center.json").path))
        // A second run reuses the center instead of failing on the existing folder.
        let rerun = try BuiltCLI.run(["demo", "--workspace", scratch.url.path])
        assertCommand(rerun, exits: 0)
        XCTAssertEqual(try String(contentsOf: scratch.file("seal.pem"), encoding: .utf8), pem)
    }
}
