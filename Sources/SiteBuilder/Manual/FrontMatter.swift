import Foundation
import Yams

/// The YAML header of a manual page, between two `---` lines:
///
/// ```
/// ---
/// title: 安装与部署        # required
/// order: 20               # position among its siblings (smaller first)
/// audience: 运维人员       # 全体 / 运维人员 / 业务人员 / 新员工
/// raw_html: true          # optional: let raw HTML in this page through
/// ---
/// ```
public struct FrontMatter: Sendable, Equatable {
    public var title: String
    public var order: Int
    public var audience: String
    public var rawHTML: Bool

    public init(title: String, order: Int = 1000, audience: String = "全体", rawHTML: Bool = false) {
        self.title = title; self.order = order; self.audience = audience; self.rawHTML = rawHTML
    }

    /// Splits `text` into its front matter and the Markdown body. `bodyLineOffset` is the number of lines
    /// before the body, so a body line n is file line n + offset.
    static func split(_ text: String, file: String) throws -> (FrontMatter, body: String, bodyLineOffset: Int) {
        // Walk the lines only as far as the closing `---`: the body may be long and is handed on as is.
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        func nextLine() -> Substring? {
            guard !rest.isEmpty else { return nil }
            if let newline = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                let line = rest[..<newline]
                rest = rest[rest.index(after: newline)...]
                return line
            }
            defer { rest = rest[rest.endIndex...] }
            return rest
        }
        // Files saved on Windows end lines with CR LF; the CR belongs to the line break, not to the text.
        func isFence(_ line: Substring) -> Bool { line.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }
        guard let first = nextLine(), isFence(first) else {
            throw ManualError.atLine(file: file, line: 1,
                message: "缺少文件头（第一行应为 ---，随后是 title 等字段，再以 --- 结束）。 (missing front matter)")
        }
        var yamlLines: [Substring] = []
        while true {
            guard let line = nextLine() else {
                throw ManualError.atLine(file: file, line: 1,
                    message: "文件头没有结束行 ---。请在字段之后加一行 ---。 (front matter is not closed)")
            }
            if isFence(line) { break }
            yamlLines.append(line.hasSuffix("\r") ? line.dropLast() : line)
        }
        let matter = try parse(yaml: yamlLines.joined(separator: "\n"), file: file, firstLine: 2)
        return (matter, String(rest), yamlLines.count + 2)
    }

    /// Reads the YAML mapping; `firstLine` is the file line of the YAML's first line.
    static func parse(yaml: String, file: String, firstLine: Int) throws -> FrontMatter {
        func fail(_ line: Int, _ message: String) -> ManualError {
            .atLine(file: file, line: line, message: message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw fail(firstLine + Self.line(of: error), "文件头不是有效的 YAML：\(Self.problem(of: error))。 (invalid YAML front matter)")
        } catch {
            throw fail(firstLine, "文件头不是有效的 YAML：\(error)。 (invalid YAML front matter)")
        }
        guard let mapping = node?.mapping else {
            throw fail(firstLine, "文件头应为“字段: 值”形式，至少包含 title。 (front matter must be a mapping with a title)")
        }
        var title: String?
        var matter = FrontMatter(title: "")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            switch key {
            case "title":
                guard value.scalar != nil, let t = value.string?.trimmingCharacters(in: .whitespaces), !t.isEmpty else {
                    throw fail(line, "title 必须是非空文字。 (title must be non-empty text)")
                }
                title = t
            case "order":
                guard value.scalar != nil, let n = value.int else {
                    throw fail(line, "order 必须是整数，当前为“\(value.string ?? "?")”。 (order must be an integer)")
                }
                matter.order = n
            case "audience":
                guard value.scalar != nil, let a = value.string?.trimmingCharacters(in: .whitespaces), !a.isEmpty else {
                    throw fail(line, "audience 必须是文字，例如 全体、运维人员、业务人员、新员工。 (audience must be text)")
                }
                matter.audience = a
            case "raw_html":
                guard value.scalar != nil, let b = value.bool else {
                    throw fail(line, "raw_html 只能是 true 或 false。 (raw_html must be true or false)")
                }
                matter.rawHTML = b
            default:
                throw fail(line, "未知字段“\(key)”；可用字段: title、order、audience、raw_html。 (unknown front matter key)")
            }
        }
        guard let title else {
            throw fail(firstLine, "文件头缺少 title（页面标题）。 (front matter needs a title)")
        }
        matter.title = title
        return matter
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return max(mark.line - 1, 0)
        default:
            return 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
