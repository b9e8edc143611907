import Foundation

/// Wraps a page body in the site layout. Every generated HTML page goes through here, so the header,
/// navigation, stylesheet link and footer are the same everywhere.
public struct PageRenderer: Sendable {
    public let templates: TemplateLibrary
    public let site: SiteContext

    public init(templates: TemplateLibrary, site: SiteContext) {
        self.templates = templates
        self.site = site
    }

    /// Renders a page at `path` (below Output/) with `title` and an already-rendered HTML `body`.
    /// `extra` adds page values for layouts that want them.
    public func page(path: String, title: String, body: String, layout: String = "layouts/page",
                     extra: [String: Any] = [:]) throws -> SitePage {
        var page: [String: Any] = ["title": title, "body": body, "root": Self.rootPrefix(for: path), "path": path]
        for (k, v) in extra { page[k] = v }
        let html = try templates.render(["site": site.templateValue(currentPath: path), "page": page], template: layout)
        return SitePage(path: path, html: html)
    }

    /// Renders a body template (e.g. `layouts/ticket`) with `values`, then wraps it in the layout.
    public func page(path: String, title: String, bodyTemplate: String, values: [String: Any]) throws -> SitePage {
        var v = values
        v["root"] = Self.rootPrefix(for: path)
        let body = try templates.render(v, template: bodyTemplate)
        return try page(path: path, title: title, body: body)
    }

    /// `../../` for `a/b/page.html`: links stay relative so the site works from a file share or a USB stick.
    public static func rootPrefix(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
