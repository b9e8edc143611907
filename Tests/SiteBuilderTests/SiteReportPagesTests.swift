import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// Builds the whole site from ``SiteFixture`` and reads the numbers a manager would read.
final class SiteReportPagesTests: XCTestCase {
    var dir: URL!
    var output: URL!

    override func setUpWithError() throws {
        (dir, output) = try SiteFixture.buildSite()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The text of a page with tags removed and whitespace collapsed, for "label … number" checks.
    func text(_ path: String) throws -> String {
        let html = try page(path)
        let noTags = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        return noTags.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    func testMonthlySummaryShowsHandComputedSLAAndCauses() throws {
        let t = try text("monthly/2023-06.html")
        XCTAssertTrue(t.contains("月度运维总结 2023-06"))
        // Response: 4 judged, 3 met, 1 missed → 75.0%; 特急 on site: 2 judged, 1 met → 50.0%.
        XCTAssertTrue(t.contains("响应 ≤ 15 分钟 4 3 1 75.0%"), t)
        XCTAssertTrue(t.contains("特急到场 ≤ 60 分钟 2 1 1 50.0%"), t)
        XCTAssertTrue(t.contains("超时 5 分钟"))     // T-0602 responded after 20 min
        XCTAssertTrue(t.contains("超时 15 分钟"))    // T-0604 on site after 75 min
        XCTAssertTrue(t.contains("notfound.former_name 使用了曾用名 1"), t)
        XCTAssertTrue(t.contains("notfound.unknown 目录中无此企业 2"), t)
        XCTAssertTrue(t.contains("巡检次数 2 · 新发现问题 6 · 已消除问题 3"), t)
        XCTAssertTrue(t.contains("anomaly.stale_lock"))   // repaired anomaly
        XCTAssertTrue(t.contains("T-0604"))               // training given
        XCTAssertTrue(t.contains("无法给出空间增长量"))       // disk growth: said plainly that it is not recorded
    }

    func testQueryStatisticsShowTheBureauTotalAndNameEachLevel() throws {
        let t = try text("queries/index.html")
        XCTAssertTrue(t.contains("1,542,832"))
        XCTAssertTrue(t.contains("2020 + 2021 + 2022 + 2023-H1"))
        XCTAssertTrue(t.contains("按年统计的查询量 · 市局汇总报表"))
        XCTAssertTrue(t.contains("按半年统计的查询量 · 市局汇总报表"))
        XCTAssertTrue(t.contains("按月统计的查询量 · 市局汇总报表"))
        XCTAssertFalse(t.contains("1,582,832"), "the 2023-06 month must not be added to the total holding it")
        // The query log's days, added up per month in a table of their own, named as such; two days of June
        // make a partial month.
        XCTAssertTrue(t.contains("按月统计的查询量（由日数据相加）· 查询明细统计 统计期间 自助终端 合计 查无结果 查无率 2023-06 不完整：2/30 天 220 220 * 11 5.0%"), t)
        let days = try text("queries/days-2023-06.html")
        XCTAssertTrue(days.contains("2023-06-29 100 100 * 5 5.0%"), days)
    }

    func testDashboardLinksEveryFigureToItsPage() throws {
        let html = try page("index.html")
        XCTAssertTrue(html.contains(#"href="inspections/20230630T073000-inspector.html#check-disk""#))
        XCTAssertTrue(html.contains(#"href="tickets/open.html""#))
        XCTAssertTrue(html.contains(#"href="monthly/2023-06.html#sla""#))
        let t = try text("index.html")
        XCTAssertTrue(t.contains("75.0%"))
        XCTAssertTrue(t.contains("2023-06-30"))
    }

    func testDailyReportListsChangesAndWhatToDo() throws {
        let t = try text("inspections/20230630T073000-inspector.html")
        XCTAssertTrue(t.contains("新发现 2 · 已消除 3 · 仍未解决 1"), t)
        XCTAssertTrue(t.contains("处理办法"))
        XCTAssertTrue(t.contains("对该站点重新执行该案卷的同步"))   // sync.missing resolution from the catalogue
        XCTAssertTrue(t.contains("2023-06-30 07:30"))
    }

    func testServiceReportShowsTimesVerdictAndEngineer() throws {
        let t = try text("tickets/T-0604.html")
        XCTAssertTrue(t.contains("运维服务报告 T-0604"))
        XCTAssertTrue(t.contains("到场"))
        XCTAssertTrue(t.contains("75 ≤ 60 分钟 超时 15 分钟"), t)
        XCTAssertTrue(t.contains("张工"))
    }

    func testXSSPayloadInATicketDescriptionShowsAsText() throws {
        let html = try page("tickets/T-0601.html")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert("))
        for file in SiteFixture.files(in: output) where file.hasSuffix(".html") || file.hasSuffix(".json") || file.hasSuffix(".js") {
            XCTAssertFalse(try page(file).contains("<script>alert("), file)
        }
    }

    func testNoIDCardOrMobileNumberIsReadableAnywhereInTheSite() throws {
        var scanned = 0
        for file in SiteFixture.files(in: output) {
            let text = try page(file)
            XCTAssertEqual(PersonalDataMask.unmaskedMatches(in: text), [], file)
            scanned += 1
        }
        XCTAssertGreaterThan(scanned, 40)
        let t = try page("tickets/T-0602.html")
        XCTAssertTrue(t.contains("4419**********1234"))
        XCTAssertTrue(t.contains("91441900MA4W1234X5"), "a USCC is not personal data and stays readable")
        XCTAssertTrue(t.contains("138****5678"))
        XCTAssertTrue(try page("tickets/T-0603.html").contains("4419**********567X"))
    }

    func testEnglishTwinHasEnglishLabelsAndTheSameFigures() throws {
        let en = try text("en/monthly/2023-06.html")
        XCTAssertTrue(en.contains("Monthly summary 2023-06"))
        XCTAssertTrue(en.contains("75.0%"))
        XCTAssertTrue(try page("en/index.html").contains(#"<html lang="en">"#))
        XCTAssertTrue(try text("en/index.html").contains("Archive sync Critical 1"))
        XCTAssertTrue(try text("en/tickets/T-0602.html").contains("4419**********1234"), "data is masked in both languages")
        XCTAssertTrue(try page("monthly/2023-06.html").contains(#"href="../en/monthly/2023-06.html""#))
        XCTAssertTrue(try page("en/monthly/2023-06.html").contains(#"href="../../monthly/2023-06.html""#))
    }

    func testEveryPageIsWithinTwoClicksOfHome() throws {
        for (home, prefix) in [("index.html", ""), ("en/index.html", "en/")] {
            var reached: Set<String> = [home]
            var frontier = [home]
            for _ in 0..<2 {
                var next: [String] = []
                for p in frontier {
                    for link in try links(in: p) where !reached.contains(link) {
                        reached.insert(link)
                        next.append(link)
                    }
                }
                frontier = next
            }
            let pages = SiteFixture.files(in: output).filter {
                SiteFixture.isReportPage($0) && $0.hasSuffix(".html") && (prefix.isEmpty ? !$0.hasPrefix("en/") : $0.hasPrefix(prefix))
            }
            XCTAssertEqual(pages.filter { !reached.contains($0) }, [], "pages more than two clicks from \(home)")
        }
    }

    /// Site-relative paths of the local links of a page (anchors dropped).
    func links(in path: String) throws -> [String] {
        let html = try page(path)
        let base = URL(fileURLWithPath: "/site/").appendingPathComponent(path).deletingLastPathComponent()
        let regex = try NSRegularExpression(pattern: ##"href="([^"#]+)"##)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { m in
            guard let r = Range(m.range(at: 1), in: html) else { return nil }
            let href = String(html[r])
            guard href.hasSuffix(".html") else { return nil }
            let resolved = URL(fileURLWithPath: href, relativeTo: base).standardizedFileURL.path
            return resolved.hasPrefix("/site/") ? String(resolved.dropFirst("/site/".count)) : nil
        }
    }

    func testNoPageRefersToAnythingOutsideTheSite() throws {
        for file in SiteFixture.files(in: output) where file.hasSuffix(".html") || file.hasSuffix(".css") {
            let text = try page(file)
            // Resources and links, not prose: a page may mention a URL in text without loading it.
            for pattern in ["href=\"http", "src=\"http", "action=\"http", "href=\"//", "src=\"//", "url(http", "url(//", "url(\"http",
                            "@import"] {
                XCTAssertFalse(text.contains(pattern), "\(file) contains \(pattern)")
            }
        }
    }
}
