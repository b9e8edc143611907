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
        let html = try templates.render(["site": site.templateValue(currentPath: path), "page": page,
                                         "l": templates.labels(for: .zh)], template: layout)
        return SitePage(path: path, html: html)
    }

    /// Renders a body template (e.g. `layouts/ticket`) with `values`, then wraps it in the layout.
    public func page(path: String, title: String, bodyTemplate: String, values: [String: Any]) throws -> SitePage {
        var v = values
        v["root"] = Self.rootPrefix(for: path)
        let body = try templates.render(v, template: bodyTemplate)
        return try page(path: path, title: title, body: body)
    }

    /// Renders a report page in `language`: at `path` for Chinese, at `en/path` for English, with the fixed
    /// labels of that language as `l.*`, a link to its twin in the other language, and every string of
    /// `values` and the title passed through ``PersonalDataMask`` first — so no template can show an
    /// unmasked ID card or mobile number, whichever field it came from.
    public func report(path: String, language: SiteLanguage, title: String, bodyTemplate: String,
                       values: [String: Any]) throws -> SitePage {
        let fullPath = language.path(path)
        let root = Self.rootPrefix(for: fullPath)
        let labels = templates.labels(for: language)
        var v = MaskedValues.apply(values) as? [String: Any] ?? [:]
        // Body links are written `{{root}}path`: for an English page they lead to the English twins.
        v["root"] = root + language.path("")
        v["siteRoot"] = root
        v["l"] = labels
        let body = try templates.render(v, template: bodyTemplate, language: language)
        let other: SiteLanguage = language == .zh ? .en : .zh
        let page: [String: Any] = [
            "title": PersonalDataMask.mask(title), "body": body, "root": root, "path": fullPath,
            "alternate": ["href": root + other.path(path), "label": labels["switch_language"] ?? other.rawValue,
                          "lang": other.htmlLang],
        ]
        let html = try templates.render(["site": site.templateValue(currentPath: path, language: language, labels: labels),
                                         "page": page, "l": labels], template: "layouts/page", language: language)
        return SitePage(path: fullPath, html: html)
    }

    /// `../../` for `a/b/page.html`: links stay relative so the site works from a file share or a USB stick.
    public static func rootPrefix(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

/// Applies ``PersonalDataMask`` to every string inside a template value (dictionaries and arrays walked).
enum MaskedValues {
    static func apply(_ value: Any) -> Any {
        switch value {
        case let s as String: return PersonalDataMask.mask(s)
        case let d as [String: Any]: return d.mapValues(apply)
        case let a as [[String: Any]]: return a.map { $0.mapValues(apply) }
        case let a as [Any]: return a.map(apply)
        default: return value
        }
    }
}
