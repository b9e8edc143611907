import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import SiteBuilder
import XCTest

/// The search as a reader uses it: a built site opened from disk (file://, as from a file share) in
/// headless Chromium, the query passed as `search.html?q=…`, the results read back from the DOM.
final class SearchChromiumTests: XCTestCase {
    static var site: ClassSite?
    static var output: URL? { site?.output }

    override class func setUp() { site = ClassSite("search-chromium") }

    override class func tearDown() { site?.remove() }

    /// The search page's DOM after its script ran for `query`.
    private func searchDOM(_ query: String) throws -> String {
        let output = try XCTUnwrap(Self.output, "site build failed")
        return try SearchPageQuery.dom(output: output, query: query)
    }

    func testSearchingAChineseTermFromFileURLFindsTheRightManualPage() throws {
        let dom = try searchDOM("签章")
        XCTAssertTrue(dom.contains("个包含“签章”的页面"), dom)
        // The check page whose title holds the term ranks first.
        let first = try XCTUnwrap(dom.range(of: "class=\"result-title\""))
        let firstResult = String(dom[first.lowerBound...].prefix(300))
        XCTAssertTrue(firstResult.contains("签章文件生成检查"), firstResult)
        XCTAssertTrue(dom.contains("manual/checks/seal.html"), "results link to the manual page")
        XCTAssertTrue(dom.contains("<mark>签章</mark>"), "the term is highlighted in the excerpt")
    }

    func testAResultLinksToTheSectionThatMatched() throws {
        let dom = try searchDOM("integrity_check")
        XCTAssertTrue(dom.contains("href=\"manual/install.html#backup\"") || dom.contains("href=\"manual/install.html#restore\""), dom)
    }

    func testReportPagesAreFoundByTitleAndNoMatchIsSaidPlainly() throws {
        XCTAssertTrue(try searchDOM("运维总览").contains("href=\"index.html\""))
        XCTAssertTrue(try searchDOM("不存在的词语甲乙丙").contains("没有找到包含“不存在的词语甲乙丙”的页面"))
    }
}
