import Foundation

/// What every layout reads as `site.*`: the site's title, language and footer, and the top navigation
/// with the current entry marked.
struct SiteView: Codable {
    struct NavLink: Codable {
        var label: String
        var href: String
        var current: Bool
        /// `zh-CN` on an English page's link to a page that exists in Chinese only (the manuals).
        var hreflang: String?
    }

    var title: String
    var lang: String
    var footer: String
    var nav: [NavLink]
}
