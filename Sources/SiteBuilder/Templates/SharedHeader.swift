import Foundation

/// The site header (`partials/header`: brand, top navigation, search box) rendered once for all the
/// pages that show the same one, instead of once per page: on a manual of thousands of pages its eight
/// navigation links were half of the Mustache work of every page. Every manual page of one folder depth
/// shows the same header, since the theme's header reads only the page's `root` and `alternate`, the
/// site and the labels.
///
/// A layout is given a copy in which its `{{> partials/header}}` line reads `{{{sharedHeader}}}` instead,
/// and only while the header and every partial it includes are the theme's own: a workspace that
/// overrides one of them may read anything of the page there, so its pages are rendered whole as before.
/// The bytes are the same either way (`SharedHeaderTests`).
final class SharedHeader: @unchecked Sendable {
    /// The header partial every layout includes.
    static let partial = "partials/header"
    /// The key the copy of a layout reads the rendered header from.
    static let valueKey = "sharedHeader"
    private static let includeLine = "{{> \(partial)}}\n"

    private let lock = NSLock()
    private var rendered: [String: String] = [:]

    /// The name of the copy of `layout` that reads the rendered header.
    static func variantName(of layout: String) -> String { layout + "#shared-header" }

    /// The names of the layouts of `templates` that may share the header: those that include it on a line
    /// of its own, when the header and the partials it includes (transitively) are `theme`'s texts.
    static func sharingLayouts(templates: [String: String], theme: [String: String]) -> Set<String> {
        var seen: Set<String> = []
        var pending = [partial]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            guard let text = templates[name], text == theme[name] else { return [] }
            pending += includedPartials(of: text)
        }
        return Set(templates.filter { $0.key.hasPrefix("layouts/") && variant(of: $0.value) != nil }.keys)
    }

    /// `text` with its standalone `{{> partials/header}}` line read from ``valueKey`` (the partial's own
    /// last newline stands for the line's), or nil when it has no such line.
    static func variant(of text: String) -> String? {
        let replacement = "{{{\(valueKey)}}}"
        if text.hasPrefix(includeLine) { return replacement + text.dropFirst(includeLine.count) }
        guard let range = text.range(of: "\n" + includeLine) else { return nil }
        return text.replacingCharacters(in: range, with: "\n" + replacement)
    }

    /// The names in the `{{> name}}` tags of `text`.
    static func includedPartials(of text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{>") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            names.append(after[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = after[close.upperBound...]
        }
        return names
    }

    /// The header under `key` (everything the theme's header reads that differs between pages), rendered
    /// by `render` the first time it is asked for.
    func html(key: String, render: () throws -> String) rethrows -> String {
        lock.lock()
        if let html = rendered[key] {
            lock.unlock()
            return html
        }
        lock.unlock()
        let html = try render()
        lock.lock()
        rendered[key] = html
        lock.unlock()
        return html
    }
}
