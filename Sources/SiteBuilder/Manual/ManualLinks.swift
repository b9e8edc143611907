import Foundation

/// Checks every link and image of the manual at build time and rewrites page links for the site.
///
/// - `other.md`, `other.md#anchor`, `#anchor`: the page must exist, and the anchor must be a heading id
///   of that page; `.md` becomes `.html`.
/// - `images/x.svg`, `files/x.timer`: the file must exist beside the Markdown (it is copied with the pages).
/// - `https://…`, `mailto:…`: left alone (the site is read offline, so the manuals rarely need them).
/// A link may not leave the manual folder or start with `/`: the site must work from any folder.
struct ManualLinks {
    /// Pages by source path (`install.md`).
    let pages: [String: ManualOutline]
    /// Images and attachments by source path.
    let assets: Set<String>

    /// Checks the links of `page`; returns every problem found (empty when all is well). The page's
    /// own links were rewritten when it was rendered (``ManualPage/outlineLinks()``, ``rewrite(_:from:)``).
    func resolve(in page: ManualOutline) -> [ManualError] {
        var errors: [ManualError] = []
        for link in page.links {
            if case .broken(let message) = check(link.url, from: page, isImage: link.isImage) {
                errors.append(.atLine(file: page.displayPath, line: link.line, message: message))
            }
        }
        return errors
    }

    enum Outcome: Equatable {
        case keep
        case rewrite(String)
        case broken(String)
    }

    func check(_ url: String, from page: ManualOutline, isImage: Bool) -> Outcome {
        let what = isImage ? "图片" : "链接"
        if url.isEmpty { return .broken("\(what)地址为空。 (empty link)") }
        if Self.hasScheme(url) {
            return isImage ? .broken("图片“\(url)”不在本地：离线站点只能使用与手册放在一起的图片。 (images must be local files)") : .keep
        }
        if url.hasPrefix("/") {
            return .broken("\(what)“\(url)”以 / 开头；请使用相对路径，站点才能从任意目录打开。 (use relative links)")
        }
        let (pathPart, fragment) = Self.splitFragment(url)
        let decodedFragment = fragment.flatMap { $0.removingPercentEncoding ?? $0 }
        if pathPart.isEmpty {
            guard let anchor = decodedFragment, page.anchorIDs.contains(anchor) else {
                return .broken("本页没有锚点“#\(decodedFragment ?? "")”。可用锚点: \(Self.list(page.anchorIDs))。 (no such anchor)")
            }
            return .keep
        }
        let decodedPath = pathPart.removingPercentEncoding ?? pathPart
        guard let target = Self.resolve(decodedPath, relativeTo: page.sourcePath) else {
            return .broken("\(what)“\(url)”指向培训手册目录之外。 (link leaves the manual folder)")
        }
        if target.hasSuffix(".md") || target.hasSuffix(".html") {
            let source = target.hasSuffix(".html") ? String(target.dropLast(".html".count)) + ".md" : target
            guard let targetPage = pages[source] else {
                return .broken("\(what)“\(url)”指向的页面 \(source) 不存在。 (broken link: no such page)")
            }
            if let anchor = decodedFragment, !targetPage.anchorIDs.contains(anchor) {
                return .broken("页面 \(source) 中没有锚点“#\(anchor)”。可用锚点: \(Self.list(targetPage.anchorIDs))。 (broken link: no such anchor)")
            }
            return .rewrite(Self.siteLink(pathPart, fragment))
        }
        guard assets.contains(target) else {
            return .broken("\(isImage ? "图片" : "附件")“\(url)”不存在（应在 training/\(target)）。 (missing \(isImage ? "image" : "attachment"))")
        }
        return .keep
    }

    /// What a link to a page becomes on the site (`a/b.md#id` → `a/b.html#id`), for any link that
    /// ``check(_:from:isImage:)`` would rewrite if its target exists; nil for the links it keeps. Depends on
    /// the link alone, so a page is rendered before the other pages are known.
    static func rewrite(_ url: String, from source: String) -> String? {
        guard !url.isEmpty, !hasScheme(url), !url.hasPrefix("/") else { return nil }
        let (pathPart, fragment) = splitFragment(url)
        guard !pathPart.isEmpty, let target = resolve(pathPart.removingPercentEncoding ?? pathPart, relativeTo: source),
              target.hasSuffix(".md") || target.hasSuffix(".html") else { return nil }
        return siteLink(pathPart, fragment)
    }

    /// `b.md` → `b.html`, `b.html` as it is; the fragment kept as written.
    private static func siteLink(_ pathPart: String, _ fragment: String?) -> String {
        let html = String(pathPart.dropLast(pathPart.hasSuffix(".md") ? ".md".count : 0)) + (pathPart.hasSuffix(".md") ? ".html" : "")
        return html + (fragment.map { "#" + $0 } ?? "")
    }

    /// `../a/b.md` from `x/y.md` → `a/b.md`; nil when it climbs above `training/`.
    static func resolve(_ path: String, relativeTo source: String) -> String? {
        var parts = source.split(separator: "/").dropLast().map(String.init)
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }

    private static func list(_ ids: Set<String>) -> String {
        let sorted = ids.sorted()
        if sorted.isEmpty { return "（无）" }
        return sorted.prefix(12).joined(separator: "、") + (sorted.count > 12 ? " …" : "")
    }
}
