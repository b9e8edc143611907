import Foundation

/// The outlines (``ManualOutline``) of the previous build's manual pages, kept beside `Output/`
/// (`.archive-ops.Output.manual-cache`) so that a rebuild checks the links of an unchanged page and places
/// it in the navigation without parsing it again. An entry's key is the SHA-256 of the page's path and
/// text, so an edited page never finds a stale outline; the file also names the generator that wrote it,
/// so a new `archive-ops` outlines every page afresh.
typealias ManualOutlineCache = CarriedOverEntries<StoredOutline>

/// An outline as stored: everything but the paths, which come from the build that reads it.
struct StoredOutline: CarriedOverEntry, Equatable {
    var matter: FrontMatter
    var anchorIDs: [String]
    var links: [ManualOutline.Link]

    static let header = "archive-ops manual outline cache 1"
    static let fileSuffix = "manual-cache"

    /// The first line of the file and the generator that wrote it: an outline made by another generator
    /// (whose anchors or link rules may differ) is not used.
    static var fileHead: [UInt8] { Array((header + "\n" + PageReuse.generatorIdentity + "\n").utf8) }

    init(matter: FrontMatter, anchorIDs: [String], links: [ManualOutline.Link]) {
        self.matter = matter
        self.anchorIDs = anchorIDs
        self.links = links
    }

    init?(from r: inout ByteReader) {
        guard let title = r.string(), let order = r.string().flatMap({ Int($0) }), let audience = r.string(),
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
        self.init(matter: FrontMatter(title: title, order: order, audience: audience, rawHTML: raw == 1), anchorIDs: anchors, links: links)
    }

    func write(to w: inout ByteWriter) {
        w.string(matter.title)
        w.string(String(matter.order))
        w.string(matter.audience); w.integer(matter.rawHTML ? 1 : 0)
        w.integer(anchorIDs.count)
        for a in anchorIDs { w.string(a) }
        w.integer(links.count)
        for l in links { w.string(l.url); w.integer(l.line); w.integer(l.isImage ? 1 : 0) }
    }
}

extension CarriedOverEntries where Entry == StoredOutline {
    /// The previous build's outline of the page whose text has `key`, kept for the next build too.
    func outline(_ key: String, sourcePath: String, displayPath: String) -> ManualOutline? {
        guard let e = reuse(key) else { return nil }
        return ManualOutline(sourcePath: sourcePath, displayPath: displayPath, matter: e.matter,
                             anchorIDs: Set(e.anchorIDs), links: e.links)
    }

    /// Remembers the outline of the page whose text has `key` for the next build.
    func keep(_ key: String, _ outline: ManualOutline) {
        keep(key, StoredOutline(matter: outline.matter, anchorIDs: outline.anchorIDs.sorted(), links: outline.links))
    }
}
