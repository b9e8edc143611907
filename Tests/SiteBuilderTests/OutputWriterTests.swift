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
        // No staging folder is left behind; the tree swapped out is kept as the next build's standby.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [standbyName, "Output"])
    }

    func testAFailedBuildLeavesThePreviousOutputIntact() throws {
        let output = dir.appendingPathComponent("Output")
        let writer = OutputWriter(outputURL: output)
        try writer.publish([SitePage(path: "index.html", html: "上一版")])
        struct IndexerFailed: Error {}
        XCTAssertThrowsError(try writer.publish([SitePage(path: "index.html", html: "半成品")]) { _ in throw IndexerFailed() })
        XCTAssertThrowsError(try writer.publish([SitePage(path: "../escape.html", html: "x")]))
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "上一版")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), [standbyName, "Output"])
        try writer.publish([SitePage(path: "index.html", html: "下一版")])
        XCTAssertEqual(try files(below: output), ["index.html": "下一版"])
    }

    func testOnlyRelativePathsWithoutDotComponentsAreSafe() {
        for path in ["index.html", "a/b.html", "en/.hidden", "a/.../b", "a//b.html", "search/t/0.js"] {
            XCTAssertTrue(OutputWriter.isSafeRelativePath(path), path)
        }
        for path in ["", "/etc/passwd", "..", ".", "../x.html", "a/../../x", "a/./b", "a/..", "a/."] {
            XCTAssertFalse(OutputWriter.isSafeRelativePath(path), path)
        }
    }

    private let standbyName = ".archive-ops.Output.previous"

    /// Every regular file below `url` with its text, and every symbolic link or empty folder as a marker.
    private func files(below url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: url.path)! {
            let full = url.appendingPathComponent(path).path
            let type = try fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType
            if type == .typeRegular {
                result[path] = try String(contentsOfFile: full, encoding: .utf8)
            } else if type == .typeSymbolicLink {
                result[path] = "<link>"
            } else if type == .typeDirectory, try fm.contentsOfDirectory(atPath: full).isEmpty {
                result[path] = "<empty folder>"
            }
        }
        return result
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    /// A rebuild takes the tree published before the current one as its staging folder: an unchanged page
    /// there is already the published file (one inode in both trees) and is left alone, a changed page gets
    /// a new file (never written through the link), and what the new site no longer has is removed.
    func testTheStandbyTreeIsTheSitePublishedBeforeAndOnlyItsChangedFilesAreTouched() throws {
        let output = dir.appendingPathComponent("Output")
        let standby = dir.appendingPathComponent(standbyName)
        let writer = OutputWriter(outputURL: output)
        let first = [SitePage(path: "index.html", html: "一"), SitePage(path: "a/b.html", html: "旧"),
                     SitePage(path: "gone/x.html", html: "x")]
        try writer.publish(first)
        try writer.publish(first)
        let index = try inode(output.appendingPathComponent("index.html"))
        XCTAssertEqual(try inode(standby.appendingPathComponent("index.html")), index, "the standby shares unchanged pages")
        let summary = try writer.publish([SitePage(path: "index.html", html: "一"), SitePage(path: "a/b.html", html: "新"),
                                          SitePage(path: "c/d.html", html: "加")])
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(summary.written, 2)
        XCTAssertEqual(try files(below: output), ["index.html": "一", "a/b.html": "新", "c/d.html": "加"])
        XCTAssertEqual(try inode(output.appendingPathComponent("index.html")), index, "an unchanged page is the same file")
        XCTAssertEqual(try files(below: standby), ["index.html": "一", "a/b.html": "旧", "gone/x.html": "x"],
                       "the site swapped out is intact: nothing was written through a link")
    }

    /// A standby tree that a killed build or a careless hand left in any state (pages with other bytes,
    /// a folder where a page goes, a page where a folder goes, a link pointing outside, stray files and
    /// folders) never reaches `Output/` and never changes the files it is linked to: the publish gives
    /// exactly the pages, as into an empty folder.
    func testAStandbyTreeInAnyStateGivesExactlyTheNewSite() throws {
        let fm = FileManager.default
        let output = dir.appendingPathComponent("Output")
        let standby = dir.appendingPathComponent(standbyName)
        let outside = dir.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("不可改".utf8).write(to: outside.appendingPathComponent("b.html"))
        let writer = OutputWriter(outputURL: output)
        let pages = [SitePage(path: "index.html", html: "首页"), SitePage(path: "a/b.html", html: "乙"),
                     SitePage(path: "p", html: "文件"), SitePage(path: "q/r/s.html", html: "深"), SitePage(path: "t.html", html: "丁")]
        try writer.publish(pages)
        try writer.publish(pages)
        let published = try files(below: output)
        // The standby shares every page with Output/ now; damage it.
        try fm.removeItem(at: standby.appendingPathComponent("a"))
        try fm.createSymbolicLink(at: standby.appendingPathComponent("a"), withDestinationURL: outside)
        try fm.removeItem(at: standby.appendingPathComponent("p"))
        try fm.createDirectory(at: standby.appendingPathComponent("p/deep"), withIntermediateDirectories: true)
        try Data("杂".utf8).write(to: standby.appendingPathComponent("p/deep/stray.html"))
        try fm.removeItem(at: standby.appendingPathComponent("q"))
        try Data("文件挡路".utf8).write(to: standby.appendingPathComponent("q"))
        try fm.removeItem(at: standby.appendingPathComponent("t.html"))
        try Data("别的字节".utf8).write(to: standby.appendingPathComponent("t.html"))
        try fm.createDirectory(at: standby.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: standby.appendingPathComponent("stray-link"), withDestinationURL: outside)

        let summary = try writer.publish(pages.map { page in
            page.path == "t.html" ? SitePage(path: "t.html", html: "戊") : page
        })
        XCTAssertEqual(summary.written, 1)
        var expected = published
        expected["t.html"] = "戊"
        XCTAssertEqual(try files(below: output), expected)
        XCTAssertEqual(try files(below: outside), ["b.html": "不可改"], "nothing written through the planted link")
        XCTAssertEqual(try files(below: standby), published, "the previous site, untouched")
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
