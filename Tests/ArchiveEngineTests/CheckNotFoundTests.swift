@testable import ArchiveEngine
import Foundation
import XCTest

final class CheckNotFoundTests: XCTestCase {
    func testEveryNotFoundQueryOfTheWindowGetsItsCause() throws {
        let f = try standardFixture()
        let good = CenterFixture.code(1)
        // Typo in one character: the check character no longer fits, and exactly one catalog code is one edit away.
        var typo = Array(good)
        typo[10] = typo[10] == "5" ? "6" : "5"
        try f.addEnterprise(CenterFixture.code(4), name: "东莞市丁科技有限公司")           // no volumes
        try f.addEnterprise(CenterFixture.code(5), name: "东莞市戊物流有限公司", branch: "branch-changan")
        try f.addVolume("V050", uscc: CenterFixture.code(5), seq: 1, branch: "branch-changan")
        try FileManager.default.removeItem(at: f.folder("dc", "V050"))                       // not at dc
        try f.addQuery(1, kind: "uscc", text: String(typo))
        try f.addQuery(2, kind: "name", text: "东莞市甲电子厂")                                // former name
        try f.addQuery(3, kind: "name", text: "东莞市乙贸易有限公司 (分公司)")                  // brackets and a space
        try f.addQuery(4, kind: "uscc", text: CenterFixture.code(5))                          // not synced to dc
        try f.addQuery(5, kind: "uscc", text: CenterFixture.code(4))                          // no volume
        try f.addQuery(6, kind: "name", text: "深圳市某某有限公司")                             // unknown
        try f.addQuery(7, kind: "uscc", text: CenterFixture.code(999))                        // valid code, not here
        try f.addQuery(8, at: "2023-06-28T23:59:59+08:00", kind: "name", text: "前一天之前")     // outside the window
        try f.addQuery(9, at: "2023-06-30T00:00:00+08:00", kind: "name", text: "当天")          // outside the window
        try f.addQuery(10, kind: "uscc", text: good, result: "found")

        let report = try inspect(f, only: ["notfound"])
        // Report order: by code, then by query.
        XCTAssertEqual(report.findings.map { "\($0.query ?? 0) \($0.code) \($0.site ?? "-") \($0.uscc ?? "-")" }, [
            "2 notfound.former_name - \(good)",
            "1 notfound.invalid_code - \(good)",
            "3 notfound.name_variant - \(CenterFixture.code(2))",
            "5 notfound.no_volume - \(CenterFixture.code(4))",
            "4 notfound.not_synced dc \(CenterFixture.code(5))",
            "6 notfound.unknown - -",
            "7 notfound.unknown - -",
        ])
        let invalid = try XCTUnwrap(report.findings.first { $0.code == "notfound.invalid_code" })
        XCTAssertTrue(invalid.detail.contains("建议代码 \(good)"), invalid.detail)
    }

    func testNameNormalisationFoldsWidthBracketsAndSpaces() {
        XCTAssertEqual(EnterpriseNameNormalizer.normalize("东莞市ＡＢＣ（中国）有限公司"), EnterpriseNameNormalizer.normalize("东莞市ABC (中国)有限公司"))
        XCTAssertEqual(EnterpriseNameNormalizer.normalize("东莞市\u{3000}甲 公司"), "东莞市甲公司")
        XCTAssertNotEqual(EnterpriseNameNormalizer.normalize("东莞市甲公司"), EnterpriseNameNormalizer.normalize("东莞市乙公司"))
    }

    func testACodeWithTwoNeighboursGetsNoSingleSuggestion() {
        let a = CenterFixture.code(11), b = CenterFixture.code(12)
        let suggester = CodeSuggester(codes: [a, b])
        // One character too many: one neighbour.
        XCTAssertEqual(suggester.suggestions(for: a + "X"), [a])
        // One character short: both codes are one insertion away, so no single suggestion can be made.
        XCTAssertEqual(suggester.suggestions(for: String(a.dropLast())), [a, b].sorted())
    }
}
