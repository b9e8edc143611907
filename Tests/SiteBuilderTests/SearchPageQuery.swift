import ArchiveOpsTestSupport
import Foundation
import XCTest

/// A query typed into the built site's search page, opened from disk (`search.html?q=…` over file://) in
/// headless Chromium; returns the DOM after the search script loaded its shards and listed the results.
enum SearchPageQuery {
    static func dom(output: URL, query: String) throws -> String {
        var components = URLComponents(url: output.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "q", value: query)]
        return try HeadlessChromium.dumpDOM(components.url!, profileParent: FileManager.default.temporaryDirectory)
    }

    /// The pages of the results in order (`href` of each `result-title`, without the section anchor).
    static func resultLinks(in dom: String) -> [String] {
        dom.components(separatedBy: "class=\"result-title\" href=\"").dropFirst()
            .compactMap { $0.split(separator: "\"").first?.split(separator: "#").first.map(String.init) }
    }
}
