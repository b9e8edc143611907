import Crypto
import Foundation
import Mustache
import SiteTheme

/// The Mustache templates of the site: the built-in theme, with a workspace's `Templates/` overriding
/// files one by one (Hugo's lookup order). Templates are named by their path without the extension:
/// `layouts/page`, `partials/nav`, …; partials are included as `{{> partials/nav}}`.
///
/// Mustache escapes `{{value}}` by default; a template must opt in with `{{{value}}}` for HTML the
/// generator itself produced (rendered Markdown, inline SVG charts). Ticket text never goes there.
public struct TemplateLibrary: Sendable {
    /// The templates as written (labels not substituted), parsed on first use: only
    /// ``render(_:template:)`` reads them and a site build never does (parsing them was a third of the
    /// start of an incremental build). Every template is still parsed at load, into ``localized``, so a
    /// broken one fails the build at once.
    public var library: MustacheLibrary { plain.library }
    private let plain: PlainTemplates
    /// The same templates with every plain `{{l.key}}` already replaced by that language's escaped label,
    /// so a page does not look up its fixed labels one by one (about a third of the lookups of a report
    /// page). The result is byte-identical to rendering `library` with `l` in the context, which is still
    /// passed for anything this does not replace (sections, triple mustaches).
    let localized: [SiteLanguage: MustacheLibrary]
    /// Static files of the theme (stylesheet, images), by path below `static/`.
    public let staticFiles: [String: Data]
    /// The fixed labels of the report pages by language (`i18n/labels.json`: `{"zh": {…}, "en": {…}}`);
    /// a workspace's file overrides single keys. An English label that is missing falls back to Chinese.
    public let labels: [String: [String: String]]
    /// SHA-256 of every template, label and static file (theme and workspace overrides): part of every
    /// page's fingerprint, so a changed theme renders every page again (``PageReuse``).
    let digest: Data

    /// Loads the built-in theme, then the override folder when it exists.
    public init(overrides: URL? = nil) throws {
        var templates: [String: (text: String, file: String)] = [:]
        var statics: [String: Data] = [:]
        var labels: [String: [String: String]] = [:]
        var theme: [String: String] = [:]
        for root in [SiteTheme.resourceRoot, overrides].compactMap({ $0 }) {
            try Self.collect(root: root, templates: &templates, statics: &statics)
            try Self.collectLabels(root: root, into: &labels)
            if theme.isEmpty { theme = templates.mapValues(\.text) }
        }
        if let zh = labels["zh"] {
            labels["en"] = zh.merging(labels["en"] ?? [:]) { _, english in english }
        }
        self.labels = labels
        digest = Self.digest(templates: templates.mapValues(\.text), statics: statics, labels: labels)
        plain = PlainTemplates(templates.mapValues(\.text))
        staticFiles = statics
        let sharing = SharedHeader.sharingLayouts(templates: templates.mapValues(\.text), theme: theme)
        // Both languages parsed at once (parsing was a twentieth of a rebuild in which nothing changed, and
        // every build starts with it); a broken template reports the error of the first language, as one by one.
        let languages = SiteLanguage.allCases
        let parsed = try ParallelMap.run(count: languages.count) { i -> Result<MustacheLibrary, TemplateError> in
            let table = labels[languages[i].rawValue] ?? labels["zh"] ?? [:]
            var lib = MustacheLibrary()
            for name in templates.keys.sorted() {
                let entry = templates[name]!
                do {
                    let text = Self.substituteLabels(in: entry.text, table)
                    lib.register(try MustacheTemplate(string: text), named: name)
                    if sharing.contains(name), let variant = SharedHeader.variant(of: text) {
                        lib.register(try MustacheTemplate(string: variant), named: SharedHeader.variantName(of: name))
                    }
                } catch {
                    return .failure(TemplateError.invalidTemplate(entry.file, "\(error)"))
                }
            }
            return .success(lib)
        }
        var localized: [SiteLanguage: MustacheLibrary] = [:]
        for (language, result) in zip(languages, parsed) { localized[language] = try result.get() }
        self.localized = localized
    }

    static func digest(templates: [String: String], statics: [String: Data], labels: [String: [String: String]]) -> Data {
        var hash = SHA256()
        for name in templates.keys.sorted() { hash.update(data: Data("t\0\(name)\0\(templates[name]!)\0".utf8)) }
        for name in statics.keys.sorted() {
            hash.update(data: Data("s\0\(name)\0\(statics[name]!.count)\0".utf8))
            hash.update(data: statics[name]!)
        }
        for language in labels.keys.sorted() {
            for (key, value) in labels[language]!.sorted(by: { $0.key < $1.key }) {
                hash.update(data: Data("l\0\(language)\0\(key)\0\(value)\0".utf8))
            }
        }
        return Data(hash.finalize())
    }

    /// Replaces `{{l.key}}` (exactly that form) with the escaped label; unknown keys are left for Mustache.
    static func substituteLabels(in text: String, _ table: [String: String]) -> String {
        guard text.contains("{{l.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{l.") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            if let close = after.range(of: "}}"), let value = table[String(after[..<close.lowerBound])],
               !after[..<close.lowerBound].contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) {
                out += HTMLText.escape(value)
                rest = after[close.upperBound...]
            } else {
                out += rest[open]
                rest = after
            }
        }
        return out + rest
    }

    /// Renders with the templates of `language` (labels substituted).
    func render(_ object: Any, template name: String, language: SiteLanguage) throws -> String {
        guard let lib = localized[language], lib.getTemplate(named: name) != nil,
              let html = lib.render(object, withTemplate: name) else {
            throw TemplateError.missingTemplate(name)
        }
        return html
    }

    /// Renders `values` with the layout `name` of `language` as ``render(_:template:language:)`` does, the
    /// header taken from `headers` under `headerKey` (rendered there by the first page of that key) when the
    /// layout may share it (``SharedHeader``). `headerKey` must hold everything of `values` the theme's
    /// header reads besides the site and the labels, which are one renderer's own.
    func render(_ values: [String: Any], layout name: String, language: SiteLanguage,
                headers: SharedHeader, headerKey: String) throws -> String {
        let variant = SharedHeader.variantName(of: name)
        guard let lib = localized[language], lib.getTemplate(named: variant) != nil else {
            return try render(values, template: name, language: language)
        }
        var values = values
        values[SharedHeader.valueKey] = try headers.html(key: "\(language.rawValue)\0\(headerKey)") {
            try render(values, template: SharedHeader.partial, language: language)
        }
        guard let html = lib.render(values, withTemplate: variant) else { throw TemplateError.missingTemplate(name) }
        return html
    }

    /// Renders `object` with the named template; a missing template is a build error, never an empty page.
    public func render(_ object: Any, template name: String) throws -> String {
        guard library.getTemplate(named: name) != nil, let html = library.render(object, withTemplate: name) else {
            throw TemplateError.missingTemplate(name)
        }
        return html
    }

    /// Labels of `language` (Chinese when the language is unknown).
    public func labels(for language: SiteLanguage) -> [String: String] {
        labels[language.rawValue] ?? labels["zh"] ?? [:]
    }

    private static func collectLabels(root: URL, into labels: inout [String: [String: String]]) throws {
        let url = root.appendingPathComponent("i18n/labels.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let parsed: [String: [String: String]]
        do {
            parsed = try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: url))
        } catch {
            throw TemplateError.invalidLabels(url.path, "\(error)")
        }
        for (language, table) in parsed {
            labels[language] = (labels[language] ?? [:]).merging(table) { _, override in override }
        }
    }

    private static func collect(root: URL, templates: inout [String: (text: String, file: String)],
                                statics: inout [String: Data]) throws {
        let fm = FileManager.default
        for folder in ["layouts", "partials"] {
            let dir = root.appendingPathComponent(folder)
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for file in names where file.hasSuffix(".mustache") {
                let url = dir.appendingPathComponent(file)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw TemplateError.unreadable(url.path)
                }
                templates["\(folder)/\(file.dropLast(".mustache".count))"] = (text, url.path)
            }
        }
        let staticDir = root.appendingPathComponent("static")
        if let e = fm.enumerator(atPath: staticDir.path) {
            while let rel = e.nextObject() as? String {
                var isDir: ObjCBool = false
                let url = staticDir.appendingPathComponent(rel)
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                statics[rel] = try Data(contentsOf: url)
            }
        }
    }
}

public enum TemplateError: Error, CustomStringConvertible {
    case invalidTemplate(String, String)
    case missingTemplate(String)
    case unreadable(String)
    case invalidLabels(String, String)

    public var description: String {
        switch self {
        case .invalidTemplate(let file, let reason):
            "模板语法错误 \(file): \(reason)。请修正该模板后重新运行 archive-ops build；原 Output/ 未改动。 (invalid template)"
        case .missingTemplate(let name):
            "找不到模板 \(name).mustache（内置主题和工作目录 Templates/ 中都没有）。 (missing template)"
        case .invalidLabels(let file, let reason):
            "标签文件格式错误 \(file): \(reason)。应为 {\"zh\": {键: 文字}, \"en\": {…}}；原 Output/ 未改动。 (invalid labels file)"
        case .unreadable(let file):
            "无法读取模板文件 \(file)（需要 UTF-8 编码）。 (unreadable template)"
        }
    }
}

/// The theme's templates without labels substituted, parsed once when first asked for.
private final class PlainTemplates: @unchecked Sendable {
    private let texts: [String: String]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    init(_ texts: [String: String]) { self.texts = texts }

    var library: MustacheLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        var lib = MustacheLibrary()
        // Each text parsed already (with labels substituted) when the library was loaded, so none fails here.
        for name in texts.keys.sorted() {
            if let template = try? MustacheTemplate(string: texts[name]!) { lib.register(template, named: name) }
        }
        parsed = lib
        return lib
    }
}
