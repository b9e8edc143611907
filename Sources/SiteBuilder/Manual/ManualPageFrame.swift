import Foundation

/// `page.*` of `layouts/manual`: one page of the training manual (培训手册) with its side navigation,
/// table of contents and previous/next links.
struct ManualPageFrame: PageFrame {
    static let layout = "layouts/manual"

    /// An h2 or h3 heading of the page (`sub` for h3).
    struct TocEntry: Codable {
        var id: String
        var text: String
        var sub: Bool
    }

    /// The previous or next page in reading order.
    struct Link: Codable {
        var title: String
        var href: String
    }

    var title: String
    var body: String
    var root: String
    var path: String
    /// The manual exists in Chinese only: no twin (the header partial asks).
    var alternate: AlternateLink?
    var audience: String
    /// The side navigation as HTML, written by ``ManualSite`` (see there why not item by item in Mustache).
    var navHTML: String
    /// Every page of this section, listed on the section's page when the navigation shows only a window
    /// of them; empty for small sections.
    var sectionListHTML: String
    var toc: [TocEntry]
    var hasToc: Bool
    var isManual: Bool
    var prev: Link?
    var next: Link?
}
