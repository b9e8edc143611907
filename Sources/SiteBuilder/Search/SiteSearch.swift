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
/// - `search/t/B/N.js` — terms (``SearchTerms``) with their postings (document number, score) in the
///   documents of term block B (numbers B × 2,048 to B × 2,048 + 2,047), the shard chosen by a hash of the
///   term's key, so a query loads one file per term block and query word, and a new page rewrites only
///   term shards of its own block;
/// - `search/m/N.js` — url and title of the documents numbered 256 × N to 256 × N + 255, for the result list;
/// - `search/x/N.js` — the section texts of the documents numbered from N on (about 32 KB a file, a free
///   number as null), for the
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
    /// With `reuse`, each index file is taken over from the previous build when the documents it is made
    /// from (their keys and numbers) are the same (``files(for:keys:reuse:)``).
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
        return pages + (try files(for: order.map { indexed[$0].document }, keys: reuse.map { _ in order.map { indexed[$0].key } },
                                  reuse: reuse))
    }

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

    /// Documents per term block: a block's documents have their own term shards (`search/t/B/N.js`), so
    /// that a page added or changed rewrites the term shards of its block only, and a build makes the
    /// postings of the changed blocks only. A query loads one term shard per block and query word.
    static let termBlockSize = 2048

    /// One group of index files to make: the term shards of a term block (the documents `range`, numbers
    /// from `block` × ``termBlockSize`` on, in `shards` shards), a url/title shard (`slots`: the document
    /// at each number from k × ``metaShardSize`` on, nil for a free number, up to the last document), or a
    /// text shard of the documents `range` (the first numbered `first`).
    private enum ShardJob {
        case terms(block: Int, range: Range<Int>, shards: Int)
        case meta(k: Int, slots: [Int?])
        case text(first: Int, range: Range<Int>)

        /// The paths of its files.
        var paths: [String] {
            switch self {
            case .terms(let block, _, let shards): return (0..<shards).map { "search/t/\(block)/\($0).js" }
            case .meta(let k, _): return ["search/m/\(k).js"]
            case .text(let first, _): return ["search/x/\(first).js"]
            }
        }

        /// The document indices its files are made from.
        var documents: [Int] {
            switch self {
            case .terms(_, let range, _), .text(_, let range): return Array(range)
            case .meta(_, let slots): return slots.compactMap { $0 }
            }
        }
    }

    /// The index files of `documents` (in url order), numbered by ``SearchNumbering``.
    ///
    /// With `keys` (each document's search cache key) and `reuse`, a group of files (``ShardJob``) whose
    /// documents — their keys and numbers — are the previous build's is taken over without being made:
    /// after one new inspection only the term blocks, url/title shards and text shards holding a changed
    /// number are made again.
    static func files(for documents: [IndexedDocument], keys: [String]? = nil, reuse: PageReuse? = nil) throws -> [SitePage] {
        let (numbers, capacity) = SearchNumbering.numbers(documents.map(\.order))
        var jobs: [ShardJob] = []
        // Terms: the documents of each term block, with a shard count from the size of their postings (about
        // ten bytes a posting, terms and punctuation included), so a small site is a handful of files.
        var blockShards: [Int] = []
        var first = 0
        while first < documents.count {
            let block = numbers[first] / termBlockSize
            var end = first
            var postingCount = 0
            while end < documents.count && numbers[end] / termBlockSize == block {
                postingCount += documents[end].terms.count
                end += 1
            }
            let shards = SearchNumbering.termShards(estimate: postingCount * 10)
            while blockShards.count < block { blockShards.append(0) }
            blockShards.append(shards)
            jobs.append(.terms(block: block, range: first..<end, shards: shards))
            first = end
        }
        // Urls and titles: shard k holds the numbers from k × metaShardSize on, a free number as null (the
        // free numbers at a shard's end left out); a shard of free numbers only is not written.
        var byNumber = [Int?](repeating: nil, count: capacity)
        for (i, number) in numbers.enumerated() { byNumber[number] = i }
        for k in 0..<((capacity + metaShardSize - 1) / metaShardSize) {
            let slots = byNumber[(k * metaShardSize)..<min(capacity, (k + 1) * metaShardSize)]
            if let last = slots.lastIndex(where: { $0 != nil }) { jobs.append(.meta(k: k, slots: Array(slots[...last]))) }
        }
        // Section texts: documents in number order, a free number between two as null, cut where
        // ``SearchNumbering/cutsAfter(_:bytes:)`` says, each shard named by its first number.
        var textStarts: [Int] = []
        var currentStart = 0
        var currentBytes = 0
        for (i, d) in documents.enumerated() {
            if i == currentStart { textStarts.append(numbers[i]) } else { currentBytes += 5 * (numbers[i] - numbers[i - 1] - 1) }
            // The bytes the shard takes: a page found by its title alone is `[]`, a free number `null`.
            currentBytes += d.sections.reduce(3) { $0 + $1[2].utf8.count + $1[1].utf8.count + 8 }
            if SearchNumbering.cutsAfter(d.order, bytes: currentBytes) || i == documents.count - 1 {
                jobs.append(.text(first: numbers[currentStart], range: currentStart..<(i + 1)))
                currentStart = i + 1
                currentBytes = 0
            }
        }
        // Each group taken over when its documents are the previous build's, else made.
        var made: [SitePage] = []
        var toMake: [(job: ShardJob, fingerprint: String?)] = []
        for job in jobs {
            guard let keys, let reuse else {
                toMake.append((job, nil))
                continue
            }
            let documentKeys = job.documents.map { "\(numbers[$0]) \(keys[$0])" }
            let print = try reuse.fingerprint(path: job.paths[0], language: nil, title: "", input: documentKeys)
            let taken = job.paths.compactMap { reuse.publishedIndexFile($0, fingerprint: print) }
            if taken.count == job.paths.count { made += taken } else { toMake.append((job, print)) }
        }
        made += try make(toMake.map(\.job), documents: documents, numbers: numbers)
        if let reuse {
            let fingerprints = Dictionary(toMake.flatMap { item in item.job.paths.map { ($0, item.fingerprint) } },
                                          uniquingKeysWith: { a, _ in a })
            for page in made where !page.isPublished {
                if let print = fingerprints[page.path] ?? nil { reuse.record(path: page.path, fingerprint: print) }
            }
        }
        let manifest: [String: Any] = ["version": 4, "docs": documents.count, "termBlockSize": termBlockSize, "termShards": blockShards,
                                       "metaShardSize": metaShardSize, "textShards": textStarts]
        var data = Data("/* ArchiveOps 站内搜索索引 (site search index), generated by archive-ops build */\n".utf8)
        data.append(Data("window.\(variable) = ".utf8))
        data.append(try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
        data.append(Data(";\n".utf8))
        if let reuse { reuse.record(path: indexPath, fingerprint: SiteBuildCache.contentHash(data)) }
        made.append(SitePage(path: indexPath, contents: data))
        return made
    }

    /// The files of `jobs`: the term blocks one after the other (each on every core), then the url/title
    /// and text shards on every core.
    private static func make(_ jobs: [ShardJob], documents: [IndexedDocument], numbers: [Int]) throws -> [SitePage] {
        var pages: [SitePage] = []
        for case .terms(let block, let range, let shards) in jobs {
            pages += try termShards(block: block, documents: Array(documents[range]), numbers: Array(numbers[range]), shards: shards)
        }
        let others = jobs.filter { if case .terms = $0 { return false } else { return true } }
        // Written as bytes, every file on every core.
        pages += try ParallelMap.run(count: others.count) { j -> SitePage in
            switch others[j] {
            case .terms: fatalError("term blocks are made above")
            case .meta(let k, let slots):
                return shard("m/\(k)", json: ShardJSON.strings(slots.map { $0.map { [documents[$0].url, documents[$0].title] } }))
            case .text(let first, let range):
                var sections: [[[String]]?] = []
                for i in range {
                    if i > range.lowerBound { sections += [[[String]]?](repeating: nil, count: numbers[i] - numbers[i - 1] - 1) }
                    sections.append(documents[i].sections)
                }
                return shard("x/\(first)", json: ShardJSON.sections(sections))
            }
        }
        return pages
    }

    /// The term shards of one term block: its documents' postings gathered in parts on every core, each
    /// shard's terms in order, written as bytes (string interpolation of half a million numbers was slow).
    private static func termShards(block: Int, documents: [IndexedDocument], numbers: [Int], shards: Int) throws -> [SitePage] {
        let parts = try postings(of: documents, numbers: numbers)
        let termsByPart = try ParallelMap.run(count: parts.count) { p -> [[(term: String, postings: Postings)]] in
            var byShard = Array(repeating: [(term: String, postings: Postings)](), count: shards)
            for (term, entry) in parts[p] { byShard[Int(entry.hash % UInt32(shards))].append((term, entry.postings)) }
            return byShard
        }
        return try ParallelMap.run(count: shards) { i -> SitePage in
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
            return shard("t/\(block)/\(i)", json: Data(json))
        }
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
