import Foundation

/// Makes a set of rendered pages stand alone (离线自洽) for an acceptance bundle: every link either points
/// to a file inside the set or is turned into plain text, so an auditor who opens a page from the bundle
/// years later never meets a broken link.
///
/// The pages are the site's own, rendered by the same steps; only their links change:
/// - `<a href>` to a page outside the set becomes `<span class="offline-link">` with the same text;
/// - the language switch, `hreflang` alternates and the search form are removed (neither the English
///   pages nor the search index travel in a bundle);
/// - links to other sites, `mailto:` and the like also become plain text (pages must work offline).
/// Fragments (`#sla`) stay on links that are kept.
public enum OfflinePageLinks {
    /// `pages` with their links rewritten; non-HTML files pass through unchanged.
    public static func rewrite(_ pages: [SitePage]) -> [SitePage] {
        let paths = Set(pages.map(\.path))
        return pages.map { page in
            guard page.path.hasSuffix(".html") else { return page }
            let html = String(decoding: page.contents, as: UTF8.self)
            return SitePage(path: page.path, html: rewrite(html, at: page.path, keeping: paths))
        }
    }

    /// `page` without any link, for printing: Chromium writes each link into the PDF as an absolute
    /// `file://` address of wherever the page was printed from, which would leak a host path and change
    /// the PDF's bytes from run to run.
    public static func withoutLinks(_ page: SitePage) -> SitePage {
        guard page.path.hasSuffix(".html") else { return page }
        let html = String(decoding: page.contents, as: UTF8.self)
        return SitePage(path: page.path, html: rewrite(html, at: page.path, keeping: [], keepFragments: false))
    }

    static func rewrite(_ html: String, at path: String, keeping paths: Set<String>, keepFragments: Bool = true) -> String {
        var text = html
        text = text.replacingOccurrences(of: #"<link rel="alternate"[^>]*>\n?"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[ \t]*<a class="lang-switch"[^>]*>[^<]*</a>\n?"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"[ \t]*<form class="site-search[^"]*"[^>]*>.*?</form>\n?"#, with: "",
                                         options: .regularExpression)
        // <a ...href="X"...>inner</a>: inner never holds another <a> in the site's templates.
        let anchor = try! NSRegularExpression(pattern: #"<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>(.*?)</a>"#,
                                              options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in anchor.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let href = ns.substring(with: match.range(at: 2))
            if (keepFragments || !href.hasPrefix("#")) && keeps(href, from: path, paths: paths) {
                out += ns.substring(with: match.range)
            } else {
                out += "<span class=\"offline-link\">" + ns.substring(with: match.range(at: 4)) + "</span>"
            }
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// Whether `href`, written on the page at `path`, points into the set.
    static func keeps(_ href: String, from path: String, paths: Set<String>) -> Bool {
        if href.hasPrefix("#") { return true }
        if href.contains(":") || href.hasPrefix("/") { return false }  // other sites, mailto:, absolute paths
        let target = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let resolved = resolve(String(target), from: path) else { return false }
        return paths.contains(resolved)
    }

    /// `href` resolved against the folder of `path`, or nil when it climbs above the root.
    static func resolve(_ href: String, from path: String) -> String? {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for component in href.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "", ".": continue
            case "..": guard !parts.isEmpty else { return nil }; parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
