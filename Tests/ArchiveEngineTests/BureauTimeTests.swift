import ArchiveEngine
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
}
