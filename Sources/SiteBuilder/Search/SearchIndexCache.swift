import Crypto
import Foundation

/// A document as the index files need it: masked url and title, its sections cut for the excerpts, and
/// its terms with their scores. Making it (masking, normalising and cutting the text into terms) was most
/// of the indexer's work, and it depends on the document alone, so ``SearchIndexCache`` keeps it between
/// builds.
struct IndexedDocument: Sendable, Equatable {
    /// The unmasked url: documents are numbered in its order.
    var order: String
    var url: String
    var title: String
    /// `[anchor, heading, excerpt]` of each section, masked.
    var sections: [[String]]
    /// Every term of the document with its score (``SiteSearch/postings(of:numbers:)``), in term order.
    var terms: [Term]

    struct Term: Sendable, Equatable {
        var term: String
        var score: Int
    }

    /// Score of a term in a document: 40 when the title holds it (more than any count in the text can
    /// reach, so a page named after the term ranks first), 8 when a heading does, plus its count in the
    /// text up to 30.
    init(_ document: SearchDocument) {
        let d = SiteSearch.masked(document)
        order = document.url
        url = d.url
        title = d.title
        // A text of no more UTF-8 bytes than the limit has no more characters either: kept without counting them.
        let limit = SiteSearch.excerptCharacters
        sections = d.sections.map { s in [s.anchor, s.heading, s.text.utf8.count <= limit ? s.text : String(s.text.prefix(limit))] }
        var title: [SearchTerms.Key: Int] = [:], headings: [SearchTerms.Key: Int] = [:], text: [SearchTerms.Key: Int] = [:]
        SearchTerms.counts(in: SearchTerms.normalize(d.title), into: &title)
        for s in d.sections {
            SearchTerms.counts(in: SearchTerms.normalize(s.heading), into: &headings)
            SearchTerms.counts(in: SearchTerms.normalize(s.text), into: &text)
        }
        var scores = title.mapValues { _ in 40 }
        for key in headings.keys { scores[key, default: 0] += 8 }
        for (key, count) in text { scores[key, default: 0] += min(count, 30) }
        // In the order of their UTF-8 bytes: the order within a document does not reach the index files
        // (each term's postings are in document order, the shards sort their terms), it only keeps the cache
        // file the same from build to build; comparing bytes is cheaper than comparing Chinese strings.
        terms = scores.sorted { Self.precedes($0.key, $1.key) }.map { Term(term: $0.key.term, score: $0.value) }
    }

    /// Whether `a`'s term comes before `b`'s in the order of their UTF-8 bytes, which is the order of their
    /// scalars. Two Chinese terms (most of a manual's) are compared as numbers: comparing their strings
    /// was a fifth of indexing a 2,000-page manual.
    private static func precedes(_ a: SearchTerms.Key, _ b: SearchTerms.Key) -> Bool {
        if case .ideographs(let x) = a, case .ideographs(let y) = b { return scalarOrder(x) < scalarOrder(y) }
        return a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
    }

    /// A key of one or two ideographs as a number in the order of its scalars: the first scalar, then
    /// whether there is a second (one scalar alone comes first), then the second.
    private static func scalarOrder(_ v: UInt64) -> UInt64 {
        v >> 42 == 1 ? ((v >> 21) & 0x1F_FFFF) << 22 | 1 << 21 | (v & 0x1F_FFFF) : v << 22
    }

    init(order: String, url: String, title: String, sections: [[String]], terms: [Term]) {
        self.order = order
        self.url = url
        self.title = title
        self.sections = sections
        self.terms = terms
    }
}

extension IndexedDocument: CarriedOverEntry {
    static let header = "archive-ops search cache 2"
    static let fileSuffix = "search-cache"
    static var fileHead: [UInt8] { Array((header + "\n").utf8) }

    init?(from r: inout ByteReader) {
        guard let order = r.string(), let url = r.string(), let title = r.string(), let sectionCount = r.integer() else { return nil }
        var sections: [[String]] = []
        for _ in 0..<sectionCount {
            guard let a = r.string(), let h = r.string(), let t = r.string() else { return nil }
            sections.append([a, h, t])
        }
        guard let termCount = r.integer() else { return nil }
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let t = r.string(), let s = r.integer() else { return nil }
            terms.append(.init(term: t, score: s))
        }
        self.init(order: order, url: url, title: title, sections: sections, terms: terms)
    }

    func write(to w: inout ByteWriter) {
        w.string(order); w.string(url); w.string(title)
        w.integer(sections.count)
        for s in sections { w.string(s[0]); w.string(s[1]); w.string(s[2]) }
        w.integer(terms.count)
        for t in terms { w.string(t.term); w.integer(t.score) }
    }
}

/// The indexed documents of the previous build, kept beside `Output/` (`.archive-ops.Output.search-cache`)
/// so that a rebuild indexes only the documents that changed. An entry's key is the SHA-256 of the
/// unmasked document it was made from (so a changed page can never find a stale entry), or — for a page
/// taken over by its input key, whose document is not made again — the key its build cache entry names.
typealias SearchIndexCache = CarriedOverEntries<IndexedDocument>

extension CarriedOverEntries where Entry == IndexedDocument {
    /// `document` indexed — from the previous build when it indexed the very same document — and its key.
    func indexed(_ document: SearchDocument) -> (key: String, document: IndexedDocument) {
        let key = Self.key(of: document)
        if let d = reuse(key) { return (key, d) }
        let d = IndexedDocument(document)
        keep(key, d)
        return (key, d)
    }

    static func key(of d: SearchDocument) -> String {
        var w = ByteWriter()
        w.string(d.url)
        w.string(d.title)
        for s in d.sections { w.string(s.anchor); w.string(s.heading); w.string(s.text) }
        return Hex.string(SHA256.hash(data: w.bytes))
    }
}
