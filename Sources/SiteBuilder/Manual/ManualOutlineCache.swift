import Foundation

/// The outlines (``ManualOutline``) of the previous build's manual pages, kept beside `Output/`
/// (`.archive-ops.Output.manual-cache`) so that a rebuild checks the links of an unchanged page and places
/// it in the navigation without parsing it again. An entry's key is the SHA-256 of the page's path and
/// text, so an edited page never finds a stale outline; the file also names the generator that wrote it,
/// so a new `archive-ops` outlines every page afresh. Like the other caches it is only a hint: a missing or
/// damaged file is ignored and every page parsed.
final class ManualOutlineCache: @unchecked Sendable {
    /// An outline as stored: everything but the paths, which come from the build that reads it.
    struct Entry: Sendable, Equatable {
        var matter: FrontMatter
        var anchorIDs: [String]
        var links: [ManualOutline.Link]
    }

    private let previousEntries: [String: Entry]
    private var current: [String: Entry] = [:]
    private let lock = NSLock()

    static let header = "archive-ops manual outline cache 1"

    init(previous: [String: Entry] = [:]) { previousEntries = previous }

    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".archive-ops.\(output.lastPathComponent).manual-cache")
    }

    /// The previous build's outline of the page whose text has `key`, kept for the next build too.
    func outline(_ key: String, sourcePath: String, displayPath: String) -> ManualOutline? {
        guard let e = previousEntries[key] else { return nil }
        keep(key, e)
        return ManualOutline(sourcePath: sourcePath, displayPath: displayPath, matter: e.matter,
                             anchorIDs: Set(e.anchorIDs), links: e.links)
    }

    /// Remembers the outline of the page whose text has `key` for the next build.
    func keep(_ key: String, _ outline: ManualOutline) {
        keep(key, Entry(matter: outline.matter, anchorIDs: outline.anchorIDs.sorted(), links: outline.links))
    }

    private func keep(_ key: String, _ e: Entry) {
        lock.lock()
        current[key] = e
        lock.unlock()
    }

    /// The first line of the file and the generator that wrote it: an outline made by another generator
    /// (whose anchors or link rules may differ) is not used.
    private static var fileHead: [UInt8] { Array((header + "\n" + PageReuse.generatorIdentity + "\n").utf8) }

    /// Reads the cache at `url`; nil when it is missing, damaged, of another format or another generator.
    static func read(from url: URL) -> ManualOutlineCache? {
        guard var r = SealedCacheFile.open(url, head: fileHead) else { return nil }
        var entries: [String: Entry] = [:]
        guard let count = r.integer() else { return nil }
        for _ in 0..<count {
            guard let key = r.string(), let title = r.string(), let order = r.string().flatMap({ Int($0) }), let audience = r.string(),
                  let raw = r.integer(), let anchorCount = r.integer() else { return nil }
            var anchors: [String] = []
            for _ in 0..<anchorCount {
                guard let a = r.string() else { return nil }
                anchors.append(a)
            }
            guard let linkCount = r.integer() else { return nil }
            var links: [ManualOutline.Link] = []
            for _ in 0..<linkCount {
                guard let u = r.string(), let line = r.integer(), let image = r.integer() else { return nil }
                links.append(.init(url: u, line: line, isImage: image == 1))
            }
            // The order is written as text: the integer fields are unsigned and an order may be negative.
            let matter = FrontMatter(title: title, order: order, audience: audience, rawHTML: raw == 1)
            entries[key] = Entry(matter: matter, anchorIDs: anchors, links: links)
        }
        guard r.atEnd else { return nil }
        return ManualOutlineCache(previous: entries)
    }

    /// Writes the outlines of this build's pages (only those) under a temporary name and renames it into place.
    func write(to url: URL) throws {
        lock.lock()
        let entries = current
        lock.unlock()
        var w = ByteWriter(head: Self.fileHead)
        w.integer(entries.count)
        for key in entries.keys.sorted() {
            let e = entries[key]!
            w.string(key); w.string(e.matter.title)
            w.string(String(e.matter.order))
            w.string(e.matter.audience); w.integer(e.matter.rawHTML ? 1 : 0)
            w.integer(e.anchorIDs.count)
            for a in e.anchorIDs { w.string(a) }
            w.integer(e.links.count)
            for l in e.links { w.string(l.url); w.integer(l.line); w.integer(l.isImage ? 1 : 0) }
        }
        try SealedCacheFile.write(w, to: url)
    }
}
