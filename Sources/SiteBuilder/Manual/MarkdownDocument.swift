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

    /// Walks the tree by cmark's node types rather than their names (making a name string for every node
    /// of every page was a large part of preparing the search text). A node an extension made or changed
    /// is judged by its name, as before: a task-list item is an item by type but named `tasklist` (and gets
    /// no trailing space), a table cell exists only as an extension.
    private static func collectText(_ node: OpaquePointer, into out: inout String) {
        let name = (cmark_node_get_syntax_extension(node) == nil ? coreName(cmark_node_get_type(node)) : nil) ?? type(node)
        switch name {
        case "text", "code", "code_block":
            out += literal(node)
        case "softbreak", "linebreak":
            out += " "
        case "html_inline", "html_block":
            break
        default:
            var child = cmark_node_first_child(node)
            while let c = child {
                collectText(c, into: &out)
                child = cmark_node_next(c)
            }
            switch name {
            case "paragraph", "heading", "table_cell", "item": out += " "
            default: break
            }
        }
    }

    /// The name `cmark_node_get_type_string` gives cmark's own node types, without asking cmark (small
    /// literals, no string made); nil for the types extensions register.
    private static func coreName(_ kind: cmark_node_type) -> String? {
        switch kind {
        case CMARK_NODE_DOCUMENT: "document"
        case CMARK_NODE_BLOCK_QUOTE: "block_quote"
        case CMARK_NODE_LIST: "list"
        case CMARK_NODE_ITEM: "item"
        case CMARK_NODE_CODE_BLOCK: "code_block"
        case CMARK_NODE_HTML_BLOCK: "html_block"
        case CMARK_NODE_CUSTOM_BLOCK: "custom_block"
        case CMARK_NODE_PARAGRAPH: "paragraph"
        case CMARK_NODE_HEADING: "heading"
        case CMARK_NODE_THEMATIC_BREAK: "thematic_break"
        case CMARK_NODE_TEXT: "text"
        case CMARK_NODE_SOFTBREAK: "softbreak"
        case CMARK_NODE_LINEBREAK: "linebreak"
        case CMARK_NODE_CODE: "code"
        case CMARK_NODE_HTML_INLINE: "html_inline"
        case CMARK_NODE_CUSTOM_INLINE: "custom_inline"
        case CMARK_NODE_EMPH: "emph"
        case CMARK_NODE_STRONG: "strong"
        case CMARK_NODE_LINK: "link"
        case CMARK_NODE_IMAGE: "image"
        default: nil
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
