import AcceptanceBundle
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops verify` as a real subprocess: one exit code per verdict.
final class VerifyCommandTests: XCTestCase {
    var scratch: ScratchFolder!
    var dir: URL { scratch.url }

    override func setUpWithError() throws { scratch = try ScratchFolder(prefix: "verify-cli") }

    override func tearDownWithError() throws { scratch = nil }

    func run(_ arguments: [String]) throws -> CommandResult {
        try BuiltCLI.run(arguments, in: dir)
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
