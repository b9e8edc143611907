import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The training site as a reader and a manual writer meet it: pages, navigation, anchors, boxes, and
/// build errors that name the file and line.
final class ManualSiteTests: XCTestCase {
    var fixture: ManualFixture!

    override func setUpWithError() throws { fixture = try ManualFixture() }
    override func tearDown() { fixture.remove() }

    func testShippedManualsBuildWithEveryChapterAndGeneratedCatalogue() throws {
        let pages = try fixture.build(builtIn: true)
        for path in ["manual/index.html", "manual/intro.html", "manual/install.html", "manual/daily.html",
                     "manual/troubleshooting.html", "manual/training.html", "manual/faq.html", "manual/writing.html",
                     "manual/checks/index.html", "manual/checks/seal.html", "manual/images/center-topology.svg",
                     "manual/files/archive-ops-daily.timer"] {
            XCTAssertNotNil(pages[path], "missing \(path)")
        }
        let install = try XCTUnwrap(pages["manual/install.html"]).text
        XCTAssertTrue(install.contains("<h2 id=\"systemd\">"), "explicit {#systemd} anchor")
        XCTAssertTrue(install.contains("href=\"#backup\""), "TOC links to the backup section")
        XCTAssertTrue(install.contains("OnCalendar=*-*-* 07:30:00"))
        XCTAssertTrue(install.contains("class=\"admonition warning\""))
        XCTAssertTrue(install.contains("rel=\"prev\"") && install.contains("rel=\"next\""))
        XCTAssertFalse(install.contains("{#"), "explicit ids are not shown to readers")
        let troubleshooting = try XCTUnwrap(pages["manual/troubleshooting.html"]).text
        XCTAssertTrue(troubleshooting.contains("href=\"checks/seal.html#seal.invalid\""), ".md links become .html")
    }

    func testChineseHeadingsGetTextAnchorsMadeUniqueAndListedInTheTableOfContents() throws {
        try fixture.writeIndex()
        try fixture.write("a.md", """
        ---
        title: 页面
        ---

        ## 备份与恢复

        ### 步骤

        ## 常见问题

        ### 步骤

        [跳到恢复](#备份与恢复)、[第二个步骤](#步骤-2)
        """)
        let html = try XCTUnwrap(fixture.build()["manual/a.html"]).text
        XCTAssertTrue(html.contains("<h2 id=\"备份与恢复\">"))
        XCTAssertTrue(html.contains("<h3 id=\"步骤\">"))
        XCTAssertTrue(html.contains("<h3 id=\"步骤-2\">"))
        XCTAssertTrue(html.contains("<li class=\"sub\"><a href=\"#步骤-2\">步骤</a></li>"))
        XCTAssertTrue(html.contains("<li><a href=\"#常见问题\">常见问题</a></li>"))
    }

    func testAdmonitionsTablesTaskListsAndStrikethroughRender() throws {
        try fixture.writeIndex()
        try fixture.write("a.md", """
        ---
        title: 样式
        ---

        > **警告** 先停止定时巡检。

        > **提示**
        > 可以搜索问题代码。

        > 普通引用。

        | 列一 | 列二 |
        |---|---|
        | 甲 | 乙 |

        - [x] 已完成
        - [ ] 未完成

        ~~旧做法~~ 与 https://example.org
        """)
        let html = try XCTUnwrap(fixture.build()["manual/a.html"]).text
        XCTAssertTrue(html.contains("<div class=\"admonition warning\">\n<p class=\"admonition-title\">警告</p>\n<p>先停止定时巡检。</p>"))
        XCTAssertTrue(html.contains("<div class=\"admonition tip\">\n<p class=\"admonition-title\">提示</p>\n<p>可以搜索问题代码。</p>"))
        XCTAssertTrue(html.contains("<blockquote>\n<p>普通引用。</p>"))
        XCTAssertTrue(html.contains("<th>列一</th>"))
        XCTAssertTrue(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> 已完成"))
        XCTAssertTrue(html.contains("<del>旧做法</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">"))
    }

    func testRawHTMLIsOmittedUnlessThePageOptsIn() throws {
        try fixture.writeIndex()
        try fixture.write("plain.md", "---\ntitle: 默认\n---\n\n<script>alert(1)</script>\n\n文字 <b>粗</b>\n")
        try fixture.write("trusted.md", "---\ntitle: 允许\nraw_html: true\n---\n\n<div class=\"kiosk\">终端</div>\n")
        let pages = try fixture.build()
        let plain = try XCTUnwrap(pages["manual/plain.html"]).text
        XCTAssertFalse(plain.contains("<script>alert"))
        XCTAssertFalse(plain.contains("<b>粗</b>"))
        XCTAssertTrue(plain.contains("<!-- raw HTML omitted -->"))
        XCTAssertTrue(try XCTUnwrap(pages["manual/trusted.html"]).text.contains("<div class=\"kiosk\">终端</div>"))
    }

    func testBrokenPageLinkFailsTheBuildWithFileAndLine() throws {
        try fixture.writeIndex()
        try fixture.write("a.md", "---\ntitle: 甲\n---\n\n第一段。\n\n请看[日常巡检](daily-check.md)。\n")
        let message = try XCTUnwrap(manualBuildError { try fixture.build() })
        XCTAssertTrue(message.contains("training/a.md 第 7 行"), message)
        XCTAssertTrue(message.contains("daily-check.md"), message)
    }

    func testMissingAnchorAndMissingImageAndAttachmentEachFailWithTheirLine() throws {
        try fixture.writeIndex()
        try fixture.write("b.md", "---\ntitle: 乙\n---\n\n## 恢复 {#restore}\n")
        try fixture.write("a.md", """
        ---
        title: 甲
        ---

        [恢复](b.md#backup)

        ![拓扑](images/none.png)

        [单元文件](files/none.timer) 和 [本页](#nowhere)
        """)
        let message = try XCTUnwrap(manualBuildError { try fixture.build() })
        XCTAssertTrue(message.contains("a.md 第 5 行") && message.contains("#backup") && message.contains("restore"), message)
        XCTAssertTrue(message.contains("a.md 第 7 行") && message.contains("images/none.png"), message)
        XCTAssertTrue(message.contains("a.md 第 9 行") && message.contains("files/none.timer"), message)
        XCTAssertTrue(message.contains("#nowhere"), message)
    }

    func testLinksLeavingTheManualOrAbsolutePathsAreRejected() throws {
        try fixture.writeIndex()
        try fixture.write("a.md", "---\ntitle: 甲\n---\n\n[报告](../../index.html) [根](/index.html)\n")
        let message = try XCTUnwrap(manualBuildError { try fixture.build() })
        XCTAssertTrue(message.contains("培训手册目录之外"), message)
        XCTAssertTrue(message.contains("以 / 开头"), message)
    }

    func testInvalidFrontMatterFailsWithFileLineAndField() throws {
        try fixture.writeIndex()
        try fixture.write("order.md", "---\ntitle: 甲\norder: 第二\n---\n\n正文\n")
        try fixture.write("notitle.md", "---\norder: 3\n---\n\n正文\n")
        try fixture.write("yaml.md", "---\ntitle: [未闭合\n---\n")
        try fixture.write("none.md", "# 没有文件头\n")
        try fixture.write("unknown.md", "---\ntitle: 甲\nauthor: 张工\n---\n")
        let message = try XCTUnwrap(manualBuildError { try fixture.build() })
        XCTAssertTrue(message.contains("order.md 第 3 行: order 必须是整数"), message)
        XCTAssertTrue(message.contains("notitle.md 第 2 行: 文件头缺少 title"), message)
        XCTAssertTrue(message.contains("yaml.md 第") && message.contains("不是有效的 YAML"), message)
        XCTAssertTrue(message.contains("none.md 第 1 行: 缺少文件头"), message)
        XCTAssertTrue(message.contains("unknown.md 第 3 行: 未知字段“author”"), message)
    }

    func testPagesSavedOnWindowsWithBOMAndCRLFBuild() throws {
        try fixture.writeIndex()
        try fixture.write("win.md", "\u{FEFF}---\r\ntitle: 记事本保存的页面\r\norder: 5\r\n---\r\n\r\n## 小节 {#part}\r\n\r\n[回到小节](#part)\r\n")
        let html = try XCTUnwrap(fixture.build()["manual/win.html"]).text
        XCTAssertTrue(html.contains("<h1>记事本保存的页面</h1>"))
        XCTAssertTrue(html.contains("<h2 id=\"part\">"))
    }

    func testWorkspaceContentOverridesAShippedPageAndAddsPagesAndImages() throws {
        try fixture.write("faq.md", "---\ntitle: 本局常见问题\norder: 60\n---\n\n本局自定义。\n")
        try fixture.write("local/index.md", "---\ntitle: 本局资料\norder: 95\n---\n\n![图](map.svg)\n\n- [值班表](duty.md)\n")
        try fixture.write("local/duty.md", "---\ntitle: 值班表\n---\n\n回到[本局资料](index.md)。\n")
        try fixture.write("local/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let pages = try fixture.build(builtIn: true)
        XCTAssertTrue(try XCTUnwrap(pages["manual/faq.html"]).text.contains("本局自定义"))
        XCTAssertNotNil(pages["manual/local/map.svg"])
        let duty = try XCTUnwrap(pages["manual/local/duty.html"]).text
        XCTAssertTrue(duty.contains("href=\"../../manual/local/index.html\""), "sidebar links are site-relative")
        XCTAssertTrue(duty.contains("<li class=\"depth-2 open\"><a href=\"../../manual/local/duty.html\" aria-current=\"page\">值班表</a>"),
                      "a folder's pages sit under its index in the navigation")
        XCTAssertTrue(try XCTUnwrap(pages["manual/install.html"]).text.contains("安装程序"), "other shipped pages stay")
    }

    func testGeneratedChaptersCannotBeOverriddenByContent() throws {
        try fixture.write("checks/seal.md", "---\ntitle: 手写的签章说明\n---\n")
        let message = try XCTUnwrap(manualBuildError { try fixture.build(builtIn: true) })
        XCTAssertTrue(message.contains("checks/seal.md") && message.contains("生成的章节不能被覆盖"), message)
    }

    func testPreviousAndNextFollowTheOrderOfTheFrontMatter() throws {
        try fixture.writeIndex()
        try fixture.write("z.md", "---\ntitle: 第一章\norder: 1\n---\n")
        try fixture.write("a.md", "---\ntitle: 第二章\norder: 2\n---\n")
        let pages = try fixture.build(checks: [])
        let first = try XCTUnwrap(pages["manual/z.html"]).text
        XCTAssertTrue(first.contains("← 上一页：首页"))
        XCTAssertTrue(first.contains("下一页：第二章 →"))
    }
}
