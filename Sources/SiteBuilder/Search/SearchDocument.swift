import Foundation

/// One page as the site search sees it: where it is, its title, and its text in sections so that a
/// result can jump to the heading that matched (`manual/install.html#备份与恢复`).
public struct SearchDocument: Codable, Sendable, Hashable {
    public struct Section: Codable, Sendable, Hashable {
        /// Heading id on the page; empty for the text before the first heading.
        public var anchor: String
        public var heading: String
        public var text: String
    }

    /// Path below `Output/`.
    public var url: String
    public var title: String
    public var sections: [Section]
}
