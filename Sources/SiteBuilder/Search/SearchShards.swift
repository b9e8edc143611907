import Foundation

/// The site search index cut into files a browser loads only when a query needs them, so the first search
/// on a 2,000-page manual reads a few hundred kilobytes instead of the whole 10 MB of text.
///
/// - Gram shards (`search/g-N.js`): for every character and every pair of adjacent characters of a page's
///   normalised text (title, headings, text), the pages holding it and how often (capped at 50), as
///   `{"签章": [page delta, count, page delta, count, …]}`. A query's word of one character is looked up
///   as itself, a longer one by its pairs: the pages holding all of them are the candidates (exactly the
///   matches for words of up to two characters). Which file holds a gram is FNV-1a of its code points
///   modulo the number of files — the same function in `search.js`.
/// - Text shards (`search/t-N.js`): the sections of `textShardSize` consecutive pages; the browser loads
///   those of the candidates it shows, to confirm a longer word, rank and cut the excerpt.
///
/// The text is normalised as the browser normalises a query (NFKC, lower case); pairs across white space
/// are left out, since a query word never holds white space.
struct SearchShards {
    /// Bytes a shard file aims at: small enough that a query loads little, large enough that a small
    /// site is a handful of files.
    static let targetShardBytes = 48 * 1024

    let gramShardCount: Int
    let textShardSize: Int
    /// Each gram shard's JSON object, written by hand: millions of numbers through JSONSerialization's
    /// NSNumber boxes took longer than counting them.
    let gramShards: [String]
    let textShards: [[[[String]]]]

    init(documents: [SearchDocument]) {
        // Count each page's grams on every core; merged in page order, so the result is the same bytes.
        let counts = (try? ParallelMap.run(count: documents.count) { i in Self.grams(of: documents[i]) }) ?? []
        var postings: [UInt64: [Int]] = [:]
        var postingBytes = 0
        for (page, grams) in counts.enumerated() {
            for (gram, count) in grams {
                postings[gram, default: []].append(page)
                postings[gram]!.append(count)
                postingBytes += 6
            }
        }
        var shardCount = 1
        while shardCount < 4096, postingBytes / shardCount > Self.targetShardBytes { shardCount *= 2 }
        var members = [[(gram: UInt64, list: [Int])]](repeating: [], count: shardCount)
        for (gram, list) in postings {
            members[Self.shard(of: Self.string(gram), count: shardCount)].append((gram, list))
        }
        let shards = (try? ParallelMap.run(count: shardCount) { n in
            var json = "{"
            for (i, entry) in members[n].sorted(by: { $0.gram < $1.gram }).enumerated() {
                json += (i == 0 ? "" : ",") + Self.quoted(Self.string(entry.gram)) + ":["
                // Page numbers as differences from the previous one: most are small, so the file is smaller.
                var last = 0
                for k in stride(from: 0, to: entry.list.count, by: 2) {
                    json += (k == 0 ? "" : ",") + String(entry.list[k] - last) + "," + String(entry.list[k + 1])
                    last = entry.list[k]
                }
                json += "]"
            }
            return json + "}"
        }) ?? []
        gramShardCount = shardCount
        gramShards = shards

        let textBytes = documents.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.text.utf8.count + $1.heading.utf8.count + 8 } + 8 }
        let size = max(1, documents.isEmpty ? 1 : Self.targetShardBytes * documents.count / max(1, textBytes))
        textShardSize = size
        textShards = stride(from: 0, to: documents.count, by: size).map { start in
            documents[start..<min(documents.count, start + size)].map { doc in
                doc.sections.map { [$0.anchor, $0.heading, $0.text] }
            }
        }
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The text a query is matched against, normalised as `search.js` normalises a query.
    static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// How often each character and each adjacent pair occurs in the page (keys packed by ``key(_:_:)``).
    static func grams(of document: SearchDocument) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        func add(_ text: String) {
            var previous: Unicode.Scalar?
            for scalar in normalize(text).unicodeScalars {
                if scalar.properties.isWhitespace {
                    previous = nil
                    continue
                }
                counts[key(scalar, nil), default: 0] += 1
                if let previous { counts[key(previous, scalar), default: 0] += 1 }
                previous = scalar
            }
        }
        add(document.title)
        for section in document.sections {
            add(section.heading)
            add(section.text)
        }
        return counts.mapValues { min($0, 50) }
    }

    /// A gram as a number: the second code point (or zero) above the first, 21 bits each.
    static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> UInt64 {
        UInt64(first.value) | (UInt64(second?.value ?? 0) << 21) | (1 << 42)
    }

    static func string(_ key: UInt64) -> String {
        var s = String(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
        let second = UInt32((key >> 21) & 0x1F_FFFF)
        if second != 0 { s.unicodeScalars.append(Unicode.Scalar(second)!) }
        return s
    }

    /// FNV-1a over the gram's code points, modulo `count` — `shardOf` in `search.js`.
    static func shard(of gram: String, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for scalar in gram.unicodeScalars { hash = (hash ^ scalar.value) &* 16_777_619 }
        return Int(hash % UInt32(count))
    }
}
