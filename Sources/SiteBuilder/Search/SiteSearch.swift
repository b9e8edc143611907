import Foundation

/// The site search (站内搜索): an index of every page, shipped as small script files under `search/` and
/// searched in the browser by `assets/search.js` on `search.html`.
///
/// Why our own index and not Pagefind: the site is read from file shares and USB sticks (`file://`),
/// where Chromium refuses the `fetch()`/WebAssembly loading Pagefind depends on; a script file added with
/// a `<script>` element loads everywhere. Measured in BENCHMARKS.md.
///
/// Why shards: a site of three years of daily reports and thousands of tickets holds megabytes of text,
/// and the first search must not wait for all of it. The index is cut in three kinds of files, each a
/// script that hands its part to `ARCHIVEOPS_SEARCH_SHARD(name, data)`:
/// - `search/index.js` — the manifest (how many shards of each kind), loaded with the search page;
/// - `search/t/N.js` — terms (``SearchTerms``) with their postings (document number, score), the shard
///   chosen by a hash of the term's key, so a query loads one file per query word;
/// - `search/m/N.js` — url and title of the documents numbered 256 × N to 256 × N + 255, for the result list;
/// - `search/x/N.js` — the section texts of the documents numbered from N on (about 32 KB a file), for the
///   excerpts and the section a result links to; only the shards of the first results are loaded.
///
/// Documents are numbered so that adding a page changes few files (``SearchNumbering``).
///
/// Manual pages carry their full text in sections (``SitePage/searchDocument``, from their Markdown); the
/// daily reports, service reports and enterprise pages carry their findings and texts the same way; any
/// other HTML page is found by its ``SitePage/title``. Every text is masked (``PersonalDataMask``) before
/// it is cut into terms: an ID number in a ticket is in no shard, not even as a term.
public enum SiteSearch {
    /// The manifest below `Output/`, which the search page loads with a plain script tag.
    public static let indexPath = "search/index.js"
    /// The global the manifest sets.
    static let variable = "ARCHIVEOPS_SEARCH_INDEX"
    /// Documents per url/title shard.
    static let metaShardSize = 256
    /// About this many bytes of section text per text shard.
    static let textShardBytes = 32_000
    /// Section text kept for excerpts (the terms come from the whole text).
    static let excerptCharacters = 8_000
    /// About this many bytes of postings per term shard.
    static let termShardBytes = 16_000

    /// The pages with the site index added. Pure, so a failure leaves `Output/` alone.
    public static func index(_ pages: [SitePage]) throws -> [SitePage] { try index(pages, cache: SearchIndexCache()) }

    /// The pages with the site index added, each indexed page with its key in `cache` (``SitePage/searchKey``);
    /// documents the previous build indexed are taken from `cache` instead of being indexed again.
    ///
    /// With `reuse`, the index files are a function of the documents' keys in order: when those are the
    /// previous build's, the published files are taken over without the postings being made again.
    static func index(_ pages: [SitePage], cache: SearchIndexCache, reuse: PageReuse? = nil) throws -> [SitePage] {
        var pages = pages
        var candidates: [Int] = []
        for (i, page) in pages.enumerated() where page.path != SearchPage.path {
            if page.searchDocument != nil || (page.searchKey != nil && page.path.hasSuffix(".html")) {
                candidates.append(i)
            } else if page.path.hasSuffix(".html"), page.title?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false {
                candidates.append(i)
            }
        }
        let indexed = try ParallelMap.run(count: candidates.count) { j -> (key: String, document: IndexedDocument) in
            let page = pages[candidates[j]]
            if page.searchDocument == nil, let key = page.searchKey, let d = cache.reuse(key) { return (key, d) }
            let title = page.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return cache.indexed(page.searchDocument ?? SearchDocument(url: page.path, title: title, sections: []))
        }
        for (j, i) in candidates.enumerated() { pages[i].searchKey = indexed[j].key }
        // The urls taken out first: the comparisons copied each (key, document) pair they looked at.
        let orders = indexed.map(\.document.order)
        let order = orders.indices.sorted { orders[$0] < orders[$1] }
        guard let reuse else { return pages + (try files(for: order.map { indexed[$0].document })) }
        let print = try reuse.fingerprint(path: folder, language: nil, title: "", input: order.map { indexed[$0].key })
        if let published = reuse.publishedFolder(folder, fingerprint: print) { return pages + published }
        let made = try files(for: order.map { indexed[$0].document })
        for file in made { reuse.record(path: file.path, fingerprint: print) }
        return pages + made
    }

    /// The folder below `Output/` that holds the index files, and nothing else.
    static let folder = "search/"

    /// The document with every string masked: the index is published like a page.
    static func masked(_ d: SearchDocument) -> SearchDocument {
        let mask = PersonalDataMask.mask
        return SearchDocument(url: mask(d.url), title: mask(d.title), sections: d.sections.map {
            .init(anchor: mask($0.anchor), heading: mask($0.heading), text: mask($0.text))
        })
    }

    /// Postings of one term: document number and score, in document order.
    typealias Postings = [(doc: Int, score: Int)]

    /// A term's postings and the hash that picks its shard (``SearchTerms/shardHash(_:)``).
    struct TermPostings {
        var hash: UInt32
        var postings: Postings
    }

    /// How many parts the postings are gathered in at once, each on its own core: a term's part is its shard
    /// hash modulo this. Gathered in one dictionary, the postings were the longest stretch of a manual build
    /// during which one core worked and the other waited.
    static let postingParts = 8

    /// Every term's postings, from each document's terms and scores (``IndexedDocument``) and numbers
    /// (rising in document order), in ``postingParts`` dictionaries: the part of a term is its shard hash
    /// modulo the number of parts, so each part is gathered on its own core, in document order.
    static func postings(of documents: [IndexedDocument], numbers: [Int]) throws -> [[String: TermPostings]] {
        let hashes = try ParallelMap.run(count: documents.count) { i in documents[i].terms.map { SearchTerms.shardHash($0.term) } }
        return try ParallelMap.run(count: postingParts) { part -> [String: TermPostings] in
            var result: [String: TermPostings] = [:]
            for (i, d) in documents.enumerated() {
                let hash = hashes[i]
                for (k, t) in d.terms.enumerated() where Int(hash[k] % UInt32(postingParts)) == part {
                    result[t.term, default: TermPostings(hash: hash[k], postings: [])].postings.append((numbers[i], t.score))
                }
            }
            return result
        }
    }

    /// One index file to write: a term shard, a url/title shard, or a text shard of documents `range`.
    private enum ShardJob {
        case terms(Int)
        case meta(Int)
        case text(first: Int, range: Range<Int>)
    }

    /// The index files of `documents` (in url order), numbered by ``SearchNumbering``.
    static func files(for documents: [IndexedDocument]) throws -> [SitePage] {
        let (numbers, capacity) = SearchNumbering.numbers(documents.map(\.order))
        // Terms: shard count from the size of the postings, so a small site is a handful of files.
        let parts = try postings(of: documents, numbers: numbers)
        let estimate = parts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.key.utf8.count + 4 + $1.value.postings.count * 8 } }
        let termShards = SearchNumbering.termShards(estimate: estimate)
        // The terms of each shard, gathered part by part on every core.
        let termsByPart = try ParallelMap.run(count: parts.count) { p -> [[(term: String, postings: Postings)]] in
            var byShard = Array(repeating: [(term: String, postings: Postings)](), count: termShards)
            for (term, entry) in parts[p] { byShard[Int(entry.hash % UInt32(termShards))].append((term, entry.postings)) }
            return byShard
        }
        var jobs = (0..<termShards).map { ShardJob.terms($0) }
        // Urls and titles: shard k holds the numbers from k × metaShardSize on, a free number as null (the
        // free numbers at a shard's end left out); a shard of free numbers only is not written.
        var byNumber = [Int?](repeating: nil, count: capacity)
        for (i, number) in numbers.enumerated() { byNumber[number] = i }
        for k in 0..<((capacity + metaShardSize - 1) / metaShardSize) {
            let slots = byNumber[(k * metaShardSize)..<min(capacity, (k + 1) * metaShardSize)]
            if slots.contains(where: { $0 != nil }) { jobs.append(.meta(k)) }
        }
        // Section texts: documents of consecutive numbers, cut where ``SearchNumbering/cutsAfter(_:bytes:)``
        // says, each shard named by its first number. Where the cuts fall is decided here, one document
        // after the other; the shards are then written on every core.
        var textStarts: [Int] = []
        var currentStart = 0
        var currentBytes = 0
        func flushText(upTo end: Int) {
            guard end > currentStart else { return }
            jobs.append(.text(first: numbers[currentStart], range: currentStart..<end))
            currentStart = end
            currentBytes = 0
        }
        for (i, d) in documents.enumerated() {
            if i > currentStart, numbers[i] != numbers[currentStart] + (i - currentStart) { flushText(upTo: i) }
            if i == currentStart { textStarts.append(numbers[i]) }
            currentBytes += d.sections.reduce(0) { $0 + $1[2].utf8.count + $1[1].utf8.count + 8 }
            if SearchNumbering.cutsAfter(d.order, bytes: currentBytes) { flushText(upTo: i + 1) }
        }
        flushText(upTo: documents.count)
        let allJobs = jobs, slotsByNumber = byNumber
        // Written as bytes, every file on every core: string interpolation of half a million numbers was slow.
        var pages = try ParallelMap.run(count: jobs.count) { j -> SitePage in
            switch allJobs[j] {
            case .terms(let i):
                var json: [UInt8] = [UInt8(ascii: "{")]
                let terms = termsByPart.flatMap { $0[i] }.sorted { $0.term < $1.term }
                for (n, entry) in terms.enumerated() {
                    if n > 0 { json.append(UInt8(ascii: ",")) }
                    json.append(UInt8(ascii: "\""))
                    json.append(contentsOf: entry.term.utf8)
                    json.append(contentsOf: "\":[".utf8)
                    for (k, p) in entry.postings.enumerated() {
                        if k > 0 { json.append(UInt8(ascii: ",")) }
                        appendDecimal(p.doc, to: &json)
                        json.append(UInt8(ascii: ","))
                        appendDecimal(p.score, to: &json)
                    }
                    json.append(UInt8(ascii: "]"))
                }
                json.append(UInt8(ascii: "}"))
                return shard("t/\(i)", json: Data(json))
            case .meta(let k):
                let slots = slotsByNumber[(k * metaShardSize)..<min(capacity, (k + 1) * metaShardSize)]
                let last = slots.lastIndex(where: { $0 != nil })!
                let rows = slots[...last].map { $0.map { [documents[$0].url, documents[$0].title] } }
                return shard("m/\(k)", json: ShardJSON.strings(rows))
            case .text(let first, let range):
                return shard("x/\(first)", json: ShardJSON.sections(documents[range].map(\.sections)))
            }
        }
        let manifest: [String: Any] = ["version": 3, "docs": documents.count, "termShards": termShards,
                                       "metaShardSize": metaShardSize, "textShards": textStarts]
        var data = Data("/* ArchiveOps 站内搜索索引 (site search index), generated by archive-ops build */\n".utf8)
        data.append(Data("window.\(variable) = ".utf8))
        data.append(try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
        data.append(Data(";\n".utf8))
        pages.append(SitePage(path: indexPath, contents: data))
        return pages
    }

    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")); appendDecimal(-value, to: &bytes); return }
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// JSON with `<` written as `\u003c`: a shard is a script, and page text such as `<script>` in a
    /// ticket must stay an inert string in it, whatever reads the file.
    static func json(_ value: Any) throws -> Data {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.withoutEscapingSlashes])
        guard data.contains(UInt8(ascii: "<")) else { return data }
        return Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c").utf8)
    }

    /// `ARCHIVEOPS_SEARCH_SHARD("t/3", {…});` at `search/t/3.js`.
    static func shard(_ name: String, json: Data) -> SitePage {
        var data = Data("ARCHIVEOPS_SEARCH_SHARD(\"\(name)\",".utf8)
        data.append(json)
        data.append(Data(");\n".utf8))
        return SitePage(path: "search/\(name).js", contents: data)
    }
}

/// The search page (`search.html`): reads `?q=` and lists matching pages. Reached from the search box in
/// the header of every page; works without a server.
public enum SearchPage {
    public static let path = "search.html"

    public static let step: SiteBuild.Step = { build in
        [try build.renderer.page(SearchPageFrame(title: "站内搜索", body: "", root: PageRenderer.rootPrefix(for: path),
                                                 path: path, indexScript: SiteSearch.indexPath))]
    }
}

/// `page.*` of `layouts/manual-search`: the search page, which loads the index script.
struct SearchPageFrame: PageFrame {
    static let layout = "layouts/manual-search"
    var title: String
    var body: String
    var root: String
    var path: String
    /// The search page exists in Chinese only: no twin (the header partial asks).
    var alternate: AlternateLink?
    var indexScript: String
}
