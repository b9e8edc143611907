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
    }

    func testNumbersRiseInURLOrderAndAPageAddedAtTheEndOfItsFolderMovesNoOtherNumber() {
        var urls = ["dashboard.html", "en/inspections/r1.html", "en/inspections/r2.html", "en/tickets/T-1.html", "index.html",
                    "inspections/r1.html", "inspections/r2.html", "manual/a.html", "manual/b/c.html", "tickets/T-1.html"]
        let (numbers, capacity) = SearchNumbering.numbers(urls)
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(numbers).count, numbers.count)
        XCTAssertEqual(numbers.prefix(4), [0, 16, 17, 32])
        XCTAssertEqual(capacity, 16 * 7, "seven blocks of up to 16")
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
