import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// 数据迁移核对报告: one page per comparison with what was compared, coverage, totals and each difference
/// with what to do; an English twin; in an acceptance bundle only when the comparison falls in its period.
final class ComparisonPagesTests: XCTestCase {
    func testTheReportShowsCoverageTotalsAndWhatToDoForEachDifference() throws {
        let (dir, output) = try SiteFixture.buildSite()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = SiteFixture.files(in: output).filter { $0.contains("comparisons/") }
        XCTAssertEqual(pages.count, 4, "\(pages)")
        let page = try XCTUnwrap(pages.first { !$0.hasPrefix("en/") && !$0.hasSuffix("index.html") })
        let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        for expected in ["数据迁移核对报告", "/mnt/old（dc）", "5 卷", "61 个文件", "12 MB", "中断后续传完成", "compare.volume_missing",
                         "复制被截断 (truncated copy)", "从旧侧重新复制整个文件", "无法核对（UNKNOWN）", "案卷缺失"] {
            XCTAssertTrue(html.contains(expected), expected)
        }
        XCTAssertFalse(html.contains("<script>alert"), "hostile text is escaped")
        XCTAssertFalse(html.contains(SiteFixture.idNumber), "personal numbers are masked in pages")
        let english = try String(contentsOf: output.appendingPathComponent("en/" + page), encoding: .utf8)
        for expected in ["Migration check", "truncated copy", "copy the whole file again from the old side", "Volume missing"] {
            XCTAssertTrue(english.contains(expected), expected)
        }
        let index = try String(contentsOf: output.appendingPathComponent("inspections/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("comparisons/index.html"), "the inspections index links the migration checks")
    }

    func testAnAcceptanceBundleHoldsTheComparisonsOfItsPeriodOnly() throws {
        let build = try SiteBuild(store: try SiteFixture.store(), outputURL: FileManager.default.temporaryDirectory)
        let june = try AcceptancePages.render(build, scope: ReportScope(firstDay: "2023-06-01", lastDay: "2023-06-30"))
        XCTAssertEqual(june.filter { $0.path.hasPrefix("comparisons/") }.count, 2)
        let may = try AcceptancePages.render(build, scope: ReportScope(firstDay: "2023-05-01", lastDay: "2023-05-31"))
        XCTAssertEqual(may.filter { $0.path.hasPrefix("comparisons/") }.count, 0)
    }
}
