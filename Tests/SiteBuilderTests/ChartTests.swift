import Foundation
@testable import SiteBuilder
import XCTest

final class ChartTests: XCTestCase {
    func testBarChartDrawsOneLabelledBarPerValueWithTheNumberWritten() {
        let svg = BarChart(title: "任务单", bars: [("档案同步", 3), ("签章文件", 7)]).svg()
        XCTAssertEqual(svg.components(separatedBy: "<rect class=\"bar\"").count - 1, 2)
        XCTAssertTrue(svg.contains("<title>签章文件: 7</title>"))
        XCTAssertTrue(svg.contains(">7</text>"))
        XCTAssertTrue(svg.contains(#"aria-label="任务单""#))
        XCTAssertFalse(svg.contains("<script"))
    }

    func testChartLabelsFromDataAreEscaped() {
        let svg = BarChart(title: "<b>", bars: [("<script>", 1)]).svg()
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;"))
    }

    func testChartsAreDeterministicAndScaleToANiceMaximum() {
        let a = LineChart(title: "查询量", points: [("2023-05", 49_577), ("2023-06", 48_259)]).svg()
        XCTAssertEqual(a, LineChart(title: "查询量", points: [("2023-05", 49_577), ("2023-06", 48_259)]).svg())
        XCTAssertTrue(a.contains(">50,000</text>"), "axis maximum rounds up to 50,000")
        XCTAssertEqual(SVGText.niceMax(7), 10)
        XCTAssertEqual(SVGText.niceMax(1_542_832), 2_000_000)
        XCTAssertTrue(Sparkline(title: "趋势", values: [1, 5, 3]).svg().contains("<polyline"))
    }
}
