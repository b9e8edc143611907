import Foundation
@testable import SiteBuilder
import SiteTheme
import XCTest

/// The site header of the manual pages is rendered once per folder depth and reused (``SharedHeader``):
/// the pages must be the bytes of rendering each one whole, and a workspace's own header must still see
/// each page's values.
final class SharedHeaderTests: XCTestCase {
    private var fixture: ManualFixture!
    private var templatesFolder: URL!

    override func setUpWithError() throws {
        fixture = try ManualFixture()
        templatesFolder = fixture.root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templatesFolder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try fixture.writeIndex()
        // Pages at three depths, and one section page: headers of different roots and the current nav entry.
        try fixture.write("a.md", "---\ntitle: 第一章\norder: 1\n---\n\n## 小节\n\n正文。\n")
        try fixture.write("part/index.md", "---\ntitle: 第二部分\norder: 2\n---\n\n本部分。\n")
        try fixture.write("part/b.md", "---\ntitle: 第二章\norder: 1\n---\n\n正文。\n")
        try fixture.write("part/deep/c.md", "---\ntitle: 第三章\norder: 1\n---\n\n正文。\n")
    }

    override func tearDown() {
        fixture.remove()
    }

    private var themeHeader: String {
        get throws { try String(contentsOf: SiteTheme.resourceRoot!.appendingPathComponent("partials/header.mustache"), encoding: .utf8) }
    }

    func testTheThemesHeaderIsSharedByTheManualLayouts() throws {
        let library = try TemplateLibrary().localized[.zh]!
        XCTAssertNotNil(library.getTemplate(named: SharedHeader.variantName(of: "layouts/manual")))
        XCTAssertNotNil(library.getTemplate(named: SharedHeader.variantName(of: "layouts/manual-search")))
    }

    func testManualPagesAreTheBytesOfRenderingEachPageWhole() throws {
        let shared = try fixture.build(templates: TemplateLibrary())
        // A workspace copy of the header that renders the same: no layout shares it, every page is rendered whole.
        try Data(("{{! a workspace copy }}" + themeHeader).utf8)
            .write(to: templatesFolder.appendingPathComponent("partials/header.mustache"))
        let whole = try TemplateLibrary(overrides: templatesFolder)
        XCTAssertNil(whole.localized[.zh]!.getTemplate(named: SharedHeader.variantName(of: "layouts/manual")))
        let pages = try fixture.build(templates: whole)
        XCTAssertEqual(Set(shared.keys), Set(pages.keys))
        XCTAssertGreaterThanOrEqual(shared.keys.filter { $0.hasSuffix(".html") }.count, 5)
        for (path, page) in shared {
            XCTAssertEqual(page.text, pages[path]!.text, path)
        }
        XCTAssertTrue(shared["manual/part/deep/c.html"]!.text.contains("href=\"../../../manual/index.html\""))
    }

    func testAWorkspaceHeaderReadingThePageSeesEveryPagesOwnValues() throws {
        try Data(#"<header class="site-header">{{page.title}} · {{page.path}}</header>"#.appending("\n").utf8)
            .write(to: templatesFolder.appendingPathComponent("partials/header.mustache"))
        let pages = try fixture.build(templates: TemplateLibrary(overrides: templatesFolder))
        XCTAssertTrue(pages["manual/part/b.html"]!.text.contains("<header class=\"site-header\">第二章 · manual/part/b.html</header>"))
        XCTAssertTrue(pages["manual/part/index.html"]!.text
            .contains("<header class=\"site-header\">第二部分 · manual/part/index.html</header>"))
    }

    func testAWorkspaceSearchBoxInsideTheHeaderIsHonoured() throws {
        try Data(#"<form class="site-search">{{page.title}}</form>"#.utf8)
            .write(to: templatesFolder.appendingPathComponent("partials/search.mustache"))
        let pages = try fixture.build(templates: TemplateLibrary(overrides: templatesFolder))
        XCTAssertTrue(pages["manual/a.html"]!.text.contains("<form class=\"site-search\">第一章</form>"))
        XCTAssertTrue(pages["manual/part/b.html"]!.text.contains("<form class=\"site-search\">第二章</form>"))
    }

    func testTheIncludeLineBecomesTheSharedValueOnlyWhenItStandsAlone() {
        XCTAssertEqual(SharedHeader.variant(of: "<body>\n{{> partials/header}}\n<main>"), "<body>\n{{{sharedHeader}}}<main>")
        XCTAssertEqual(SharedHeader.variant(of: "{{> partials/header}}\nx"), "{{{sharedHeader}}}x")
        XCTAssertNil(SharedHeader.variant(of: "<body>{{> partials/header}}\n"))
        XCTAssertEqual(SharedHeader.includedPartials(of: "a {{> partials/search}} b {{>x}}"), ["partials/search", "x"])
    }
}
