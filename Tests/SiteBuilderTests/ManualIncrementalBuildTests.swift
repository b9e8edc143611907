import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// Rebuilding a site whose training manual changed little: unchanged pages are taken over without being
/// parsed (their outlines come from the manual cache), the search index files are taken over when no
/// page's text changed, and whatever changed — a page's text, a title that other pages show, a new page,
/// an anchor another page links to — gives exactly the bytes of a full build, or the same error.
final class ManualIncrementalBuildTests: XCTestCase {
    var dir: URL!
    var content: URL { dir.appendingPathComponent("Content") }
    var output: URL { dir.appendingPathComponent("Output") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("manual-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("training/guide"), withIntermediateDirectories: true)
        // A page taken over by its input key is computed as well and must be what the key stood for.
        PageReuse.verifiesInputKeys = true
        try write("index.md", "---\ntitle: 首页\norder: 0\n---\n\n欢迎。见[第一章](guide/index.md)。\n")
        try write("guide/index.md", "---\ntitle: 操作指南\norder: 1\n---\n\n本部分各页。\n")
        for n in 1...30 {
            let next = n == 30 ? 1 : n + 1
            try write("guide/page-\(n).md", """
                ---
                title: 第 \(n) 页
                order: \(n)
                ---

                ## 巡检 {#check}

                第 \(n) 页的内容，~~旧做法~~。见[第 \(next) 页](page-\(next).md#check)。

                > **提示** 先备份。

                """)
        }
    }

    override func tearDownWithError() throws {
        PageReuse.verifiesInputKeys = false
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent("training/\(path)"))
    }

    @discardableResult
    private func build(into folder: URL? = nil, incremental: Bool = true) throws -> OutputWriter.Summary {
        var build = try SiteBuild(store: try OperationsStore.inMemory(), outputURL: folder ?? output)
        build.incremental = incremental
        build.manual = ManualInputs(contentOverrides: content, builtInContent: nil)
        return try build.run()
    }

    private func contents(of root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in SiteFixture.files(in: root) { out[f] = try Data(contentsOf: root.appendingPathComponent(f)) }
        return out
    }

    /// `Output/` holds exactly what a full build from scratch (a new folder, no caches) publishes.
    private func assertSameAsFullBuild(file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = dir.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        try build(into: fresh, incremental: false)
        let expected = try contents(of: fresh), actual = try contents(of: output)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), file: file, line: line)
        for (path, data) in expected where actual[path] != data {
            XCTFail("\(path) differs from a full build", file: file, line: line)
        }
    }

    private func inode(_ path: String) -> UInt64? { FileIdentity(path: output.appendingPathComponent(path).path)?.inode }

    func testANoChangeRebuildTakesOverEveryManualPageAndTheSearchIndex() throws {
        try build()
        let shards = SiteFixture.files(in: output.appendingPathComponent("search"))
        XCTAssertGreaterThan(shards.count, 3)
        let before = shards.map { inode("search/\($0)") }
        let summary = try build()
        XCTAssertEqual(summary.written, 0, "nothing changed, nothing written")
        XCTAssertGreaterThanOrEqual(summary.reused, 32, "every manual page is taken over")
        XCTAssertEqual(shards.map { inode("search/\($0)") }, before, "the search files are the published ones, linked")
        XCTAssertNotNil(ManualOutlineCache.read(from: ManualOutlineCache.url(for: output)))
        try assertSameAsFullBuild()
        let page = try String(contentsOf: output.appendingPathComponent("manual/guide/page-3.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<del>旧做法</del>") && page.contains("href=\"page-4.html#check\""))
    }

    func testAnEditedPageANewTitleAndANewPageGiveTheBytesOfAFullBuild() throws {
        try build()
        try write("guide/page-7.md", "---\ntitle: 第 7 页\norder: 7\n---\n\n## 巡检 {#check}\n\n改写后的第 7 页，见[首页](../index.md)。\n")
        let (edited, untouched) = (inode("manual/guide/page-7.html"), inode("manual/guide/page-8.html"))
        var summary = try build()
        XCTAssertNotEqual(inode("manual/guide/page-7.html"), edited, "the edited page is written again")
        XCTAssertEqual(inode("manual/guide/page-8.html"), untouched, "its neighbour is taken over")
        XCTAssertGreaterThanOrEqual(summary.reused, 31)
        try assertSameAsFullBuild()

        // A new title shows in the neighbours' previous/next links and in the side navigation of the folder.
        try write("guide/page-12.md", "---\ntitle: 第十二页（改名）\norder: 12\n---\n\n## 巡检 {#check}\n\n见[第 13 页](page-13.md)。\n")
        summary = try build()
        XCTAssertGreaterThan(summary.reused, 0)
        try assertSameAsFullBuild()
        let neighbour = try String(contentsOf: output.appendingPathComponent("manual/guide/page-13.html"), encoding: .utf8)
        XCTAssertTrue(neighbour.contains("第十二页（改名）"), "the next page's previous link shows the new title")

        // A new page.
        try write("guide/page-31.md", "---\ntitle: 第 31 页\norder: 31\n---\n\n新的一页，见[第 1 页](page-1.md#check)。\n")
        try build()
        try assertSameAsFullBuild()
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("manual/guide/page-31.html").path))
    }

    func testAnAnchorRemovedFromAPageBreaksTheUnchangedPageThatLinksToIt() throws {
        try build()
        // page-4 links to page-5.md#check; page-4 is unchanged (its outline comes from the cache).
        try write("guide/page-5.md", "---\ntitle: 第 5 页\norder: 5\n---\n\n## 另一节\n\n没有 check 锚点了。\n")
        let message = manualBuildError { try self.build() }
        XCTAssertNotNil(message)
        XCTAssertTrue(message?.contains("guide/page-4.md 第 8 行") == true, message ?? "")
        XCTAssertTrue(message?.contains("没有锚点“#check”") == true, message ?? "")
        // The failed build left Output/ as it was; fixing the page gives a full build's bytes.
        try write("guide/page-5.md", "---\ntitle: 第 5 页\norder: 5\n---\n\n## 巡检 {#check}\n\n恢复了。\n")
        try build()
        try assertSameAsFullBuild()
    }

    func testADamagedOrForeignManualCacheIsIgnored() throws {
        try build()
        let cache = ManualOutlineCache.url(for: output)
        var bad = try Data(contentsOf: cache)
        bad[bad.count / 2] ^= 0x01
        try bad.write(to: cache)
        XCTAssertNil(ManualOutlineCache.read(from: cache))
        try write("guide/page-2.md", "---\ntitle: 第 2 页\norder: 2\n---\n\n## 巡检 {#check}\n\n改过。\n")
        try build()
        try assertSameAsFullBuild()
        try Data("not a cache\n".utf8).write(to: cache)
        try build()
        try assertSameAsFullBuild()
        XCTAssertNotNil(ManualOutlineCache.read(from: cache), "the build wrote a good cache again")
    }
}
