@testable import SiteBuilder
import Foundation
import XCTest

/// Pages of an acceptance bundle keep the links that stay inside it and lose the others.
final class OfflinePageLinksTests: XCTestCase {
    func testLinksLeavingTheBundleBecomePlainText() {
        let html = """
        <head><link rel="stylesheet" href="../assets/style.css">
        <link rel="alternate" hreflang="en" href="../en/monthly/2023-06.html">
        </head><header><a class="brand" href="../index.html">总览</a>
          <a class="lang-switch" href="../en/monthly/2023-06.html" hreflang="en" lang="en">English</a>
          <form class="site-search no-print" action="../search.html" method="get"><input name="q"></form>
        <a href="../manual/index.html">培训手册</a> <a href="#sla">达标率</a> <a href="../tickets/T-1.html#x">T-1</a>
        <a href="https://example.org/">外网</a></header>
        """
        let pages = [SitePage(path: "monthly/2023-06.html", html: html), SitePage(path: "index.html", html: ""),
                     SitePage(path: "tickets/T-1.html", html: ""), SitePage(path: "assets/style.css", html: "")]
        let out = String(decoding: OfflinePageLinks.rewrite(pages)[0].contents, as: UTF8.self)
        XCTAssertTrue(out.contains(#"<link rel="stylesheet" href="../assets/style.css">"#), out)
        XCTAssertTrue(out.contains(#"<a class="brand" href="../index.html">总览</a>"#), out)
        XCTAssertTrue(out.contains(##"<a href="#sla">达标率</a>"##) && out.contains(##"<a href="../tickets/T-1.html#x">T-1</a>"##), out)
        XCTAssertTrue(out.contains(#"<span class="offline-link">培训手册</span>"#), out)
        XCTAssertTrue(out.contains(#"<span class="offline-link">外网</span>"#), out)
        XCTAssertFalse(out.contains("hreflang") || out.contains("English") || out.contains("<form"), out)

        let printable = String(decoding: OfflinePageLinks.withoutLinks(pages[0]).contents, as: UTF8.self)
        XCTAssertFalse(printable.contains("<a "), printable)
    }
}
