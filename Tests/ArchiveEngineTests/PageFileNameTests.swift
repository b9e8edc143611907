@testable import ArchiveEngine
import Foundation
import XCTest

/// Which file names are page images of the contract (`page-0001.jpg`): read from the name's bytes, with
/// the answers the earlier text-based reading gave.
final class PageFileNameTests: XCTestCase {
    /// The earlier reading, kept as the reference.
    private func reference(_ name: String) -> Int? {
        let utf8 = Array(name.utf8)
        guard utf8.count >= 13, name.hasPrefix("page-") else { return nil }
        let ext = String(decoding: utf8[(utf8.count - 4)...], as: UTF8.self)
        guard ext == ".jpg" || ext == ".tif" else { return nil }
        let digits = utf8[5..<(utf8.count - 4)]
        guard digits.count >= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if digits.count > 4 && digits.first == 0x30 { return nil }
        guard let n = Int(String(decoding: digits, as: UTF8.self)), n >= 1 else { return nil }
        return n
    }

    func testPageNamesReadAsBefore() {
        let names = [
            "page-0001.jpg", "page-0012.tif", "page-9999.jpg", "page-10000.jpg", "page-010000.jpg", "page-0000.jpg",
            "page-001.jpg", "page-0001.png", "page-0001.JPG", "Page-0001.jpg", "page-00a1.jpg", "page-0001.jpg ",
            "page-0001jpg", "page-+001.jpg", "page--001.jpg", "page-０００１.jpg", "page-0001.jpg.jpg",
            "page-99999999999999999999999.jpg", "page-9223372036854775807.jpg", "page-9223372036854775808.jpg",
            "page-", "", "metadata.xml", "volume.pdf", "page-0001.tif\u{301}", "page-\u{0}001.jpg",
        ]
        for name in names { XCTAssertEqual(VolumeFolderContents.pageNumber(name), reference(name), name) }
        XCTAssertEqual(VolumeFolderContents.pageNumber("page-0012.jpg"), 12)
        XCTAssertEqual(VolumeFolderContents.pageNumber("page-10000.tif"), 10000)
    }
}
