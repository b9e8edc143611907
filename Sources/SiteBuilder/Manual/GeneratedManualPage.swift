import Foundation

/// A manual page made from the code rather than written by hand: the check catalogue (from the engine's
/// check definitions) and the command reference (from the CLI's own help). It is Markdown with front
/// matter like any page in `Content/training/`, so it goes through the same rendering, link checking,
/// navigation and search.
public struct GeneratedManualPage: Sendable, Equatable {
    /// Path below `training/`, e.g. `commands/build.md`.
    public var path: String
    public var markdown: String
    /// Where it came from, for error messages (e.g. "archive-ops 帮助").
    public var origin: String

    public init(path: String, markdown: String, origin: String) {
        self.path = path; self.markdown = markdown; self.origin = origin
    }
}

/// Markdown helpers for generated pages: text from the code must not turn into markup by accident.
public enum MarkdownText {
    /// Escapes the characters that would start Markdown or HTML syntax in running text.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>|#~!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Front matter for a generated page; the title is quoted so any text is valid YAML.
    public static func frontMatter(title: String, order: Int, audience: String) -> String {
        let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "---\ntitle: \"\(quoted)\"\norder: \(order)\naudience: \(audience)\n---\n\n"
    }
}
