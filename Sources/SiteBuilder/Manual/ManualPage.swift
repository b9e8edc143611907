import CCmarkGFM
import Foundation

/// One page of the training manual, parsed and prepared: front matter read, headings given ids,
/// admonitions boxed. Links are checked and rewritten by `ManualLinks` once every page's anchors are known.
final class ManualPage {
    /// Path below `training/`, e.g. `troubleshooting.md`.
    let sourcePath: String
    let displayPath: String
    let matter: FrontMatter
    let document: MarkdownDocument
    /// Lines before the Markdown body (the front matter), added to cmark's line numbers.
    let lineOffset: Int
    private(set) var headings: [HeadingAnchor] = []
    /// The heading blocks of the tree, to split the page into search sections.
    private var headingBlocks: [OpaquePointer: HeadingAnchor] = [:]

    /// A page whose front matter was split off (``FrontMatter/split(_:file:)``): `body` is parsed.
    init(sourcePath: String, displayPath: String, matter: FrontMatter, body: String, lineOffset: Int) {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.matter = matter
        self.lineOffset = lineOffset
        self.document = MarkdownDocument(markdown: body)
    }

    /// `manual/troubleshooting.html`: where the page lands below `Output/`.
    var outputPath: String { Self.outputPath(forSource: sourcePath) }

    static func outputPath(forSource path: String) -> String {
        "manual/" + String(path.dropLast(".md".count)) + ".html"
    }

    func fileLine(_ node: OpaquePointer) -> Int { MarkdownNode.line(node) + lineOffset }

    var anchorIDs: Set<String> { Set(headings.map(\.id)) }

    /// Gives every heading an id (from its text, or an explicit `{#id}`), made unique within the page.
    func assignHeadingAnchors() throws {
        var used: Set<String> = []
        for node in document.allNodes() where cmark_node_get_type(node) == CMARK_NODE_HEADING {
            let level = Int(cmark_node_get_heading_level(node))
            var explicit: String?
            if let last = cmark_node_last_child(node), MarkdownNode.type(last) == "text" {
                let (rest, id) = HeadingSlug.explicitID(in: MarkdownNode.literal(last))
                if let id {
                    guard HeadingSlug.isValidExplicitID(id) else {
                        throw ManualError.atLine(file: displayPath, line: fileLine(node),
                            message: "标题锚点 {#\(id)} 只能包含字母、数字、-、_ 和 .。 (invalid heading id)")
                    }
                    guard !used.contains(id) else {
                        throw ManualError.atLine(file: displayPath, line: fileLine(node),
                            message: "标题锚点 {#\(id)} 在本页重复。 (duplicate heading id)")
                    }
                    explicit = id
                    cmark_node_set_literal(last, rest)
                }
            }
            let text = MarkdownNode.plainText(node).trimmingCharacters(in: .whitespaces)
            var id = explicit ?? HeadingSlug.slug(text)
            if id.isEmpty { id = "h-\(headings.count + 1)" }
            if explicit == nil, used.contains(id) {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            used.insert(id)
            let anchor = HeadingAnchor(id: id, text: text, level: level, line: fileLine(node))
            headings.append(anchor)
            guard let block = MarkdownNode.customBlock(
                open: "<h\(level) id=\"\(HTMLText.escape(id))\">",
                close: "<a class=\"heading-anchor\" href=\"#\(HTMLText.escape(id))\" aria-label=\"本节链接\">#</a></h\(level)>")
            else { continue }
            for child in MarkdownNode.children(node) { cmark_node_append_child(block, child) }
            cmark_node_insert_before(node, block)
            document.detach(node)
            headingBlocks[block] = anchor
        }
    }

    /// Turns `> **注意** …`, `> **警告** …`, `> **提示** …` into boxed notes.
    func boxAdmonitions() {
        for node in document.allNodes() where cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE {
            guard let para = cmark_node_first_child(node), MarkdownNode.type(para) == "paragraph",
                  let strong = cmark_node_first_child(para), MarkdownNode.type(strong) == "strong",
                  let kind = Admonition(rawValue: MarkdownNode.plainText(strong).trimmingCharacters(in: .whitespaces)
                      .trimmingCharacters(in: CharacterSet(charactersIn: "：:")))
            else { continue }
            // Drop the marker and the space or line break after it.
            let after = cmark_node_next(strong)
            document.detach(strong)
            if let after {
                let t = MarkdownNode.type(after)
                if t == "softbreak" || t == "linebreak" {
                    document.detach(after)
                } else if t == "text" {
                    let rest = MarkdownNode.literal(after).drop(while: { $0 == " " || $0 == "：" || $0 == ":" })
                    cmark_node_set_literal(after, String(rest))
                }
            }
            if cmark_node_first_child(para) == nil { document.detach(para) }
            guard let box = MarkdownNode.customBlock(
                open: "<div class=\"admonition \(kind.cssClass)\">\n<p class=\"admonition-title\">\(kind.rawValue)</p>",
                close: "</div>") else { continue }
            for child in MarkdownNode.children(node) { cmark_node_append_child(box, child) }
            cmark_node_insert_before(node, box)
            document.detach(node)
        }
    }

    /// The table of contents: the h2 and h3 headings.
    var tableOfContents: [HeadingAnchor] { headings.filter { $0.level == 2 || $0.level == 3 } }

    /// The page's text in sections (one before the first h2/h3, then one per h2/h3), for the search index.
    func searchSections() -> [SearchDocument.Section] {
        var sections: [SearchDocument.Section] = [.init(anchor: "", heading: matter.title, text: "")]
        for block in MarkdownNode.children(document.root) {
            if let anchor = headingBlocks[block], anchor.level == 2 || anchor.level == 3 {
                sections.append(.init(anchor: anchor.id, heading: anchor.text, text: ""))
                continue
            }
            let text = Self.trimmed(MarkdownNode.plainText(block))
            guard !text.isEmpty else { continue }
            let i = sections.count - 1
            sections[i].text += sections[i].text.isEmpty ? text : " " + text
        }
        return sections.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }
    }

    func html() -> String { document.html(allowRawHTML: matter.rawHTML) }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)` on the string's own scalars: Foundation's
    /// version goes through `NSString` on Linux, which was a twentieth of building a large manual. (No
    /// character of the set lies outside the Basic Multilingual Plane, so scalars and UTF-16 agree.)
    static func trimmed(_ text: String) -> String {
        let set = CharacterSet.whitespacesAndNewlines
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }),
              let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Collects the page's links and images for ``ManualLinks`` and rewrites its page links for the site
    /// (`other.md#id` → `other.html#id`). The rewrite depends on the link alone, so it is made before the
    /// other pages are known; a link that turns out broken stops the build, so its rewrite is never seen.
    func outlineLinks() -> ManualOutline {
        var links: [ManualOutline.Link] = []
        for node in document.allNodes() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = MarkdownNode.url(node)
            links.append(.init(url: url, line: fileLine(node), isImage: type == CMARK_NODE_IMAGE))
            if let rewritten = ManualLinks.rewrite(url, from: sourcePath) { cmark_node_set_url(node, rewritten) }
        }
        return ManualOutline(sourcePath: sourcePath, displayPath: displayPath, matter: matter, anchorIDs: anchorIDs, links: links)
    }
}
