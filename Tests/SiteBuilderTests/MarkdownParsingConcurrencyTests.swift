import XCTest

@testable import SiteBuilder

/// The manual is parsed and rendered on every core. cmark-gfm keeps its table of special inline
/// characters in a global that each parse changes, so pages parsed at the same time used to lose their
/// strikethrough and autolinks now and then: the same manual page came out different in two builds.
final class MarkdownParsingConcurrencyTests: XCTestCase {
    /// A page long enough that parses overlap, with every extension that adds special characters.
    private let page = (1...120).map { n in
        "第 \(n) 段：~~旧的做法~~ 改为新做法，见 www.example.org/\(n) 或 https://example.org/a\(n)。\n\n- [x] 已完成 \(n)\n"
    }.joined(separator: "\n") + "\n| 写法 | 效果 |\n|---|---|\n| `~~x~~` | ~~x~~ |\n"

    /// A short page without extensions, finishing (and once clearing the global table) while long ones parse.
    private let short = "短页，没有扩展语法。\n"

    func testPagesParsedOnEveryCoreAtOnceComeOutAsWhenParsedOneByOne() throws {
        let expected = MarkdownDocument(markdown: page).html(allowRawHTML: false)
        XCTAssertEqual(expected.components(separatedBy: "<del>").count - 1, 121, "every strikethrough is rendered")
        XCTAssertTrue(expected.contains("<a href=\"http://www.example.org/7\">"), "autolinks are rendered")
        let results = try ParallelMap.run(count: 600) { i -> String in
            MarkdownDocument(markdown: i % 3 == 2 ? short : page).html(allowRawHTML: false)
        }
        for (i, html) in results.enumerated() where i % 3 != 2 {
            XCTAssertEqual(html, expected, "page \(i) parsed at the same time as others differs")
            if html != expected { break }
        }
    }
}
