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
    }

    /// Depth-first order starting at `index.md`.
    let entries: [Entry]
    private let position: [String: Int]

    init(pages: [String: ManualPage]) throws {
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
                let (pa, pb) = (pages[a]!.matter, pages[b]!.matter)
                if pa.order != pb.order { return pa.order < pb.order }
                if pa.title != pb.title { return pa.title < pb.title }
                return a < b
            }
        }
        var list: [Entry] = []
        func visit(_ path: String, depth: Int, parent: String?) {
            list.append(Entry(path: path, title: pages[path]!.matter.title, depth: depth, parent: parent))
            for child in children[path] ?? [] { visit(child, depth: depth + 1, parent: path) }
        }
        visit("index.md", depth: 0, parent: nil)
        entries = list
        position = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.path, $0) })
    }

    /// The folder's `index.md` above `path`, or the nearest one further up.
    static func parent(of path: String, in pages: [String: ManualPage]) -> String {
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

    /// The side navigation of `path`: the top level, and the children of every page on the trail. A
    /// 2,000-page manual thus shows tens of entries per page, not all 2,000.
    func sidebar(for path: String) -> [Entry] {
        let open = Set(trail(to: path))
        return entries.filter { entry in
            entry.parent == nil || open.contains(entry.parent!) 
        }
    }
}
