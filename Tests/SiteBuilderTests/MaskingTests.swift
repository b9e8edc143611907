import Foundation
@testable import SiteBuilder
import XCTest

final class MaskingTests: XCTestCase {
    func testIDCardNumbersKeepFirstAndLastFourCharacters() {
        XCTAssertEqual(PersonalDataMask.mask("身份证441900198503151234。"), "身份证4419**********1234。")
        XCTAssertEqual(PersonalDataMask.mask("证件 44190019900101567X"), "证件 4419**********567X")
        XCTAssertEqual(PersonalDataMask.mask("证件 44190019900101567x"), "证件 4419**********567x")
    }

    func testMobileNumbersKeepFirstThreeAndLastFourDigits() {
        XCTAssertEqual(PersonalDataMask.mask("手机13812345678，"), "手机138****5678，")
        XCTAssertEqual(PersonalDataMask.mask("电话 138-1234-5678"), "电话 138-****-5678")
        XCTAssertEqual(PersonalDataMask.mask("电话 138 1234 5678"), "电话 138 **** 5678")
        XCTAssertEqual(PersonalDataMask.mask("+8613912345678"), "+86139****5678")
    }

    func testCodesAndOrdinaryNumbersAreLeftAlone() {
        let untouched = [
            "统一社会信用代码 91441900MA4W1234X5",      // USCC with letters
            "代码 914419001234567890",                // 18 digits but region starts with 9 (enterprise USCC)
            "工单 GD2023063000123",                   // ticket id
            "查询量 1,542,832",
            "序号 123456789012345678901",             // a longer run of digits
            "441900199913451234",                     // month 13: not a birth date
            "12812345678",                            // not a mobile prefix
            "时间 20230630173000",
        ]
        for s in untouched { XCTAssertEqual(PersonalDataMask.mask(s), s, s) }
    }

    func testTheSiteScanFindsWhatTheMaskWouldHide() {
        XCTAssertEqual(PersonalDataMask.unmaskedMatches(in: "a 13812345678 b 441900198503151234"),
                       ["13812345678", "441900198503151234"])
        XCTAssertEqual(PersonalDataMask.unmaskedMatches(in: PersonalDataMask.mask("a 13812345678 b 441900198503151234")), [])
    }
}

/// The report pages' one masking mechanism: the view encoder masks every string, whatever field, row or
/// optional it sits in, and leaves a nil optional out (as a missing key) rather than empty.
final class ReportViewMaskingTests: XCTestCase {
    func testEveryStringOfAReportViewIsMaskedWhateverItsField() throws {
        let row = TicketRow(id: "T-1", href: "tickets/T-1.html", reported: "2023-06-30 09:00", category: "其他", priority: "一般",
                            priorityKey: "normal", status: "已解决", unit: "联系 13812345678", sla: "达标", slaKey: "met")
        let list = try TemplateValueEncoder(strings: PersonalDataMask.mask).encode(TicketListView(tickets: [row], count: "1"))
        let first = try XCTUnwrap((list["tickets"] as? [Any])?.first as? [String: Any])
        XCTAssertEqual(first["unit"] as? String, "联系 138****5678")
        XCTAssertEqual(first["id"] as? String, "T-1")

        let days = try TemplateValueEncoder(strings: PersonalDataMask.mask)
            .encode(QueryStatisticsView(tables: [], hasData: true, hasSums: false, month: "证件 441900198503151234"))
        XCTAssertEqual(days["month"] as? String, "证件 4419**********1234")
        XCTAssertEqual(days["hasData"] as? Bool, true)
        XCTAssertNil(days["monthHref"], "a nil optional is absent, not an empty string")
        XCTAssertNil(days["chart"])
    }
}
