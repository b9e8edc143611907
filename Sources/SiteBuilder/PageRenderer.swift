import Foundation

/// Wraps a page body in the site layout. Every generated HTML page goes through here, so the header,
/// navigation, stylesheet link and footer are the same everywhere, and every page leaves with its title
/// (and, for the manual, its search text) beside its bytes for the search index.
public struct PageRenderer: Sendable {
    public let templates: TemplateLibrary
    public let site: SiteContext
    /// Set by ``SiteBuild/run(_:)``: pages whose fingerprint is unchanged since the last build are taken
    /// over from `Output/` instead of rendered. Nil renders every page (acceptance bundles, tests).
    var reuse: PageReuse?

    public init(templates: TemplateLibrary, site: SiteContext) {
        self.templates = templates
        self.site = site
    }

    /// Renders the layout of `frame` (a page whose body is already HTML: the manual, the search page)
    /// with the Chinese labels as `l.*`.
    func page<Frame: PageFrame>(_ frame: Frame, searchDocument: SearchDocument? = nil) throws -> SitePage {
        if let reuse {
            let print = try reuse.fingerprint(path: frame.path, language: nil, title: frame.title, input: frame)
            if let page = reuse.published(path: frame.path, fingerprint: print, title: frame.title, searchDocument: searchDocument) {
                return page
            }
        }
        var values = try TemplateValueEncoder().encode(LayoutView(site: site.view(currentPath: frame.path), page: frame))
        values["l"] = templates.labels(for: .zh)
        let html = try templates.render(values, template: Frame.layout)
        return SitePage(path: frame.path, html: html, title: frame.title, searchDocument: searchDocument)
    }

    /// Renders a report page in `language`: at `path` for Chinese, at `en/path` for English, with the fixed
    /// labels of that language as `l.*`, a link to its twin in the other language, and every string of
    /// `view` and the title passed through ``PersonalDataMask`` first — so no template can show an
    /// unmasked ID card or mobile number, whichever field it came from.
    func report<View: ReportView>(path: String, language: SiteLanguage, title: String, view: View) throws -> SitePage {
        let fullPath = language.path(path)
        if let reuse {
            let print = try reuse.fingerprint(path: fullPath, language: language, title: title, input: view)
            if let page = reuse.published(path: fullPath, fingerprint: print, title: PersonalDataMask.mask(title), searchDocument: nil) {
                return page
            }
        }
        let root = Self.rootPrefix(for: fullPath)
        let labels = templates.labels(for: language)
        var values = try TemplateValueEncoder(strings: PersonalDataMask.mask).encode(view)
        // Body links are written `{{root}}path`: for an English page they lead to the English twins.
        values["root"] = root + language.path("")
        values["siteRoot"] = root
        values["l"] = labels
        let body = try templates.render(values, template: View.template, language: language)
        let other: SiteLanguage = language == .zh ? .en : .zh
        let frame = ReportFrame(
            title: PersonalDataMask.mask(title), body: body, root: root, path: fullPath,
            alternate: AlternateLink(href: root + other.path(path), label: labels["switch_language"] ?? other.rawValue,
                                     lang: other.htmlLang))
        var layout = try TemplateValueEncoder().encode(
            LayoutView(site: site.view(currentPath: path, language: language, labels: labels), page: frame))
        layout["l"] = labels
        let html = try templates.render(layout, template: ReportFrame.layout, language: language)
        return SitePage(path: fullPath, html: html, title: frame.title)
    }

    /// `../../` for `a/b/page.html`: links stay relative so the site works from a file share or a USB stick.
    public static func rootPrefix(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
