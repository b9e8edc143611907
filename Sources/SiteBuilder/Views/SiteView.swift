import Foundation

/// What every layout reads as `site.*`: the site's title, language and footer, and the top navigation
/// with the current entry marked.
struct SiteView: Codable {
    struct NavLink: Codable {
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    var lang: String
    var footer: String
    var nav: [NavLink]
}
