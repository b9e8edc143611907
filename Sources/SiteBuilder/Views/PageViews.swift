import Foundation

/// A report page's view model: every value its body template reads, each under the name the template
/// uses (the property name is the key, so a misspelt key in Swift is a compile error and one in a
/// template fails `TemplateKeysTests`). The names are a public interface: a workspace's `Templates/` may
/// override the theme's templates file by file and reads the same keys.
///
/// The renderer adds `root` (links to this language's pages), `siteRoot` (the site's root) and `l` (the
/// fixed labels) beside the view's own keys.
protocol ReportView: Codable {
    /// The body template that reads this view, e.g. `layouts/ticket`.
    static var template: String { get }
}

/// What a layout reads as `page.*`: the page's title, its rendered body, the relative root and its path,
/// plus what that layout adds (the manual's navigation, the search page's index script). The layout
/// also sees `site.*` (``SiteView``) and `l.*`.
protocol PageFrame: Codable {
    /// The layout that reads this frame, e.g. `layouts/page`.
    static var layout: String { get }
    var title: String { get }
    var path: String { get }
    /// `../` up to `Output/`, as the header's links start.
    var root: String { get }
    /// The page's twin in the other language, if it has one (the header links to it).
    var alternate: AlternateLink? { get }
}

/// The whole value a layout is rendered with (the renderer adds `l`).
struct LayoutView<Page: PageFrame>: Codable {
    var site: SiteView
    var page: Page
}

/// `page.*` of `layouts/page`: a report page with its body rendered from a ``ReportView``.
struct ReportFrame: PageFrame {
    static let layout = "layouts/page"
    var title: String
    var body: String
    var root: String
    var path: String
    /// The same page in the other language.
    var alternate: AlternateLink?
}

/// The link from a report page to its twin in the other language (`page.alternate`).
struct AlternateLink: Codable {
    var href: String
    var label: String
    var lang: String
}
