import AcceptanceBundle
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops verify` as a real subprocess: one exit code per verdict.
final class VerifyCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("verify-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try XCTUnwrap(ArchiveOpsCLITests.executable)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func makeBundle(_ name: String, identity: (certificatePEM: String, privateKeyPEM: String)) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let period = try BundlePeriod(from: "2023-06", to: "2023-06")
        let writer = try BundleWriter(creating: url, period: period)
        try writer.add("README.txt", contents: Data("说明\n".utf8))
        try writer.add("monthly/2023-06.html", contents: Data("<p>月度运维小结</p>".utf8))
        try writer.add("tickets/T-0001.html", contents: Data("<p>服务报告</p>".utf8))
        let manifest = BundleManifest(contract: .init(name: "测试合同", number: "TEST-1"), period: period,
                                      generator: .init(version: "test", commit: "x"), database: .init(sha256: "0", tables: [:]))
        try writer.finish(manifest: manifest, signer: try BundleSigner(certificatePEM: identity.certificatePEM,
                                                                       privateKeyPEM: identity.privateKeyPEM), signingTime: Date())
        return url
    }

    func testExitCodesTellIntactUnconfirmedChangedAndUnreadable() throws {
        let team = try DemoTeamCertificate.make(seed: "cli")
        try team.certificatePEM.write(to: dir.appendingPathComponent("team.pem"), atomically: true, encoding: .utf8)
        let bundle = try makeBundle("ok.zip", identity: team)

        let intact = try run(["verify", "ok.zip", "--cert", "team.pem"])
        XCTAssertEqual(intact.status, 0, intact.stdout + intact.stderr)
        XCTAssertTrue(intact.stdout.contains("完好"), intact.stdout)

        let unconfirmed = try run(["verify", "ok.zip"])
        XCTAssertEqual(unconfirmed.status, 1, unconfirmed.stdout)

        let other = try DemoTeamCertificate.make(seed: "cli-other", commonName: "别的团队 DEMO")
        try other.certificatePEM.write(to: dir.appendingPathComponent("other.pem"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["verify", "ok.zip", "--cert", "other.pem"]).status, 1)

        // One byte of the monthly summary's stored data changed.
        var bytes = [UInt8](try Data(contentsOf: bundle))
        let name = Array("monthly/2023-06.html".utf8)
        let at = try XCTUnwrap((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        bytes[at + name.count + 2] ^= 0x20
        try Data(bytes).write(to: dir.appendingPathComponent("changed.zip"))
        let changed = try run(["verify", "changed.zip", "--cert", "team.pem"])
        XCTAssertEqual(changed.status, 2, changed.stdout)
        XCTAssertTrue(changed.stdout.contains("已改动 (changed): monthly/2023-06.html"), changed.stdout)

        try Data(bytes.prefix(bytes.count / 2)).write(to: dir.appendingPathComponent("truncated.zip"))
        let truncated = try run(["verify", "truncated.zip", "--cert", "team.pem"])
        XCTAssertEqual(truncated.status, 3, truncated.stdout)
        XCTAssertTrue(truncated.stdout.contains("截断"), truncated.stdout)

        XCTAssertEqual(try run(["verify", "absent.zip"]).status, 3)
    }
}
