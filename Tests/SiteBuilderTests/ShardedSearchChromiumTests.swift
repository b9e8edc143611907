import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The search on a large manual (600 generated pages) opened from file:// in headless Chromium: a query
/// loads a few of the index's files, not all of them, and still finds the right page first.
final class ShardedSearchChromiumTests: XCTestCase {
    static var root: URL?
    static var output: URL?

    override class func setUp() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sharded-search-\(UUID().uuidString)")
        self.root = root
        do {
            let training = root.appendingPathComponent("Content/training")
            try FileManager.default.createDirectory(at: training.appendingPathComponent("big"), withIntermediateDirectories: true)
            try Data("---\ntitle: 大手册\norder: 0\n---\n\n[全部页面](big/index.md)\n".utf8).write(to: training.appendingPathComponent("index.md"))
            try Data("---\ntitle: 第一部分\norder: 1\n---\n\n本部分页面很多。\n".utf8)
                .write(to: training.appendingPathComponent("big/index.md"))
            let filler = String(repeating: "巡检人员每天核对档案同步与签章文件的生成情况，发现问题及时处理并记录。", count: 12)
            for n in 1...600 {
                let special = n == 417 ? "\n\n## 唯一小节 {#unique}\n\n只有这一页写着甲乙丙丁戊己庚辛。\n" : ""
                let text = "---\ntitle: 页面 \(n)\norder: \(n)\n---\n\n## 概述\n\n\(filler)\(special)\n"
                try Data(text.utf8).write(to: training.appendingPathComponent("big/p\(n).md"))
            }
            let store = try OperationsStore.open(at: root.appendingPathComponent("archive-ops.sqlite"))
            var build = try SiteBuild(store: store, outputURL: root.appendingPathComponent("Output"))
            build.manual = ManualInputs(contentOverrides: root.appendingPathComponent("Content"), builtInContent: nil)
            try build.run()
            output = root.appendingPathComponent("Output")
        } catch {
            output = nil
        }
    }

    override class func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func search(_ query: String) throws -> (dom: String, loaded: [String], total: Int) {
        let output = try XCTUnwrap(Self.output, "site build failed")
        var components = URLComponents(url: output.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        let dom = try HeadlessChromium.dumpDOM(components.url!, profileParent: Self.root!)
        let shards = try XCTUnwrap(dom.range(of: "data-shards=\"").map { dom[$0.upperBound...].prefix { $0 != "\"" } }, dom)
        let total = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search").path).count
        return (dom, shards.split(separator: " ").map(String.init), total)
    }

    func testAWordOnOnePageIsFoundFirstLoadingFewIndexFiles() throws {
        let (dom, loaded, total) = try search("甲乙丙丁")
        XCTAssertTrue(dom.contains("找到 1 个包含“甲乙丙丁”的页面"), String(dom.prefix(3000)))
        XCTAssertTrue(dom.contains("href=\"manual/big/p417.html#unique\""))
        XCTAssertTrue(dom.contains("<mark>甲乙丙丁</mark>"))
        XCTAssertGreaterThan(total, 20, "a large manual's index is cut into many files")
        XCTAssertLessThanOrEqual(loaded.count, 5, "\(loaded) of \(total) files")
    }

    func testACommonWordCountsEveryPageButLoadsTheTextOfTheFirstFiftyOnly() throws {
        let (dom, loaded, total) = try search("签章")
        // Every generated page holds the word, and a few of the shipped pages (check catalogue, report titles).
        let status = try XCTUnwrap(dom.range(of: #"找到 \d+ 个包含“签章”的页面，显示前 50 个"#, options: .regularExpression).map { String(dom[$0]) },
                                   String(dom.prefix(2000)))
        XCTAssertGreaterThanOrEqual(Int(status.split(separator: " ")[1]) ?? 0, 600, status)
        XCTAssertEqual(dom.components(separatedBy: "class=\"result-title\"").count - 1, 50)
        XCTAssertLessThan(loaded.count, total / 2, "\(loaded) of \(total) files")
    }

    func testAMissingIndexFileIsSaidPlainly() throws {
        let output = try XCTUnwrap(Self.output)
        let folder = output.appendingPathComponent("search")
        let copy = Self.root!.appendingPathComponent("Broken")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: output, to: copy)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("g-") {
            try FileManager.default.removeItem(at: copy.appendingPathComponent("search/\(name)"))
        }
        var components = URLComponents(url: copy.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: "签章")]
        let dom = try HeadlessChromium.dumpDOM(components.url!, profileParent: Self.root!)
        XCTAssertTrue(dom.contains("缺失或损坏，请重新运行 archive-ops build"), String(dom.prefix(3000)))
    }
}
