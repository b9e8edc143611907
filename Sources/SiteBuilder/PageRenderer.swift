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
    /// The site header of the manual and search pages, rendered once per root (``SharedHeader``).
    private let headers = SharedHeader()

    public init(templates: TemplateLibrary, site: SiteContext) {
        self.templates = templates
        self.site = site
    }

    /// Renders the layout of `frame` (a page whose body is already HTML: the manual, the search page)
    /// with the Chinese labels as `l.*`.
    func page<Frame: PageFrame>(_ frame: Frame, searchDocument: SearchDocument? = nil) throws -> SitePage {
        try page(frame, searchDocument: searchDocument, inputKey: nil)
    }

    /// A page of `Frame`'s layout whose frame (and search document) is made only when the page cannot be
    /// taken over: `inputs` are what the frame is made from (for the manual, the page's Markdown and its
    /// place in the navigation); when their key equals the previous build's, the published page stands and
    /// its search document comes from the search cache. ``PageReuse/verifiesInputKeys`` checks the key.
    func page<Frame: PageFrame, Inputs: Encodable>(
        path: String, title: String, inputs: Inputs, frame: () throws -> (Frame, SearchDocument?)
    ) throws -> SitePage {
        var key: String?
        if let reuse {
            let inputKey = try reuse.inputKey(path: path, language: nil, title: title, viewType: Frame.self, inputs: inputs)
            key = inputKey
            if let page = reuse.published(path: path, inputKey: inputKey, title: title, searchable: true) {
                guard PageReuse.verifiesInputKeys else { return page }
                let made = try frame().0
                let print = try reuse.fingerprint(path: path, language: nil, title: made.title, input: made)
                guard print == reuse.previousFingerprint(path: path) else { throw PageInputsError.incompleteKey(path) }
                return page
            }
        }
        let (made, search) = try frame()
        return try page(made, searchDocument: search, inputKey: key)
    }

    private func page<Frame: PageFrame>(_ frame: Frame, searchDocument: SearchDocument?, inputKey: String?) throws -> SitePage {
        if let reuse {
            let print = try reuse.fingerprint(path: frame.path, language: nil, title: frame.title, input: frame)
            if let page = reuse.published(path: frame.path, fingerprint: print, inputKey: inputKey, title: frame.title,
                                          searchDocument: searchDocument) {
                return page
            }
        }
        var values = try TemplateValueEncoder().encode(LayoutView(site: site.view(currentPath: frame.path), page: frame))
        values["l"] = templates.labels(for: .zh)
        // The Chinese templates with their fixed labels already in place, as the report pages use them; the
        // header is rendered once per root, current navigation entry and twin link (what the theme's reads).
        let current = site.nav.firstIndex { $0.href == frame.path } ?? -1
        let alternate = frame.alternate.map { "\($0.href)\0\($0.label)\0\($0.lang)" } ?? "-"
        let html = try templates.render(values, layout: Frame.layout, language: .zh, headers: headers,
                                        headerKey: "\(frame.root)\0\(current)\0\(alternate)")
        return try staged(SitePage(path: frame.path, html: html, title: frame.title, searchDocument: searchDocument))
    }

    /// Renders a report page in `language`: at `path` for Chinese, at `en/path` for English, with the fixed
    /// labels of that language as `l.*`, a link to its twin in the other language, and every string of
    /// `view` and the title passed through ``PersonalDataMask`` first — so no template can show an
    /// unmasked ID card or mobile number, whichever field it came from.
    func report<View: ReportView>(path: String, language: SiteLanguage, title: String, view: View) throws -> SitePage {
        try report(path: path, language: language, title: title, view: view, inputKey: nil)
    }

    /// A report page whose view is computed only when the page cannot be taken over: `inputs` are the
    /// store's rows the view is made from (every one of them — ``PageReuse/verifiesInputKeys`` checks it in
    /// the tests); when their key equals the previous build's, the published page stands without its view
    /// being computed. `search` makes the page's search document from the view (the document of a page
    /// taken over comes from the search cache).
    func report<View: ReportView, Inputs: Encodable>(
        path: String, language: SiteLanguage, title: String, inputs: Inputs,
        search: ((View, SitePage) -> SearchDocument)? = nil, view: () throws -> View
    ) throws -> SitePage {
        var key: String?
        if let reuse {
            let fullPath = language.path(path)
            let inputKey = try reuse.inputKey(path: fullPath, language: language, title: title, viewType: View.self, inputs: inputs)
            key = inputKey
            if let page = reuse.published(path: fullPath, inputKey: inputKey, title: PersonalDataMask.mask(title),
                                          searchable: search != nil) {
                guard PageReuse.verifiesInputKeys else { return page }
                let print = try reuse.fingerprint(path: fullPath, language: language, title: title, input: try view())
                guard print == reuse.previousFingerprint(path: fullPath) else { throw PageInputsError.incompleteKey(fullPath) }
                return page
            }
        }
        let v = try view()
        var page = try report(path: path, language: language, title: title, view: v, inputKey: key)
        if let search { page.searchDocument = search(v, page) }
        return page
    }

    private func report<View: ReportView>(path: String, language: SiteLanguage, title: String, view: View,
                                          inputKey: String?) throws -> SitePage {
        let fullPath = language.path(path)
        if let reuse {
            let print = try reuse.fingerprint(path: fullPath, language: language, title: title, input: view)
            if let page = reuse.published(path: fullPath, fingerprint: print, inputKey: inputKey,
                                          title: PersonalDataMask.mask(title), searchDocument: nil) {
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
        return try staged(SitePage(path: fullPath, html: html, title: frame.title))
    }

    /// A page just rendered, written into the build's staging folder when the build has one (its bytes
    /// then leave memory at once, see ``PageStaging``).
    private func staged(_ page: SitePage) throws -> SitePage {
        guard let staging = reuse?.staging else { return page }
        return try staging.stage(page)
    }

    /// `../../` for `a/b/page.html`: links stay relative so the site works from a file share or a USB stick.
    public static func rootPrefix(for path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

/// A page's input key left out something its view depends on: the key matched the previous build's but
/// the view computed from the same key differs (raised only when ``PageReuse/verifiesInputKeys`` is on).
enum PageInputsError: Error, CustomStringConvertible {
    case incompleteKey(String)

    var description: String {
        switch self {
        case .incompleteKey(let path):
            "页面 \(path) 的输入指纹不完整：输入相同但内容不同（生成器错误，请报告；删除 Output/ 旁的 .build-cache 文件可完整重建）。"
                + " (incomplete page input key)"
        }
    }
}
