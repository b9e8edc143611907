import CCmarkGFM
import Foundation

/// The runnable examples of a manual page: fenced code blocks whose info string is `bash demo`.
///
/// The manuals promise that these commands work on the demo center; the test suite runs them, in order,
/// in a scratch workspace, so a changed command or output breaks the build of the project rather than a
/// trainee's first day. Found with cmark-gfm, so they are exactly the blocks a reader sees.
public enum ManualExamples {
    public struct Block: Sendable, Equatable {
        /// Line of the opening fence in the file.
        public let line: Int
        public let code: String
    }

    /// The info string that marks a runnable block.
    public static let marker = "bash demo"

    /// The `bash demo` blocks of a page (front matter included in `text`, so lines are file lines).
    public static func blocks(in text: String, file: String) throws -> [Block] {
        let (_, body, offset) = try FrontMatter.split(text, file: file)
        let document = MarkdownDocument(markdown: body)
        return document.allNodes().compactMap { node in
            guard MarkdownNode.type(node) == "code_block",
                  let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
                  info.split(separator: " ").joined(separator: " ") == marker
            else { return nil }
            return Block(line: MarkdownNode.line(node) + offset, code: MarkdownNode.literal(node))
        }
    }
}
