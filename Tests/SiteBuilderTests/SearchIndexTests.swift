import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The site search index: every manual section's text, every other page's title, the same bytes for the
/// same site, and no build that publishes half a site when the manual or the index fails.
final class SearchIndexTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("search-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func buildSite(content: URL? = nil) throws -> URL {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("archive-ops.sqlite"))
        var build = try SiteBuild(store: store, outputURL: dir.appendingPathComponent("Output"))
        build.manual = ManualInputs(contentOverrides: content)
        try build.run()
        return dir.appendingPathComponent("Output")
    }

    /// The documents of the index: [url, title, [[anchor, heading, text]]].
    private func documents(in output: URL) throws -> [[Any]] {
        try SearchIndexFiles.documents(output)
    }

    func testIndexHoldsManualSectionsWithAnchorsAndTheTitlesOfOtherPages() throws {
        let output = try buildSite()
        let docs = try documents(in: output)
        let byURL = Dictionary(uniqueKeysWithValues: docs.map { ($0[0] as! String, $0) })
        let install = try XCTUnwrap(byURL["manual/install.html"])
        XCTAssertEqual(install[1] as? String, "安装与部署")
        let sections = try XCTUnwrap(install[2] as? [[String]])
        let backup = try XCTUnwrap(sections.first { $0[0] == "backup" })
        XCTAssertEqual(backup[1], "运维数据库的备份与恢复")
        XCTAssertTrue(backup[2].contains("PRAGMA integrity_check"))
        let seal = try XCTUnwrap(byURL["manual/checks/seal.html"])
        XCTAssertTrue((seal[2] as? [[String]] ?? []).contains { $0[0] == "seal.invalid" })
        // A page of another step (the home page) is found by its title.
        XCTAssertEqual(byURL["index.html"]?[1] as? String, "运维总览")
        XCTAssertNil(byURL["search.html"], "the search page does not find itself")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/documents").path),
                       "the steps' document pages are consumed, not published")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("search.html").path))
    }

    func testSameSiteGivesTheSameIndexBytes() throws {
        let output = try buildSite()
        let first = try SearchIndexFiles.allFiles(output)
        let again = try buildSite()
        let second = try SearchIndexFiles.allFiles(again)
        XCTAssertEqual(second.map(\.path), first.map(\.path))
        XCTAssertEqual(second.map(\.text), first.map(\.text))
    }

    func testEveryPageCarriesTheSearchBox() throws {
        let output = try buildSite()
        for path in ["index.html", "manual/index.html", "manual/checks/seal.html", "search.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            XCTAssertTrue(html.contains("class=\"site-search"), path)
            let root = PageRenderer.rootPrefix(for: path)
            XCTAssertTrue(html.contains("action=\"\(root)search.html\""), path)
        }
    }

    func testABrokenManualLeavesThePublishedSiteUntouched() throws {
        let output = try buildSite()
        let before = try Data(contentsOf: output.appendingPathComponent("manual/install.html"))
        let content = dir.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("training"), withIntermediateDirectories: true)
        try Data("---\ntitle: 坏页\n---\n\n![缺图](missing.png)\n".utf8).write(to: content.appendingPathComponent("training/bad.md"))
        XCTAssertThrowsError(try buildSite(content: content)) { error in
            XCTAssertTrue("\(error)".contains("bad.md 第 5 行"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("manual/install.html")), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("manual/bad.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".Output") }, [],
                       "no staging folder is left behind")
    }

    func testReportPagesAreFoundByTheirTitleWhateverTheWorkspaceLayoutWritesInTitle() throws {
        // The index takes each page's title from the build, not from the HTML: a workspace layout may
        // put the site name first, or leave the <title> element out.
        let layouts = dir.appendingPathComponent("Templates/layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><html><head><title>{{site.title}} — {{page.title}}</title></head><body>{{{page.body}}}</body></html>".utf8)
            .write(to: layouts.appendingPathComponent("page.mustache"))
        let store = try OperationsStore.open(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let output = dir.appendingPathComponent("Output")
        try SiteBuild(store: store, outputURL: output, templateOverrides: dir.appendingPathComponent("Templates")).run()
        let byURL = Dictionary(uniqueKeysWithValues: try documents(in: output).map { ($0[0] as! String, $0) })
        XCTAssertEqual(byURL["index.html"]?[1] as? String, "运维总览")
        XCTAssertEqual(byURL["en/index.html"]?[1] as? String, "Operations overview")
    }
}
