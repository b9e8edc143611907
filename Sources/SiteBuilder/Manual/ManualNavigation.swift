import Foundation

/// The reading order of the manual: a tree in which each folder's `index.md` heads the pages of that
/// folder, siblings sorted by their front-matter `order` (then title), and the depth-first walk of that
/// tree giving every page its previous (上一页) and next (下一页) page.
struct ManualNavigation {
    struct Entry: Equatable {
        let path: String
        let title: String
        let depth: Int
        let parent: String?
        /// The page's path below `Output/` and its title, escaped for HTML once: every page of its section
        /// lists them in its side navigation.
        let htmlPath: String
        let htmlTitle: String

        init(path: String, title: String, depth: Int, parent: String?) {
            self.path = path
            self.title = title
            self.depth = depth
            self.parent = parent
            htmlPath = HTMLText.escape(ManualPage.outputPath(forSource: path))
            htmlTitle = HTMLText.escape(title)
        }
    }

    /// Depth-first order starting at `index.md`.
    let entries: [Entry]
    private let position: [String: Int]
    private let childrenByParent: [String: [Entry]]

    /// The navigation of the pages whose front matter is `pages` (by source path).
    init(pages: [String: FrontMatter]) throws {
        guard pages["index.md"] != nil else {
            throw ManualError.inFile(file: "Content/training/index.md",
                message: "培训手册缺少首页 index.md。 (the manual needs an index.md)")
        }
        var children: [String: [String]] = [:]
        for path in pages.keys where path != "index.md" {
            children[Self.parent(of: path, in: pages), default: []].append(path)
        }
        for key in children.keys {
            children[key]!.sort { a, b in
                let (pa, pb) = (pages[a]!, pages[b]!)
                if pa.order != pb.order { return pa.order < pb.order }
                if pa.title != pb.title { return pa.title < pb.title }
                return a < b
            }
        }
        var list: [Entry] = []
        func visit(_ path: String, depth: Int, parent: String?) {
            list.append(Entry(path: path, title: pages[path]!.title, depth: depth, parent: parent))
            for child in children[path] ?? [] { visit(child, depth: depth + 1, parent: path) }
        }
        visit("index.md", depth: 0, parent: nil)
        entries = list
        position = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.path, $0) })
        childrenByParent = Dictionary(grouping: list.dropFirst(), by: { $0.parent! })
    }

    /// The folder's `index.md` above `path`, or the nearest one further up.
    static func parent(of path: String, in pages: [String: FrontMatter]) -> String {
        var folders = path.split(separator: "/").dropLast().map(String.init)
        if path.hasSuffix("/index.md") || path == "index.md" { folders = Array(folders.dropLast()) }
        while !folders.isEmpty {
            let candidate = folders.joined(separator: "/") + "/index.md"
            if pages[candidate] != nil, candidate != path { return candidate }
            folders.removeLast()
        }
        return "index.md"
    }

    func previous(of path: String) -> Entry? {
        guard let i = position[path], i > 0 else { return nil }
        return entries[i - 1]
    }

    func next(of path: String) -> Entry? {
        guard let i = position[path], i + 1 < entries.count else { return nil }
        return entries[i + 1]
    }

    /// The pages from the top down to `path` (the trail shown open in the side navigation).
    func trail(to path: String) -> [String] {
        var trail: [String] = []
        var current: String? = path
        while let p = current, let i = position[p] {
            trail.insert(p, at: 0)
            current = entries[i].parent
        }
        return trail
    }

    /// At most this many pages of one folder are listed in the side navigation; a larger folder shows a
    /// window around the current page and links to its index page, which lists them all.
    static let groupLimit = 25

    /// One line of the side navigation: a page (marked when it heads pages of its own that are folded
    /// away) or a "… N more" line standing for the pages of a large folder left out of the window.
    enum SidebarItem: Equatable {
        case page(Entry, hasChildren: Bool)
        case more(count: Int, depth: Int, section: String)
    }

    /// The pages directly below `path`, in reading order.
    func children(of path: String) -> [Entry] { childrenByParent[path] ?? [] }

    /// The side navigation of `path`, pruned as MkDocs Material's `navigation.prune` does: the top level,
    /// and the pages of every section on the trail to `path`; every other section is folded to its own
    /// line. A folder of more than ``groupLimit`` pages shows a window around the trail, so the navigation
    /// of a page stays bounded however large the manual grows (a 2,000-page folder gave every page a
    /// 2,000-line sidebar, 227 KB each).
    func sidebar(for path: String) -> [SidebarItem] {
        let trail = trail(to: path)
        let open = Set(trail)
        var items: [SidebarItem] = []
        func add(_ entry: Entry) {
            let below = children(of: entry.path)
            items.append(.page(entry, hasChildren: !below.isEmpty))
            guard open.contains(entry.path), !below.isEmpty else { return }
            let window = Self.window(count: below.count, around: below.firstIndex { open.contains($0.path) })
            if window.lowerBound > 0 {
                items.append(.more(count: window.lowerBound, depth: entry.depth + 1, section: entry.path))
            }
            for child in below[window] { add(child) }
            if window.upperBound < below.count {
                items.append(.more(count: below.count - window.upperBound, depth: entry.depth + 1, section: entry.path))
            }
        }
        add(entries[0])
        return items
    }

    /// The positions of a folder's pages that are listed: all of them up to ``groupLimit``, otherwise
    /// ``groupLimit`` of them with the trail's page (or the first page) placed near the middle.
    static func window(count: Int, around current: Int?) -> Range<Int> {
        guard count > groupLimit else { return 0..<count }
        let start = min(max(0, (current ?? 0) - groupLimit / 2), count - groupLimit)
        return start..<(start + groupLimit)
    }
}
