import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops sample-center` and the demo's center step, run as the real executable.
final class SampleCenterCommandTests: XCTestCase {
    /// The `archive-ops` binary next to the test bundle (built by `swift build --build-tests`).
    private func executable() throws -> String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("archive-ops").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw XCTSkip("archive-ops 可执行文件未构建 (run swift build first)")
    }

    func testSampleCenterCommandWritesTheCenterAndTheManifestBesideIt() throws {
        let tool = try executable()
        let scratch = try ScratchFolder()
        let target = scratch.file("snap/center")
        let out = try ExternalTool.run(tool, ["sample-center", target.path, "--enterprises", "50", "--seed", "cli",
                                              "--faults", "1", "--query-days", "2", "--max-pages", "2"])
        XCTAssertEqual(out.status, 0, out.text)
        XCTAssertTrue(out.text.contains("样例中心已生成"), out.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("catalog.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent("sample-center.json").path),
                       "the manifest is configuration, not part of the snapshot")
        let manifest = try JSONDecoder().decode(SampleCenterManifest.self, from: Data(contentsOf: scratch.file("snap/sample-center.json")))
        XCTAssertEqual(Set(manifest.injected.map(\.code)).count, CheckCatalog.all.flatMap(\.codes).count)
        XCTAssertTrue(manifest.sealCertificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))

        let again = try ExternalTool.run(tool, ["sample-center", target.path, "--enterprises", "50"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.text.contains("不为空"), again.text)

        let bad = try ExternalTool.run(tool, ["sample-center", scratch.file("x").path, "--faults", "many"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.text.contains("--faults"), bad.text)
    }

    func testDemoPointsItsWorkspaceAtTheGeneratedCenterAndSeal() throws {
        let tool = try executable()
        let scratch = try ScratchFolder()
        let out = try ExternalTool.run(tool, ["demo", "--workspace", scratch.url.path])
        XCTAssertEqual(out.status, 0, out.text)
        let config = try WorkspaceConfiguration.load(from: scratch.file("archive-ops.yaml"))
        XCTAssertEqual(config.center, "center")
        XCTAssertEqual(config.sealCertificate, "seal.pem")
        let pem = try String(contentsOf: scratch.file("seal.pem"), encoding: .utf8)
        XCTAssertNoThrow(try SealVerifier(trustedCertificatePEM: pem))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("center/catalog.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.file("sample-center.json").path))
        // A second run reuses the center instead of failing on the existing folder.
        let rerun = try ExternalTool.run(tool, ["demo", "--workspace", scratch.url.path])
        XCTAssertEqual(rerun.status, 0, rerun.text)
        XCTAssertEqual(try String(contentsOf: scratch.file("seal.pem"), encoding: .utf8), pem)
    }
}
