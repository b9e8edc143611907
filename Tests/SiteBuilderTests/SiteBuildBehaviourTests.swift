import ArchiveEngine
import Foundation
@testable import SiteBuilder
import SiteTheme
import XCTest

/// How `build` behaves over time: deterministic bytes, incremental rebuilds, failed builds.
final class SiteBuildBehaviourTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func contents(of root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in SiteFixture.files(in: root) { out[f] = try Data(contentsOf: root.appendingPathComponent(f)) }
        return out
    }

    func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    func testTwoBuildsOfTheSameDatabaseAreByteIdentical() throws {
        let store = try SiteFixture.store()
        let a = dir.appendingPathComponent("A"), b = dir.appendingPathComponent("B")
        try SiteBuild(store: store, outputURL: a).run()
        try SiteBuild(store: store, outputURL: b).run()
        let first = try contents(of: a), second = try contents(of: b)
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, data) in first { XCTAssertEqual(data, second[path], path) }
    }

    func testRebuildAfterOneNewInspectionTouchesOnlyThePagesThatDependOnIt() throws {
        let store = try SiteFixture.store()
        let output = dir.appendingPathComponent("Output")
        let first = try SiteBuild(store: store, outputURL: output).run()
        let before = try contents(of: output)
        var inodes: [String: UInt64] = [:]
        for path in before.keys { inodes[path] = try inode(output.appendingPathComponent(path)) }

        try SiteFixture.addRun("2023-07-01", to: store)
        let summary = try SiteBuild(store: store, outputURL: output).run()
        let after = try contents(of: output)
        // Report pages only: a site-wide search index, if one is built, legitimately changes too.
        let changed = after.keys.filter { SiteFixture.isReportPage($0) && before[$0] != after[$0] }.sorted()
        var expected: Set<String> = []
        for base in ["index.html", "inspections/index.html", "inspections/20230701T073000-inspector.html",
                     "inspections/20230630T073000-inspector.html",  // gains its "next day" link
                     "months/2023-07.html", "monthly/2023-07.html", "monthly/index.html"] {
            expected.insert(base)
            expected.insert("en/" + base)
        }
        XCTAssertEqual(Set(changed), expected)
        // Room for the search index's files (the new run's title lands in a few of its shards), nothing more.
        let searchFiles = after.keys.filter { $0.hasPrefix("search/") }.count
        XCTAssertGreaterThanOrEqual(summary.written, expected.count)
        XCTAssertLessThanOrEqual(summary.written, expected.count + searchFiles)
        XCTAssertGreaterThanOrEqual(summary.unchanged, first.written + first.unchanged - 8 - searchFiles)
        // Unchanged pages are the very same files (hard links), not rewritten copies.
        for path in ["tickets/T-0601.html", "monthly/2023-06.html", "queries/index.html", "assets/style.css"] {
            XCTAssertEqual(try inode(output.appendingPathComponent(path)), inodes[path], path)
        }
    }

    func testABadTemplateFailsTheBuildNamingTheFileAndKeepsThePreviousSite() throws {
        let store = try SiteFixture.store()
        let output = dir.appendingPathComponent("Output")
        try SiteBuild(store: store, outputURL: output).run()
        let before = try contents(of: output)
        let overrides = dir.appendingPathComponent("Templates/layouts")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        try Data("{{#checks}}未闭合".utf8).write(to: overrides.appendingPathComponent("monthly.mustache"))
        XCTAssertThrowsError(try SiteBuild(store: store, outputURL: output,
                                           templateOverrides: dir.appendingPathComponent("Templates")).run()) { error in
            XCTAssertTrue("\(error)".contains("monthly.mustache"), "\(error)")
            XCTAssertTrue("\(error)".contains("原 Output/ 未改动"), "\(error)")
        }
        XCTAssertEqual(try contents(of: output), before)
    }

    func testAWorkspaceTemplateOverridesTheThemeFileByFile() throws {
        let store = try SiteFixture.store()
        let overrides = dir.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: overrides.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data(#"<footer class="site-footer">本单位定制页脚</footer>"#.utf8)
            .write(to: overrides.appendingPathComponent("partials/footer.mustache"))
        try FileManager.default.createDirectory(at: overrides.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try Data(#"{"zh": {"monthly_title": "每月总结"}}"#.utf8).write(to: overrides.appendingPathComponent("i18n/labels.json"))
        let output = dir.appendingPathComponent("Output")
        try SiteBuild(store: store, outputURL: output, templateOverrides: overrides).run()
        let monthly = try String(contentsOf: output.appendingPathComponent("monthly/index.html"), encoding: .utf8)
        XCTAssertTrue(monthly.contains("本单位定制页脚"))
        XCTAssertTrue(monthly.contains("每月总结"))
        XCTAssertTrue(monthly.contains("查询统计"), "labels not overridden keep the theme's text")
    }

    func testAnUnreadableDatabaseFailsBeforeAnythingIsPublished() throws {
        let output = dir.appendingPathComponent("Output")
        try SiteBuild(store: try SiteFixture.store(), outputURL: output).run()
        let before = try contents(of: output)
        let bad = dir.appendingPathComponent("broken.sqlite")
        try Data("这不是数据库 not a database, just text that is long enough to look like a header".utf8).write(to: bad)
        XCTAssertThrowsError(try SiteBuild(store: try OperationsStore.open(at: bad), outputURL: output).run()) { error in
            XCTAssertTrue("\(error)".contains("不是 SQLite 数据库"), "\(error)")
        }
        XCTAssertEqual(try contents(of: output), before)
    }

    func testEveryLabelUsedByATemplateExistsInBothLanguages() throws {
        guard let root = SiteTheme.resourceRoot else { return XCTFail("theme resources missing") }
        // The theme's own file, not the merged tables (English falls back to Chinese when merged).
        let raw = try JSONDecoder().decode([String: [String: String]].self,
                                           from: Data(contentsOf: root.appendingPathComponent("i18n/labels.json")))
        let zh = raw["zh"] ?? [:], en = raw["en"] ?? [:]
        let regex = try NSRegularExpression(pattern: #"\{\{[#^/]?l\.([A-Za-z_]+)"#)
        for folder in ["layouts", "partials"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) {
                let text = try String(contentsOf: root.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
                for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let key = String(text[Range(m.range(at: 1), in: text)!])
                    XCTAssertNotNil(zh[key], "\(name): l.\(key) missing in zh")
                    XCTAssertNotNil(en[key], "\(name): l.\(key) missing in en")
                }
            }
        }
    }
}
