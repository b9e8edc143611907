import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// Incremental builds: after a new inspection, an import of tickets or of query statistics, a build that
/// renders only the changed pages publishes exactly the bytes of a full build from scratch; a cache that
/// is missing, corrupted, foreign or out of date is never trusted; builds at the same time do not mix.
final class IncrementalBuildTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A page taken over by its input key is computed as well and must be what the key stood for.
        PageReuse.verifiesInputKeys = true
    }

    override func tearDownWithError() throws {
        PageReuse.verifiesInputKeys = false
        try? FileManager.default.removeItem(at: dir)
    }

    private var output: URL { dir.appendingPathComponent("Output") }
    private var cache: URL { SiteBuildCache.url(for: output) }

    private func contents(of root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in SiteFixture.files(in: root) { out[f] = try Data(contentsOf: root.appendingPathComponent(f)) }
        return out
    }

    @discardableResult
    private func build(_ store: OperationsStore, into folder: URL? = nil, incremental: Bool = true) throws -> OutputWriter.Summary {
        var build = try SiteBuild(store: store, outputURL: folder ?? output)
        build.incremental = incremental
        return try build.run()
    }

    /// `Output/` holds exactly what a full build from scratch (a new folder, no cache) publishes.
    private func assertSameAsFullBuild(_ store: OperationsStore, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = dir.appendingPathComponent("fresh-\(UUID().uuidString)")
        try build(store, into: fresh, incremental: false)
        let expected = try contents(of: fresh), actual = try contents(of: output)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), file: file, line: line)
        for (path, data) in expected where actual[path] != data {
            XCTFail("\(path) differs from a full build", file: file, line: line)
        }
    }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testAfterANewInspectionOnlyItsPagesAreRenderedAndTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let first = try build(store)
        XCTAssertEqual(first.reused, 0, "the first build has no cache")
        let again = try build(store)
        XCTAssertGreaterThan(again.reused, 50, "nothing changed: every rendered page is taken over")
        XCTAssertEqual(again.written, 0)

        try SiteFixture.addRun("2023-07-01", to: store)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, again.reused - 20, "only the pages that list or show the new run are rendered")
        XCTAssertGreaterThan(summary.written, 0)
    }

    func testAfterAnImportOfTicketsTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        let csv = try write("tickets.csv", """
            工单编号,报障时间,报障单位,报障人,问题类别,紧急程度,问题描述,响应时间,到场时间,解决时间,处理过程,处理结果,处理人,状态
            T-0701,2023-07-02 10:00,长安分局,王工,查询终端故障,紧急,自助终端无法打印,2023-07-02 10:08,,2023-07-02 11:00,远程重启,已恢复,张工,已关闭
            T-0604,2023-06-04 09:00,虎门分局,测试员,业务培训,特急,培训：查询终端操作,2023-06-04 09:12,2023-06-04 10:15,2023-06-05 17:00,现场培训,已完成,张工,已关闭

            """)
        _ = try TicketImporter(store: store).importFile(at: csv)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 0)
        let ticket = try String(contentsOf: output.appendingPathComponent("tickets/T-0701.html"), encoding: .utf8)
        XCTAssertTrue(ticket.contains("自助终端无法打印"))
    }

    func testAfterAnImportOfQueryStatisticsTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        let csv = try write("queries.csv", "统计期间,渠道,查询量,查无结果\n2023-07,合计,\"41,500\",\n")
        _ = try QueryStatisticsImport.importFile(at: csv, store: store)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 0)
    }

    func testAMissingCorruptedOrForeignCacheIsIgnoredAndTheBuildRendersEverything() throws {
        let store = try SiteFixture.store()
        try build(store)
        let good = try Data(contentsOf: cache)

        // Corrupted: one byte changed in the middle.
        var bad = good
        bad[bad.count / 2] ^= 0x01
        try bad.write(to: cache)
        XCTAssertEqual(try build(store).reused, 0)
        try assertSameAsFullBuild(store)

        // Truncated, empty, missing, not ours.
        for broken in [good.prefix(good.count / 3), Data(), nil, Data("<html>not a cache</html>\n".utf8)] {
            if let broken { try broken.write(to: cache) } else { try FileManager.default.removeItem(at: cache) }
            XCTAssertEqual(try build(store).reused, 0)
            try assertSameAsFullBuild(store)
        }

        // Foreign: the cache of another site's Output/ (same pages, other files) is not trusted.
        let other = dir.appendingPathComponent("Other")
        try build(store, into: other)
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.copyItem(at: SiteBuildCache.url(for: other), to: cache)
        XCTAssertEqual(try build(store).reused, 0)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(try build(store).reused, 0, "the build wrote a good cache again")
    }

    func testAPageEditedInOutputIsRenderedAgainNotTakenOver() throws {
        let store = try SiteFixture.store()
        try build(store)
        let page = output.appendingPathComponent("tickets/T-0601.html")
        let original = try Data(contentsOf: page)
        // Written in place, same size, as an editor or a careless `sed -i` would.
        var edited = original
        edited[edited.count - 20] = UInt8(ascii: "X")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: edited)
        try handle.close()
        try build(store)
        XCTAssertEqual(try Data(contentsOf: page), original)
        try assertSameAsFullBuild(store)
    }

    /// On a file system that keeps whole seconds (or within one kernel tick) a page edited in place, with the
    /// same size, in the second the build published it keeps its inode, size and modification time: only
    /// its bytes tell. The page and the cache are given the same whole second, as such a file system would.
    func testAPageEditedInTheSameSecondAsTheBuildIsRenderedAgain() throws {
        let store = try SiteFixture.store()
        try build(store)
        let path = "tickets/T-0601.html"
        let page = output.appendingPathComponent(path)
        let original = try Data(contentsOf: page)
        let second = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        func stampAsBuiltInOneSecond() throws {
            try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: page.path)
            var entries = try XCTUnwrap(SiteBuildCache.read(from: cache)).entries
            entries[path]?.file = try XCTUnwrap(FileIdentity(path: page.path))
            try SiteBuildCache(entries: entries).write(to: cache)
            try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: cache.path)
        }
        try stampAsBuiltInOneSecond()
        // Not edited: the racy page's bytes are those the cache hashed, so it is still taken over.
        let untouched = try build(store)
        XCTAssertEqual(untouched.written, 0)
        XCTAssertGreaterThan(untouched.reused, 50)

        try stampAsBuiltInOneSecond()
        var edited = original
        edited[edited.count - 20] = UInt8(ascii: "X")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: edited)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: page.path)
        XCTAssertEqual(try XCTUnwrap(SiteBuildCache.read(from: cache)).entries[path]?.file, FileIdentity(path: page.path),
                       "the edit left the file's identity as the cache describes it")
        let summary = try build(store)
        XCTAssertEqual(try Data(contentsOf: page), original)
        XCTAssertEqual(summary.written, 1, "the edited page, and only it, is rendered and written again")
        try assertSameAsFullBuild(store)
    }

    func testAChangedTemplateRendersEveryPageAgain() throws {
        let store = try SiteFixture.store()
        try build(store)
        let templates = dir.appendingPathComponent("Templates/partials")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let footer = try String(contentsOf: SiteThemeFile.url("partials/footer.mustache"), encoding: .utf8)
        try Data((footer + "<!-- 本局页脚 -->\n").utf8).write(to: templates.appendingPathComponent("footer.mustache"))
        let build = try SiteBuild(store: store, outputURL: output, templateOverrides: dir.appendingPathComponent("Templates"))
        XCTAssertEqual(try build.run().reused, 0)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("本局页脚"))
    }

    func testTwoBuildsAtOnceLeaveOneWholeSiteAndAGoodCache() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        try SiteFixture.addRun("2023-07-01", to: store)
        let errors = NSMutableArray()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            do {
                try build(store, incremental: i != 1)
            } catch {
                errors.add("\(error)")
            }
        }
        XCTAssertEqual(errors.count, 0, "\(errors)")
        try assertSameAsFullBuild(store)
        XCTAssertEqual(try build(store).written, 0, "the cache left behind describes the published site")
        try assertSameAsFullBuild(store)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("staging") }, [])
    }

    func testTheStagingFolderOfAKilledBuildIsRemovedByTheNextBuild() throws {
        let store = try SiteFixture.store()
        try build(store)
        let leftover = dir.appendingPathComponent(".Output.staging-999999")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("inspections"), withIntermediateDirectories: true)
        try Data("半个页面".utf8).write(to: leftover.appendingPathComponent("inspections/x.html"))
        try build(store)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover.path))
        try assertSameAsFullBuild(store)
    }
}

/// The shipped theme's files, for tests that override one of them.
enum SiteThemeFile {
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").appendingPathComponent(path)
    }
}
