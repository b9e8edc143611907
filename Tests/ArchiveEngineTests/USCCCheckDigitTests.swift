import ArchiveEngine
import XCTest

final class USCCCheckDigitTests: XCTestCase {
    func testPublishedCodesPassTheCheckDigit() {
        // Codes printed on real business licences (public registry data of well-known companies).
        for code in ["91110000802100433B", "91440300708461136T", "914403001922038216", "91310000132206289R"] {
            XCTAssertTrue(USCC.isValid(code), code)
        }
    }

    func testOneChangedCharacterFailsTheCheckDigit() {
        let code = "91440300708461136T"
        XCTAssertFalse(USCC.isValid("91440300708461136U"))
        XCTAssertFalse(USCC.isValid("91440300708461163T"))  // two digits swapped
        XCTAssertFalse(USCC.isValid(String(code.dropLast())))
        XCTAssertFalse(USCC.isValid(code.lowercased()))
        XCTAssertFalse(USCC.isValid("9144030070846I136T"))  // I is not in the alphabet
        XCTAssertFalse(USCC.isValid("９１４４０３００７０８４６１１３６Ｔ"))  // full-width digits
    }

    func testCompletingAPrefixGivesAValidCode() throws {
        let code = try XCTUnwrap(USCC.complete("91441900MA4UJ5XY2"))
        XCTAssertTrue(USCC.isValid(code))
        XCTAssertEqual(code.count, 18)
        XCTAssertNil(USCC.complete("91441900MA4UJ5XY"))
    }
}
