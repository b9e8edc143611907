import Foundation
@testable import SiteBuilder
import XCTest

/// Search document numbers are a function of the urls alone, rise in url order, and stay put when a page
/// is added at the end of its folder (a new run, a new ticket), so that an incremental build rewrites few
/// search files.
final class SearchNumberingTests: XCTestCase {
    func testBlocksAreTheTopFolderOrTheFolderBelowALanguage() {
        XCTAssertEqual(SearchNumbering.block("index.html"), "index.html")
        XCTAssertEqual(SearchNumbering.block("tickets/T-0601.html"), "tickets/")
        XCTAssertEqual(SearchNumbering.block("manual/checks/seal.html"), "manual/")
        XCTAssertEqual(SearchNumbering.block("en/tickets/T-0601.html"), "en/tickets/")
        XCTAssertEqual(SearchNumbering.block("en/index.html"), "en/index.html")
        XCTAssertEqual(SearchNumbering.block("enterprises/9144.html"), "enterprises/", "en is a language folder, enterprises is not")
    }

    func testRoomGrowsWithTheBlock() {
        XCTAssertEqual([1, 16, 17, 100, 1024, 1100, 1281, 5000].map(SearchNumbering.room), [16, 16, 32, 112, 1024, 1280, 1536, 5120])
        XCTAssertEqual([1, 31, 32, 33, 64, 65].map(SearchNumbering.chunkRoom), [32, 32, 32, 64, 64, 96])
    }

    /// A new enterprise page sorts into the middle of `enterprises/`: only the numbers of its own chunk
    /// (about 32 pages) may move, never those of the other chunks — unless the chunk outgrows its room or
    /// the new url ends a chunk, which the test avoids by its choice of urls.
    func testAPageAddedInTheMiddleOfItsFolderMovesOnlyItsOwnChunk() throws {
        let urls = (0..<2000).map { "enterprises/91441900MA\(String(format: "%06d", $0 * 10))X2.html" }
        let (numbers, _) = SearchNumbering.numbers(urls)
        XCTAssertEqual(numbers, numbers.sorted())
        var moved: [Int] = []
        var added = 0
        for candidate in stride(from: 5, to: 20_000, by: 10) {
            let url = "enterprises/91441900MA\(String(format: "%06d", candidate))X2.html"
            guard !SearchNumbering.endsChunk(url) else { continue }
            let more = (urls + [url]).sorted()
            let (again, _) = SearchNumbering.numbers(more)
            XCTAssertEqual(again, again.sorted())
            XCTAssertEqual(Set(again).count, again.count)
            let byURL = Dictionary(uniqueKeysWithValues: zip(more, again))
            moved.append(zip(urls, numbers).filter { byURL[$0.0] != $0.1 }.count)
            added += 1
            if added == 200 { break }
        }
        // A chunk holds 32 urls on average; a chunk that was full moves the chunks after it in the folder.
        let small = moved.filter { $0 <= 200 }.count
        XCTAssertGreaterThan(small, 150, "most additions move only their own chunk: \(moved)")
        XCTAssertLessThan(moved.sorted()[moved.count / 2], 64, "median pages renumbered: \(moved.sorted()[moved.count / 2])")
    }

    func testNumbersRiseInURLOrderAndAPageAddedAtTheEndOfItsFolderMovesNoOtherNumber() {
        var urls = ["dashboard.html", "en/inspections/r1.html", "en/inspections/r2.html", "en/tickets/T-1.html", "index.html",
                    "inspections/r1.html", "inspections/r2.html", "manual/a.html", "manual/b/c.html", "tickets/T-1.html"]
        let (numbers, capacity) = SearchNumbering.numbers(urls)
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(numbers).count, numbers.count)
        XCTAssertEqual(numbers.prefix(4), [0, 32, 33, 64])
        XCTAssertEqual(capacity, 32 * 7, "seven blocks of one chunk of up to 32")
        for added in ["inspections/r3.html", "en/inspections/r3.html", "tickets/T-2.html", "manual/z.html"] {
            var more = urls + [added]
            more.sort()
            let (again, _) = SearchNumbering.numbers(more)
            let byURL = Dictionary(uniqueKeysWithValues: zip(more, again))
            XCTAssertEqual(urls.map { byURL[$0]! }, numbers, "adding \(added)")
            XCTAssertEqual(again, again.sorted())
        }
        // Seventeen runs outgrow the block's room of 16: the blocks after it move, and the numbers still rise.
        urls += (3...17).map { "inspections/r\($0 < 10 ? "0" : "")\($0).html" }
        urls.sort()
        let (grown, _) = SearchNumbering.numbers(urls)
        XCTAssertEqual(grown, grown.sorted())
        XCTAssertEqual(Set(grown).count, grown.count)
    }

    func testTermShardCountChangesOnlyWhenThePostingsDoubleAndTextCutsDependOnTheURL() {
        XCTAssertEqual(SearchNumbering.termShards(estimate: 0), 1)
        XCTAssertEqual(SearchNumbering.termShards(estimate: 16_000 * 100), 128)
        XCTAssertEqual(SearchNumbering.termShards(estimate: 16_000 * 110), 128)
        XCTAssertEqual(SearchNumbering.termShards(estimate: 16_000 * 200), 256)
        XCTAssertEqual(SearchNumbering.termShards(estimate: Int.max / 2), 4096)
        XCTAssertFalse(SearchNumbering.cutsAfter("a.html", bytes: SiteSearch.textShardBytes / 2 - 1))
        XCTAssertTrue(SearchNumbering.cutsAfter("a.html", bytes: SiteSearch.textShardBytes * 2))
        let cutting = (0..<400).filter { SearchNumbering.cutsAfter("tickets/T-\($0).html", bytes: SiteSearch.textShardBytes) }
        XCTAssertTrue((50...150).contains(cutting.count), "about one url in four ends a shard: \(cutting.count)")
    }
}
