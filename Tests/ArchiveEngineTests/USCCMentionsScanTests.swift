@testable import ArchiveEngine
import XCTest

/// The quick scan for codes in a ticket's text (over scalars, for the common Chinese text of tickets) finds
/// exactly what the character-by-character scan finds, and gives way to it for text it does not model.
final class USCCMentionsScanTests: XCTestCase {
    func testTheQuickScanFindsWhatTheCharacterScanFinds() {
        let texts = [
            "企业91441900MA4UJ5XY2K查不到；身份证44190019850315123X；91441900MA4UJ5XY2K0",
            "代码 914419006585176470。", "代码：91441900ma4uj5xy2k（小写），另见 91441900MA4UJ5XY2I（含 I）",
            "", "9", "91441900MA4UJ5XY2K", "\r\n91441900MA4UJ5XY2K\r\n", "“91441900MA4UJ5XY2K”、91441900MA4UJ5XY2K·x×",
            "ａｂｃ９１４４１９００ＭＡ４ＵＪ５ＸＹ２Ｋ 全角不算", "〇一二 91441900MA4UJ5XY2K〇", "914419006585176470914419006585176470",
        ]
        for text in texts {
            XCTAssertEqual(USCCMentions.codesInCommonText(text), USCCMentions.codesInAnyText(text), text)
        }
        // Random text over ASCII, ideographs and punctuation: the same codes, in the same order.
        var rng = SystemRandomNumberGenerator()
        let pieces: [String] = "9914419MAUJ5XY2Kaxk0 -，。：东莞市".map(String.init) + ["91441900MA4UJ5XY2K", "\r\n", "”"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(USCCMentions.codesInCommonText(text), USCCMentions.codesInAnyText(text), text)
        }
    }

    func testTextTheQuickScanDoesNotModelIsLeftToTheCharacterScan() {
        // ß upper-cases to SS, ﬁ to FI, ﬀ to FF, and a combining mark joins the digit before it into one character.
        for text in ["9144190065851764ß", "91441900MA4UJ5XYﬁ", "代码91441900MA4UJ5XYﬀ", "91441900MA4UJ5XY2K\u{0301}",
                     "91441900MA4UJ5XY2K\u{200D}"] {
            XCTAssertNil(USCCMentions.codesInCommonText(text), text)
            XCTAssertEqual(USCCMentions.codes(in: text), USCCMentions.codesInAnyText(text), text)
        }
        XCTAssertEqual(USCCMentions.codes(in: "代码91441900MA4UJ5XYﬀ"), ["91441900MA4UJ5XYFF"], "ﬀ upper-cases to FF")
    }
}
