import Foundation
@testable import SiteBuilder
import XCTest

/// Every way people write an ID card or mobile number in a ticket is masked (synthetic numbers only).
final class MaskingFormsTests: XCTestCase {
    func testGroupedFullWidthZeroWidthPrefixedAndLetterGluedNumbersAreMasked() {
        let cases: [(String, String)] = [
            ("身份证 441900 19850315 1234。", "身份证 4419** ******** 1234。"),
            ("身份证 441900-1985-0315-1234", "身份证 4419**-****-****-1234"),
            ("身份证 441900.19850315.1234", "身份证 4419**.********.1234"),
            ("身份证４４１９００１９８５０３１５１２３４", "身份证４４１９**********１２３４"),
            ("证件 4419\u{200B}0019850315\u{200D}1234", "证件 4419\u{200B}**********\u{200D}1234"),
            ("老身份证 441900850315123", "老身份证 4419********123"),
            ("老身份证 441900 850315 123", "老身份证 4419** ****** 123"),
            ("ID441900198503151234", "ID4419**********1234"),
            ("证件 44190019900101567Ｘ", "证件 4419**********567Ｘ"),
            ("tel13812345678", "tel138****5678"),
            ("手机 138.1234.5678", "手机 138.****.5678"),
            ("手机 +86 138 1234 5678", "手机 +86 138 **** 5678"),
            ("手机 0086-13812345678", "手机 0086-138****5678"),
            ("手机 008613812345678", "手机 0086138****5678"),
            ("手机＋８６１３８１２３４５６７８", "手机＋８６１３８****５６７８"),
            ("手机 138 - 1234 - 5678", "手机 138 - **** - 5678"),
            ("2023-06-30 13812345678 回电", "2023-06-30 138****5678 回电"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(PersonalDataMask.mask(input), expected, input)
            XCTAssertEqual(PersonalDataMask.unmaskedMatches(in: PersonalDataMask.mask(input)), [], input)
        }
    }

    func testHashesTimesAndCodesStayReadable() {
        let untouched = [
            "页面哈希 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "a3f13812345678b9e0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4",
            "时间 2023-06-30 17:05:09",
            "统一社会信用代码 91441900MA4W1234X5",
            "查询量 1,542,832 次",
            "版本 1.8.2，端口 8080",
        ]
        for s in untouched { XCTAssertEqual(PersonalDataMask.mask(s), s, s) }
    }
}
