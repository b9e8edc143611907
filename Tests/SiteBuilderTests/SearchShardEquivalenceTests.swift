import Foundation
@testable import SiteBuilder
import XCTest

/// The index files are made on every core (postings gathered in parts, every shard written apart); they
/// must be the very bytes of making them one after the other in one dictionary, whatever the number of
/// term shards, so a reader's first search loads the same files whichever way the build ran.
final class SearchShardEquivalenceTests: XCTestCase {
    func testAManySharedSiteGivesTheFilesOfTheOneByOneIndexer() throws {
        let documents = Self.documents(count: 1600)
        let made = try SiteSearch.files(for: documents)
        XCTAssertGreaterThan(made.filter { $0.path.hasPrefix("search/t/") }.count, SiteSearch.postingParts,
                             "more term shards than parts: each shard comes from one part")
        XCTAssertEqual(Self.bytes(made), Self.bytes(Self.oneByOne(documents)))
    }

    func testASmallSiteWithFewerShardsThanPartsGivesTheSameFiles() throws {
        for count in [1, 3, 20] {
            let documents = Self.documents(count: count)
            let made = try SiteSearch.files(for: documents)
            XCTAssertLessThan(made.filter { $0.path.hasPrefix("search/t/") }.count, SiteSearch.postingParts)
            XCTAssertEqual(Self.bytes(made), Self.bytes(Self.oneByOne(documents)), "\(count) documents")
        }
    }

    func testASiteWithoutDocumentsGivesTheSameManifest() throws {
        XCTAssertEqual(Self.bytes(try SiteSearch.files(for: [])), Self.bytes(Self.oneByOne([])))
    }

    /// Synthetic pages mixing Chinese, long codes, English words and gaps in the numbering (two folders).
    static func documents(count: Int) -> [IndexedDocument] {
        let words = ["签章", "巡检", "备份", "恢复", "数据库", "迁移", "档案", "sync", "missing", "91441900ma000030x2", "容量", "告警"]
        var documents: [IndexedDocument] = []
        for i in 0..<count {
            let folder = i % 3 == 0 ? "manual/a" : "tickets"
            var text = ""
            for k in 0..<(20 + i % 17) { text += words[(i * 7 + k * k) % words.count] + (k % 4 == 0 ? " " : "") }
            text += " 第\(i)页 code\(i * 7919)"
            let sections = [SearchDocument.Section(anchor: "", heading: "", text: text),
                            SearchDocument.Section(anchor: "h\(i)", heading: words[i % words.count] + "说明",
                                                   text: String(repeating: text, count: 1 + i % 5))]
            documents.append(IndexedDocument(SearchDocument(url: "\(folder)/p\(String(format: "%05d", i)).html",
                                                            title: "页面 \(i) " + words[(i * 3) % words.count], sections: sections)))
        }
        return documents.sorted { $0.order < $1.order }
    }

    static func bytes(_ pages: [SitePage]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.contents) })
    }

    /// The index files as the indexer made them before it used both cores: every posting in one
    /// dictionary, the shards and the text cuts one after the other.
    static func oneByOne(_ documents: [IndexedDocument]) -> [SitePage] {
        var pages: [SitePage] = []
        let (numbers, capacity) = SearchNumbering.numbers(documents.map(\.order))
        var blockShards: [Int] = []
        for block in Set(numbers.map { $0 / SiteSearch.termBlockSize }).sorted() {
            let members = documents.indices.filter { numbers[$0] / SiteSearch.termBlockSize == block }
            var postings: [String: [(Int, Int)]] = [:]
            for i in members {
                for t in documents[i].terms { postings[t.term, default: []].append((numbers[i], t.score)) }
            }
            let termShards = SearchNumbering.termShards(estimate: members.reduce(0) { $0 + documents[$1].terms.count } * 10)
            blockShards += [Int](repeating: 0, count: block - blockShards.count) + [termShards]
            var byShard = Array(repeating: [String](), count: termShards)
            for term in postings.keys { byShard[Int(SearchTerms.shardHash(term) % UInt32(termShards))].append(term) }
            for i in 0..<termShards {
                var json = "{"
                for (n, term) in byShard[i].sorted().enumerated() {
                    if n > 0 { json += "," }
                    json += "\"\(term)\":[" + postings[term]!.map { "\($0.0),\($0.1)" }.joined(separator: ",") + "]"
                }
                pages.append(SiteSearch.shard("t/\(block)/\(i)", json: Data((json + "}").utf8)))
            }
        }
        var byNumber = [Int?](repeating: nil, count: capacity)
        for (i, number) in numbers.enumerated() { byNumber[number] = i }
        for k in 0..<((capacity + SiteSearch.metaShardSize - 1) / SiteSearch.metaShardSize) {
            let slots = byNumber[(k * SiteSearch.metaShardSize)..<min(capacity, (k + 1) * SiteSearch.metaShardSize)]
            guard let last = slots.lastIndex(where: { $0 != nil }) else { continue }
            let rows = slots[...last].map { $0.map { [documents[$0].url, documents[$0].title] } }
            pages.append(SiteSearch.shard("m/\(k)", json: ShardJSON.strings(rows)))
        }
        var textStarts: [Int] = []
        var current: [[[String]]?] = []
        var currentBytes = 0
        func flushText() {
            guard !current.isEmpty else { return }
            pages.append(SiteSearch.shard("x/\(textStarts.last!)", json: ShardJSON.sections(current)))
            current = []
            currentBytes = 0
        }
        for (i, d) in documents.enumerated() {
            if current.isEmpty {
                textStarts.append(numbers[i])
            } else {
                current += [[[String]]?](repeating: nil, count: numbers[i] - numbers[i - 1] - 1)
                currentBytes += 5 * (numbers[i] - numbers[i - 1] - 1)
            }
            current.append(d.sections)
            currentBytes += d.sections.reduce(3) { $0 + $1[2].utf8.count + $1[1].utf8.count + 8 }
            if SearchNumbering.cutsAfter(d.order, bytes: currentBytes) { flushText() }
        }
        flushText()
        let manifest: [String: Any] = ["version": 4, "docs": documents.count, "termBlockSize": SiteSearch.termBlockSize,
                                       "termShards": blockShards,
                                       "metaShardSize": SiteSearch.metaShardSize, "textShards": textStarts]
        var data = Data("/* ArchiveOps 站内搜索索引 (site search index), generated by archive-ops build */\n".utf8)
        data.append(Data("window.\(SiteSearch.variable) = ".utf8))
        data.append(try! JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]))
        data.append(Data(";\n".utf8))
        pages.append(SitePage(path: SiteSearch.indexPath, contents: data))
        return pages
    }
}
