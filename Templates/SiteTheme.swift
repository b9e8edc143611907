import Foundation

/// The built-in theme of the generated site: Mustache layouts and partials and the static assets
/// (stylesheet), shipped in the executable's resource bundle so that a bare `archive-ops` binary can build
/// a site. A workspace's `Templates/` folder overrides these files one by one, the way a Hugo site
/// overrides its theme. (This Swift file exists only because SwiftPM needs a source file in a target.)
public enum SiteTheme {
    /// The folder holding `layouts/`, `partials/` and `static/`, or nil when the bundle is missing
    /// (for example a binary copied away from its `.resources` folder).
    public static var resourceRoot: URL? {
        Bundle.module.resourceURL
    }
}
