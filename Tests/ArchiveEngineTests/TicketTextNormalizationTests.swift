@testable import ArchiveEngine
import Foundation
import XCTest

/// A ticket's free text keeps its line breaks as `\n`, whatever the export wrote: the byte-level rewrite must
/// say exactly what Foundation's two replacements said, on the odd forms real exports hold.
final class TicketTextNormalizationTests: XCTestCase {
    func testLineBreaksBecomeLineFeedsAsFoundationWouldWriteThem() {
        let samples = [
            "", "无换行", "a\r\nb", "a\rb", "a\nb", "\r", "\n", "\r\n", "\r\r\n", "\n\r", "\r\n\r\n", "末尾\r",
            "\r开头", "处理过程：\r\n1. 重启\r2. 复核\n3. 关闭\r\n", "é\u{301}\r\n👍🏽\r", "\u{2028}\r\u{85}", "\u{FEFF}\r\n",
        ]
        for s in samples {
            let foundation = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            XCTAssertEqual(TicketImporter.normalizedText(s), foundation, s.debugDescription)
            XCTAssertFalse(TicketImporter.normalizedText(s).utf8.contains(13), s.debugDescription)
        }
    }
}
