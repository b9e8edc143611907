@testable import ArchiveEngine
import XCTest

final class BureauTimeTests: XCTestCase {
    func testEveryAcceptedFormReadsAsShanghaiTime() throws {
        let expected = "2023-06-30T17:05:00+08:00"
        for text in ["2023-06-30 17:05", "2023-06-30 17:05:00", "2023/6/30 17:05", "2023-06-30T17:05:00+08:00",
                     "2023-06-30T09:05:00Z", "2023-06-30T17:05:00.000+0800"] {
            let date = try XCTUnwrap(BureauTime.parse(text), text)
            XCTAssertEqual(BureauTime.iso(date), expected, text)
        }
        XCTAssertEqual(BureauTime.iso(try XCTUnwrap(BureauTime.parse("2023-06-30 17:05:09"))), "2023-06-30T17:05:09+08:00")
    }

    func testDateOnlyIsAcceptedOnlyWhereAllowed() {
        XCTAssertNil(BureauTime.parse("2023-06-30"))
        XCTAssertEqual(BureauTime.parse("2023-06-30", allowDateOnly: true).map(BureauTime.iso), "2023-06-30T00:00:00+08:00")
    }

    func testImpossibleDatesAndGarbageAreRejected() {
        for text in ["2023-02-29 10:00", "2023-13-01 10:00", "2023-06-30 25:00", "昨天下午", "", "2023-06-30 17:05 PM"] {
            XCTAssertNil(BureauTime.parse(text), text)
        }
        XCTAssertNotNil(BureauTime.parse("2024-02-29 10:00"))
    }

    func testDayAndMonthFollowShanghaiNotUTC() throws {
        let lateEvening = try XCTUnwrap(BureauTime.parse("2023-06-30T23:30:00+08:00"))
        XCTAssertEqual(BureauTime.day(lateEvening), "2023-06-30")
        let earlyMorning = try XCTUnwrap(BureauTime.parse("2023-07-01T00:10:00+08:00"))
        XCTAssertEqual(BureauTime.month(earlyMorning), "2023-07")
        XCTAssertEqual(BureauTime.iso(BureauTime.startOfDay(earlyMorning)), "2023-07-01T00:00:00+08:00")
    }

    func testSpacesAroundATimeAsExcelLeavesThemAreIgnoredAndFullWidthDigitsAreNot() throws {
        for text in ["  2023-06-30 17:05\t", "\u{3000}2023-06-30 17:05\u{3000}", "\u{00A0}2023/6/30 17:05"] {
            XCTAssertEqual(BureauTime.parse(text).map(BureauTime.iso), "2023-06-30T17:05:00+08:00", text.debugDescription)
        }
        for text in ["２０２３-06-30 17:05", "2023-06-30 17:0５", "2023-06-30\n17:05", "2023-06-30 17:05\u{301}", "2023-06-30 17:05+0800x"] {
            XCTAssertNil(BureauTime.parse(text), text.debugDescription)
        }
        XCTAssertEqual(BureauTime.parseDate(" 2023/7/1 ").map(BureauTime.iso), "2023-07-01T00:00:00+08:00")
    }

    func testFormsPadWithZerosAsPrintfDid() throws {
        let date = try XCTUnwrap(BureauTime.parse("1999-01-02 03:04:05"))
        XCTAssertEqual(BureauTime.iso(date), "1999-01-02T03:04:05+08:00")
        XCTAssertEqual(BureauTime.display(date), "1999-01-02 03:04")
        XCTAssertEqual(BureauTime.day(date), "1999-01-02")
        XCTAssertEqual(BureauTime.month(date), "1999-01")
        XCTAssertEqual(BureauTime.compactStamp(date), "19990102T030405")
        XCTAssertEqual(BureauTime.iso(Date(timeIntervalSince1970: -62_135_596_800 + 3600)), "0001-01-01T09:00:00+08:00")
    }

    /// The byte-position reading of the canonical form agrees with the general reading on every text it
    /// accepts, and leaves every other text (of that shape or not) to it.
    func testTheCanonicalFormsShortcutAgreesWithTheGeneralReading() {
        let bases = ["2023-06-30T17:05:00+08:00", "2024-02-29T23:59:60+08:00", "1900-01-01T00:00:00-14:59", "2023-12-31T07:30:00+00:00"]
        let swaps: [Character] = ["0", "1", "2", "3", "5", "9", "-", "+", ":", "T", " ", "Z", "/", ".", "a", "６", "\u{301}"]
        var accepted = 0, tried = 0
        for base in bases {
            let chars = Array(base)
            for i in chars.indices {
                for c in swaps {
                    var changed = chars
                    changed[i] = c
                    let text = String(changed)
                    tried += 1
                    let general = BureauTime.parseAnyForm(text, allowDateOnly: false)
                    if let fast = BureauTime.parseCanonical(text) {
                        accepted += 1
                        XCTAssertEqual(fast, general, text.debugDescription)
                    }
                    XCTAssertEqual(BureauTime.parse(text), general, text.debugDescription)
                }
            }
            XCTAssertEqual(BureauTime.parseCanonical(base), BureauTime.parseAnyForm(base, allowDateOnly: false), base)
        }
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertLessThan(accepted, tried)
        for impossible in ["2023-02-29T10:00:00+08:00", "2023-06-31T10:00:00+08:00", "2023-06-30T24:00:00+08:00",
                           "2023-06-30T10:00:00+15:00", "1899-12-31T10:00:00+08:00"] {
            XCTAssertNil(BureauTime.parseCanonical(impossible), impossible)
            XCTAssertNil(BureauTime.parse(impossible), impossible)
        }
    }

    func testTrimmingWhitespaceEqualsFoundationsTrimming() {
        let odd = ["", " ", "\u{3000}", "a", " a ", "2023-06-30", "x\t", "\tx", "~x~", "\u{7F}x", "x\u{A0}", "!",
                   "\u{3000}某某公司\u{3000}", "\t\nx\r\n", "\u{00A0}x\u{2003}", "x\u{301} ", " \u{1F600} ",
                   "\r\n", "a\u{0085}", "中 文"]
        for text in odd {
            XCTAssertEqual(text.trimmedOfWhitespace(), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(text.trimmedOfWhitespace(newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}

final class VolumeFolderNameTests: XCTestCase {
    func testSeqFoldersAreThreeDigitsUnlessTheNumberNeedsMore() {
        XCTAssertEqual([0, 1, 7, 42, 100, 999, 1000, 12345, -1].map(VolumeFolderName.seqFolder),
                       ["000", "001", "007", "042", "100", "999", "1000", "12345", "-1"])
    }

    func testZeroPaddingPrintsWhatPrintfPrints() {
        for n in [0, 7, 42, 999, 1000, 12345, -5, -1234] {
            for width in [2, 3, 4] {
                XCTAssertEqual(n.zeroPadded(width), String(format: "%0\(width)d", n), "\(n) to \(width)")
            }
        }
    }
}
