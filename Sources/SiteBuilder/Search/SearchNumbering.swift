import Foundation

/// The numbers of the search documents, and where the text shards are cut: both a function of the
/// documents alone (a full build and an incremental one give the same), and stable when a page is added.
///
/// Numbered one after another, a new daily report renumbered every document after it, so every term
/// shard naming one of them (nearly all), every url/title shard and every text shard after it changed.
/// Now the documents are numbered in blocks, one block per top folder (`inspections/`, `tickets/`,
/// `en/tickets/`, …; a page at the top is a block of its own), and within a block in chunks of about
/// ``chunkLength`` urls, each chunk ending after a url whose hash says so (``endsChunk(_:)``). Chunks and
/// blocks are given room to grow: a page added anywhere in its folder (a new run at the end, a new
/// enterprise in the middle) takes a free number of its own chunk, and no other chunk's numbers change
/// until its chunk outgrows its room or the new url ends a chunk (about one page in 16 either way); no
/// other block's numbers change until its block outgrows its room. Numbers still rise in url order, so
/// results of equal score are listed in url order as before.
enum SearchNumbering {
    /// The block of the document at `url`: its first folder (its first two under a language folder such
    /// as `en/`), or the url itself for a page at the top. All urls with one block are consecutive in url
    /// order (they share a prefix ending in `/`).
    static func block(_ url: String) -> Substring {
        guard let first = url.firstIndex(of: "/") else { return url[...] }
        let folder = url[...first]
        guard languageFolders.contains(String(folder)) else { return folder }
        let rest = url[url.index(after: first)...]
        guard let second = rest.firstIndex(of: "/") else { return url[...] }
        return url[...second]
    }

    private static let languageFolders = Set(SiteLanguage.allCases.map { $0.path("") }.filter { !$0.isEmpty })

    /// About this many urls per chunk: one url in this many ends one.
    static let chunkLength = 32

    /// Whether the chunk of `url` ends after it: by the url's hash alone, so that a url added to a folder
    /// moves no chunk boundary but (when it ends a chunk itself) its own chunk's.
    static func endsChunk(_ url: String) -> Bool { hash(url) % UInt32(chunkLength) == 0 }

    /// The numbers a chunk of `count` urls takes: a multiple of ``chunkLength``, so that it grows (and
    /// moves the chunks after it in its block) once per ``chunkLength`` pages added to it.
    static func chunkRoom(_ count: Int) -> Int { (count + chunkLength - 1) / chunkLength * chunkLength }

    /// The numbers a block of `count` numbers (its chunks' rooms) takes: `count` rounded up to a quarter of
    /// the largest power of two not above it (at least 16), so a block of 1,100 holds 1,280 and outgrows
    /// that only after 180 more.
    static func room(_ count: Int) -> Int {
        var power = 1
        while power * 2 <= count { power *= 2 }
        let step = max(16, power / 4)
        return (count + step - 1) / step * step
    }

    /// The number of each url of `urls` (sorted), and the numbers taken in all (the first free one after
    /// the last block). Blocks are placed in the order of their first url, chunks in url order.
    static func numbers(_ urls: [String]) -> (numbers: [Int], capacity: Int) {
        var blocks: [Substring: Int] = [:]
        var members: [[Int]] = []  // the urls of each block, in url order
        for (i, url) in urls.enumerated() {
            let b = block(url)
            if let index = blocks[b] {
                members[index].append(i)
            } else {
                blocks[b] = members.count
                members.append([i])
            }
        }
        var numbers = [Int](repeating: 0, count: urls.count)
        var next = 0
        for block in members {
            var offset = 0, chunkStart = 0
            for (rank, i) in block.enumerated() {
                numbers[i] = next + offset + rank - chunkStart
                if endsChunk(urls[i]) || rank == block.count - 1 {
                    offset += chunkRoom(rank + 1 - chunkStart)
                    chunkStart = rank + 1
                }
            }
            next += room(offset)
        }
        return (numbers, next)
    }

    /// FNV-1a of the url's UTF-8 bytes.
    private static func hash(_ url: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in url.utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        return h
    }

    /// Whether a text shard may end after the document at `url` once it holds `bytes` of text: cuts fall
    /// where the url's hash says (one document in four), between half and twice ``SiteSearch/textShardBytes``,
    /// so a document that grows or is added moves the cuts of its own shard and rarely of the next one —
    /// cuts by size alone moved every later cut.
    static func cutsAfter(_ url: String, bytes: Int) -> Bool {
        if bytes >= SiteSearch.textShardBytes * 2 { return true }
        guard bytes >= SiteSearch.textShardBytes / 2 else { return false }
        return hash(url) % 4 == 0
    }

    /// The number of term shards for `estimate` bytes of postings: the power of two nearest to the estimate
    /// over ``SiteSearch/termShardBytes`` (1 to 4,096), so that it changes only when the postings double or
    /// halve — a count that followed every kilobyte moved every term to another shard now and then.
    static func termShards(estimate: Int) -> Int {
        let wanted = Double(estimate) / Double(SiteSearch.termShardBytes)
        var shards = 1
        while shards < 4096 && Double(shards) * 1.414_213_56 < wanted { shards *= 2 }
        return shards
    }
}
