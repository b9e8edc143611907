import Foundation

/// The numbers of the search documents, and where the text shards are cut: both a function of the
/// documents alone (a full build and an incremental one give the same), and stable when a page is added.
///
/// Numbered one after another, a new daily report renumbered every document after it, so every term
/// shard naming one of them (nearly all), every url/title shard and every text shard after it changed:
/// about 280 files were written again after one inspection. Now the documents are numbered in blocks, one
/// block per top folder (`inspections/`, `tickets/`, `en/tickets/`, …; a page at the top is a block of its
/// own), in url order within the block, and each block is given room to grow: a page added at the end of
/// its folder (a new run, a new ticket) takes a free number, and no other number changes until its block
/// outgrows its room. Numbers still rise in url order, so results of equal score are listed as before.
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

    /// The numbers a block of `count` documents takes: `count` rounded up to a quarter of the largest power
    /// of two not above it (at least 16), so a block of 1,100 runs holds 1,280 and outgrows that only after
    /// 180 more.
    static func room(_ count: Int) -> Int {
        var power = 1
        while power * 2 <= count { power *= 2 }
        let step = max(16, power / 4)
        return (count + step - 1) / step * step
    }

    /// The number of each url of `urls` (sorted), and the numbers taken in all (the first free one after
    /// the last block). Blocks are placed in the order of their first url.
    static func numbers(_ urls: [String]) -> (numbers: [Int], capacity: Int) {
        var blocks: [Substring: Int] = [:]
        var counts: [Int] = []
        var numbers: [Int] = []  // the rank within the block, then the number
        var blockOf: [Int] = []
        numbers.reserveCapacity(urls.count)
        blockOf.reserveCapacity(urls.count)
        for url in urls {
            let b = block(url)
            let index = blocks[b] ?? counts.count
            if index == counts.count {
                blocks[b] = index
                counts.append(0)
            }
            numbers.append(counts[index])
            blockOf.append(index)
            counts[index] += 1
        }
        var base: [Int] = []
        var next = 0
        for count in counts {
            base.append(next)
            next += room(count)
        }
        for i in numbers.indices { numbers[i] += base[blockOf[i]] }
        return (numbers, next)
    }

    /// Whether a text shard may end after the document at `url` once it holds `bytes` of text: cuts fall
    /// where the url's hash says (one document in four), between half and twice ``SiteSearch/textShardBytes``,
    /// so a document that grows or is added moves the cuts of its own shard and rarely of the next one —
    /// cuts by size alone moved every later cut.
    static func cutsAfter(_ url: String, bytes: Int) -> Bool {
        if bytes >= SiteSearch.textShardBytes * 2 { return true }
        guard bytes >= SiteSearch.textShardBytes / 2 else { return false }
        var h: UInt32 = 2_166_136_261
        for b in url.utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        return h % 4 == 0
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
