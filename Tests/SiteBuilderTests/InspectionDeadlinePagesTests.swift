import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The 08:30 deadline as the duty engineer reads it on the dashboard and the manager in the monthly summary,
/// for builds as of different days.
final class InspectionDeadlinePagesTests: XCTestCase {
    var dir: URL!

    override func tearDown() { if let dir { try? FileManager.default.removeItem(at: dir) } }

    static func run(_ day: String, finished: String) -> InspectionRun {
        let end = BureauTime.parse("\(day) \(finished)")!
        return InspectionRun(startedAt: end.addingTimeInterval(-600), finishedAt: end, host: "h", center: "/c",
                             checks: ["sync", "efile", "seal", "disk", "notfound", "anomaly", "fixity"], coverageDetail: "全量检查 10 卷")
    }

    /// Runs: 26 June 08:10 (on time), 27 June 08:41:30 (12 minutes late), none on the 28th, 29 June 07:55.
    func build(asOf: String) throws -> URL {
        dir = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("deadline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try OperationsStore.open(at: dir.appendingPathComponent("archive-ops.sqlite"))
        for (day, time) in [("2023-06-26", "08:10"), ("2023-06-27", "08:41:30"), ("2023-06-29", "07:55")] {
            try store.saveInspection(Self.run(day, finished: time), findings: [])
        }
        let output = dir.appendingPathComponent("Output-\(asOf)")
        var build = try SiteBuild(store: store, outputURL: output)
        build.asOf = CalendarDay(asOf)
        try build.run()
        return output
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func testTheDashboardSaysOnTimeLateByMinutesOrMissingForTheAsOfDay() throws {
        let late = try page(try build(asOf: "2023-06-27"), "index.html")
        XCTAssertTrue(late.contains("报告日期 2023-06-27（北京时间）· 巡检截止时间每天 08:30"), late)
        XCTAssertTrue(late.contains("今日巡检 · 08:30 前完成"))
        XCTAssertTrue(late.contains("class=\"tile deadline deadline-late\""))
        XCTAssertTrue(late.contains("<span class=\"tile-value\">迟 12 分钟</span>"))
        XCTAssertTrue(late.contains("08:41 完成"))
        XCTAssertTrue(late.contains("最近一次巡检的覆盖范围：<span class=\"datum\" lang=\"zh-CN\">检查项 sync,efile"), "the last run's coverage")
        let missing = try page(try build(asOf: "2023-06-28"), "index.html")
        XCTAssertTrue(missing.contains("<span class=\"tile-value\">未巡检</span>"))
        XCTAssertTrue(missing.contains("截至生成站点时，今天没有巡检记录。"))
        let onTime = try build(asOf: "2023-06-29")
        XCTAssertTrue(try page(onTime, "index.html").contains("<span class=\"tile-value\">按时完成</span>"))
        XCTAssertTrue(try page(onTime, "index.html").contains("07:55 完成，提前 35 分钟"))
        XCTAssertTrue(try page(onTime, "en/index.html").contains("<span class=\"tile-value\">On time</span>"))
        XCTAssertTrue(try page(onTime, "en/index.html").contains("As of 2023-06-29 (Asia/Shanghai)"))
    }

    func testTheMonthlySummaryGivesTheOnTimeRateAndListsLateAndMissingDays() throws {
        let june = try page(try build(asOf: "2023-06-30"), "monthly/2023-06.html")
        // 26th to 30th judged: 26 and 29 on time; 27 late; 28 and 30 missing.
        XCTAssertTrue(june.contains("按时率 40.0%：2/5 个应巡检日在 08:30 前完成（2023-06-26 至 2023-06-30）"), june)
        XCTAssertTrue(june.contains("<tr><td>2023-06-27</td><td><span class=\"badge deadline-late\">迟 12 分钟</span></td>"))
        XCTAssertTrue(june.contains("<tr><td>2023-06-28</td><td><span class=\"badge deadline-missing\">未巡检</span></td><td>—</td></tr>"))
        XCTAssertTrue(june.contains("<tr><td>2023-06-30</td>"))
        XCTAssertFalse(june.contains("<tr><td>2023-06-26</td>"), "an on-time day is not listed")
        // As of the 29th the 30th is not judged yet.
        let earlier = try page(try build(asOf: "2023-06-29"), "monthly/2023-06.html")
        XCTAssertTrue(earlier.contains("按时率 50.0%：2/4 个应巡检日"), earlier)
    }

    func testTwoBuildsAsOfTheSameDayAreByteIdentical() throws {
        let a = try build(asOf: "2023-06-28")
        let b = dir.appendingPathComponent("Output-copy")
        try FileManager.default.copyItem(at: a, to: b)
        _ = try build(asOf: "2023-06-28")
        for path in ["index.html", "en/index.html", "monthly/2023-06.html"] {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(path)), try Data(contentsOf: b.appendingPathComponent(path)), path)
        }
    }
}
