import Foundation
@testable import SiteBuilder
import XCTest

/// The search shards' own JSON writer gives the very bytes of `JSONSerialization` (and `<` as `\u003c`),
/// so changing the writer changed no published byte.
final class ShardJSONTests: XCTestCase {
    func testEveryASCIICharacterAndChineseTextAreWrittenAsJSONSerializationWritesThem() throws {
        var strings = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        strings += ["", "巡检报告 2023-06-30", "<script>alert('x')</script>", "a/b\\c\"d", "\u{2028}\u{2029}\u{7F}", "𠀀 emoji 😀",
                    "全角ＡＢＣ　空格", "tab\tnew\nline\r\u{0}"]
        let rows = strings.map { [$0, $0 + "!"] }
        XCTAssertEqual(ShardJSON.strings(rows), try SiteSearch.json(rows))
        let sections = [strings.map { [$0, "标题", $0] }, [], [["", "", ""]]]
        XCTAssertEqual(ShardJSON.sections(sections), try SiteSearch.json(sections))
    }
}
