import Foundation

/// One page as the site search sees it: where it is, its title, and its text in sections so that a
/// result can jump to the heading that matched (`manual/install.html#备份与恢复`).
public struct SearchDocument: Codable, Sendable, Equatable {
    public struct Section: Codable, Sendable, Equatable {
        /// Heading id on the page; empty for the text before the first heading.
        public var anchor: String
        public var heading: String
        public var text: String
    }

    /// Path below `Output/`.
    public var url: String
    public var title: String
    public var sections: [Section]

    /// Steps hand their documents to the indexer as a page at `search/documents/NAME.json`; the indexer
    /// consumes these pages (they are not published) and writes the one index of the whole site.
    static let carrierFolder = "search/documents/"

    static func carrierPage(name: String, documents: [SearchDocument]) throws -> SitePage {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return SitePage(path: "\(carrierFolder)\(name).json", contents: try encoder.encode(documents))
    }
}
