import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
@testable import SiteBuilder
import XCTest

/// The report site's search after incremental builds: each index file is taken over or made again by
/// itself (term shards per block of documents, url/title and text shards), and a reader must get the very
/// results — same pages, same order — whether the site was built in one go or step by step.
final class SearchIncrementalEquivalenceTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("search-steps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func build(_ store: OperationsStore, into output: URL, incremental: Bool) throws -> OutputWriter.Summary {
        var build = try SiteBuild(store: store, outputURL: output)
        build.incremental = incremental
        return try build.run()
    }

    private func searchFiles(_ output: URL) throws -> [String: String] {
        Dictionary(try SearchIndexFiles.allFiles(output).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    /// Runs added day after day, one of them dated before the others (its page sorts into the middle of
    /// `inspections/`), each followed by an incremental build; then the same database built whole.
    func testAReportSiteBuiltStepByStepAnswersEveryQueryAsTheSiteBuiltWhole() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let steps = dir.appendingPathComponent("steps/Output"), whole = dir.appendingPathComponent("whole/Output")
        try build(store, into: steps, incremental: true)
        var previous = try searchFiles(steps)
        for day in ["2023-07-01", "2023-07-02", "2023-06-20", "2023-07-03"] {
            try SiteFixture.addRun(day, to: store)
            try build(store, into: steps, incremental: true)
            let now = try searchFiles(steps)
            let rewritten = now.filter { previous[$0.key] != $0.value }.map(\.key)
            // The site is small (one term block): its term shards change, but few text shards do.
            XCTAssertLessThanOrEqual(rewritten.filter { $0.hasPrefix("search/x/") }.count, 2,
                                     "after the run of \(day): \(rewritten.sorted())")
            previous = now
        }
        try build(store, into: whole, incremental: false)
        XCTAssertEqual(try searchFiles(steps), try searchFiles(whole), "the index files are a full build's")
        for query in ["巡检", "仍缺失", "查无 2023", "sync", "运维总览", "签章", "V1"] {
            let a = SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: steps, query: query))
            let b = SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: whole, query: query))
            XCTAssertEqual(a, b, query)
            if query != "V1" { XCTAssertFalse(a.isEmpty, "“\(query)” finds pages") }
        }
    }

    /// An index of several term blocks (more than 2,048 document numbers): a query loads one term shard of
    /// each block and lists the pages by score, then in url order, exactly as the postings say.
    func testAQueryOverSeveralTermBlocksListsPagesByScoreThenInURLOrder() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let output = dir.appendingPathComponent("Output")
        try build(store, into: output, incremental: false)
        // The site's own index replaced by one of 5,000 synthetic pages in two folders.
        let documents = SearchShardEquivalenceTests.documents(count: 5000)
        let files = try SiteSearch.files(for: documents)
        let manifest = try termShardCounts(in: files)
        XCTAssertGreaterThan(manifest.filter { $0 > 0 }.count, 1, "the index spans more than one term block: \(manifest)")
        try FileManager.default.removeItem(at: output.appendingPathComponent("search"))
        for file in files {
            let url = output.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url)
        }
        let (numbers, _) = SearchNumbering.numbers(documents.map(\.order))
        for term in ["签章", "档案", "sync"] {
            let expected = documents.indices
                .compactMap { i in
                    documents[i].terms.first { $0.term == term }.map { (url: documents[i].url, number: numbers[i], score: $0.score) }
                }
                .sorted { ($0.score, -$0.number) > ($1.score, -$1.number) }
            XCTAssertGreaterThan(expected.count, 50, term)
            let dom = try SearchPageQuery.dom(output: output, query: term)
            XCTAssertTrue(dom.contains("找到 \(expected.count) 个包含“\(term)”的页面"), "\(term): \(expected.count) pages")
            XCTAssertEqual(SearchPageQuery.resultLinks(in: dom), expected.prefix(50).map(\.url), term)
        }
    }

    /// The shard count of each term block, from the manifest among `files`.
    private func termShardCounts(in files: [SitePage]) throws -> [Int] {
        let script = String(decoding: try XCTUnwrap(files.first { $0.path == SiteSearch.indexPath }).contents, as: UTF8.self)
        let json = try XCTUnwrap(script.range(of: "= ").map { script[$0.upperBound...] }).dropLast(2)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try XCTUnwrap(manifest["termShards"] as? [Int])
    }
}
