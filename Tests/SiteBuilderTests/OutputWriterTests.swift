import Foundation
import ArchiveOpsTestSupport
@testable import SiteBuilder
import XCTest

final class OutputWriterTests: XCTestCase {
    var scratch: ScratchFolder!
    var dir: URL { scratch.url }

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    override func tearDownWithError() throws { scratch = nil }

    private func mtime(_ url: URL) throws -> Date {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    func testUnchangedPagesAreNotRewrittenAndRemovedPagesDisappear() throws {
        let output = dir.appendingPathComponent("Output")
        let writer = OutputWriter(outputURL: output)
        try writer.publish([SitePage(path: "index.html", html: "一"), SitePage(path: "a/b.html", html: "旧"),
                            SitePage(path: "gone.html", html: "x")])
        let before = try mtime(output.appendingPathComponent("index.html"))
        Thread.sleep(forTimeInterval: 1.1)
        let summary = try writer.publish([SitePage(path: "index.html", html: "一"), SitePage(path: "a/b.html", html: "新")])
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(summary.written, 1)
        XCTAssertEqual(try mtime(output.appendingPathComponent("index.html")), before)
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a/b.html"), encoding: .utf8), "新")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("gone.html").path))
        // No staging folder is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["Output"])
    }

    func testAFailedBuildLeavesThePreviousOutputIntact() throws {
        let output = dir.appendingPathComponent("Output")
        let writer = OutputWriter(outputURL: output)
        try writer.publish([SitePage(path: "index.html", html: "上一版")])
        struct IndexerFailed: Error {}
        XCTAssertThrowsError(try writer.publish([SitePage(path: "index.html", html: "半成品")]) { _ in throw IndexerFailed() })
        XCTAssertThrowsError(try writer.publish([SitePage(path: "../escape.html", html: "x")]))
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "上一版")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["Output"])
    }
}
