import CCmarkGFM
import Foundation

/// One Markdown file parsed by cmark-gfm with the GitHub extensions the manuals use (tables, task lists,
/// strikethrough, autolinks), source positions kept so that every error can name its line.
///
/// The manual builder edits the tree before rendering (heading ids, admonition boxes, rewritten links).
/// cmark keeps the text of inline nodes inside the buffer of the block that was parsed, so a node taken out
/// of the tree must outlive the rendering: `detach(_:)` keeps it until the document is freed.
final class MarkdownDocument {
    private let parser: OpaquePointer
    let root: OpaquePointer
    private var detached: [OpaquePointer] = []

    /// The extensions of GitHub Flavored Markdown the manuals may use.
    static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

    /// Held while a document is parsed. cmark-gfm keeps the table of special inline characters in a
    /// global: each parse adds its extensions' characters (`~` of strikethrough, `:` `w` of autolinks)
    /// when it starts its inlines and removes them when it ends, so a page parsed while another finishes
    /// loses its strikethrough and links (seen as a manual page differing between two builds; upstream
    /// github/cmark-gfm pull request 176 is still open). The parse is a small part of a page's cost, so
    /// pages are still rendered on every core, only parsed one at a time.
    private static let parseLock = NSLock()

    init(markdown: String) {
        let bytes = Array(markdown.utf8)
        (parser, root) = Self.parseLock.withLock {
            cmark_gfm_core_extensions_ensure_registered()
            let parser: OpaquePointer = cmark_parser_new(CMARK_OPT_SOURCEPOS)
            for name in Self.extensionNames {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress.map {
                    $0.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parser_feed(parser, $0, buf.count) }
                }
            }
            return (parser, cmark_parser_finish(parser))
        }
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
        cmark_parser_free(parser)
    }

    /// Takes `node` out of the tree but keeps its memory until the document goes away.
    func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    /// HTML of the whole document. Raw HTML in the Markdown comes out as `<!-- raw HTML omitted -->`
    /// unless `allowRawHTML` (the page's `raw_html: true`).
    func html(allowRawHTML: Bool) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let c = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(c) }
        return String(cString: c)
    }

    /// Every node in document order (entering events only), collected first so the tree may be edited
    /// while the list is walked.
    func allNodes() -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        guard let iter = cmark_iter_new(root) else { return nodes }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) { nodes.append(node) }
        }
        return nodes
    }
}

/// Small conveniences over the cmark C API, named after what the manual builder asks of a node.
enum MarkdownNode {
    static func type(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child { result.append(c); child = cmark_node_next(c) }
        return result
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    static func line(_ node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node))
    }

    /// The text a reader sees in `node` (headings, paragraphs, table cells), line breaks as spaces.
    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        collectText(node, into: &out)
        return out
    }

    private static func collectText(_ node: OpaquePointer, into out: inout String) {
        switch type(node) {
        case "text", "code", "code_block":
            out += literal(node)
        case "softbreak", "linebreak":
            out += " "
        case "html_inline", "html_block":
            break
        default:
            for child in children(node) { collectText(child, into: &out) }
            if ["paragraph", "heading", "table_cell", "item", "code_block"].contains(type(node)) { out += " " }
        }
    }

    /// A new block that renders as `open` … children … `close`. cmark writes it even in safe mode, which
    /// is right: it carries markup the generator made, never text from the page.
    static func customBlock(open: String, close: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(node, open)
        cmark_node_set_on_exit(node, close)
        return node
    }
}
