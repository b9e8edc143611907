import Foundation
import SiteBuilder
import XCTest

/// The manual's side navigation stays the same size however large the manual grows: other sections are
/// folded to one line, and a large folder shows a window around the current page.
final class ManualNavigationTests: XCTestCase {
    var fixture: ManualFixture!

    override func setUpWithError() throws { fixture = try ManualFixture() }
    override func tearDown() { fixture.remove() }

    /// The lines of a page's side navigation.
    private func sidebar(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav class=\"manual-nav\""),
              let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "\n").filter { $0.hasPrefix("<li") }
    }

    private func writeLargeManual() throws {
        try fixture.writeIndex()
        for (folder, count) in [("small", 5), ("large", 400)] {
            try fixture.write("\(folder)/index.md", "---\ntitle: 部分 \(folder)\norder: \(count)\n---\n\n本部分。\n")
            for n in 1...count {
                try fixture.write("\(folder)/p\(n).md", "---\ntitle: \(folder) 第 \(n) 页\norder: \(n)\n---\n\n正文。\n")
            }
        }
    }

    func testAPageOfALargeFolderListsAWindowAroundItselfAndFoldsOtherSections() throws {
        try writeLargeManual()
        let pages = try fixture.build(checks: [])
        let lines = sidebar(try XCTUnwrap(pages["manual/large/p200.html"]).text)
        XCTAssertLessThanOrEqual(lines.count, 35, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("aria-current=\"page\">large 第 200 页<") })
        XCTAssertTrue(lines.contains { $0.contains("large 第 188 页") } && lines.contains { $0.contains("large 第 212 页") },
                      "the neighbours of the current page are listed")
        XCTAssertFalse(lines.contains { $0.contains("large 第 1 页<") || $0.contains("large 第 400 页<") })
        XCTAssertTrue(lines.contains {
            $0.contains("class=\"depth-2 more\"") && $0.contains("另有 187 页") && $0.contains("index.html#section-pages")
        })
        XCTAssertTrue(lines.contains { $0.contains("另有 188 页") })
        // The other section is one folded line.
        XCTAssertTrue(lines.contains { $0.contains("class=\"depth-1 section\"") && $0.contains("部分 small") })
        XCTAssertFalse(lines.contains { $0.contains("small 第 1 页") })
    }

    func testTheSizeOfAPageDoesNotGrowWithTheManual() throws {
        try writeLargeManual()
        let large = try fixture.build(checks: [])
        for n in 401...1200 {
            try fixture.write("large/p\(n).md", "---\ntitle: large 第 \(n) 页\norder: \(n)\n---\n\n正文。\n")
        }
        let larger = try fixture.build(checks: [])
        let before = try XCTUnwrap(large["manual/large/p200.html"]).contents.count
        let after = try XCTUnwrap(larger["manual/large/p200.html"]).contents.count
        XCTAssertLessThanOrEqual(abs(after - before), 16, "only the count in “另有 N 页” changes")
        XCTAssertLessThan(after, 16_000)
    }

    func testTheFolderPageListsEveryPageWhenTheNavigationShowsOnlySome() throws {
        try writeLargeManual()
        let pages = try fixture.build(checks: [])
        let index = try XCTUnwrap(pages["manual/large/index.html"]).text
        XCTAssertTrue(index.contains("<section class=\"section-pages\" id=\"section-pages\">"))
        XCTAssertTrue(index.contains("本部分全部页面（400 页）"))
        XCTAssertTrue(index.contains("href=\"../../manual/large/p400.html\">large 第 400 页</a>"))
        // A small folder's page looks as before: its navigation lists all of it, no extra list.
        let small = try XCTUnwrap(pages["manual/small/index.html"]).text
        XCTAssertFalse(small.contains("section-pages"))
        XCTAssertEqual(sidebar(small).filter { $0.contains("small 第") }.count, 5)
    }
}
