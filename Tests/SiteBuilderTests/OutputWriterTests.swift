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

final class OutputSymlinkTests: XCTestCase {
    func testAnOutputThatIsASymlinkToAWebRootIsPublishedThroughAndStaysALink() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("out-link-\(UUID().uuidString)")
        let webRoot = dir.appendingPathComponent("www/site")
        try fm.createDirectory(at: webRoot, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try Data("old".utf8).write(to: webRoot.appendingPathComponent("old.html"))
        let output = dir.appendingPathComponent("workspace/Output")
        try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: output.path, withDestinationPath: "../www/site")

        try OutputWriter(outputURL: output).publish([SitePage(path: "index.html", contents: Data("新站点".utf8))])
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: output.path), "../www/site", "the link is kept")
        XCTAssertEqual(try String(contentsOf: webRoot.appendingPathComponent("index.html"), encoding: .utf8), "新站点")
        XCTAssertFalse(fm.fileExists(atPath: webRoot.appendingPathComponent("old.html").path))
    }
}
