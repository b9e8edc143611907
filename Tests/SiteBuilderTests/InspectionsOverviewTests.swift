import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import SiteBuilder
import XCTest

/// The inspections overview (巡检报告 index) as a manager reads it: one row per month, a count coloured
/// only when there is something to see, and the table whole on a phone's screen.
final class InspectionsOverviewTests: XCTestCase {
    static var site: ClassSite?

    /// May: two runs, each with a critical finding. June: one run with a warning, one with nothing.
    /// July (the newest month, shown day by day above the table): one run with a notice.
    override class func setUp() {
        site = ClassSite("inspections-overview") { store in
            func run(_ day: String, _ findings: [Finding]) throws {
                try store.saveInspection(SiteFixture.run(day), findings: findings)
            }
            let critical = Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", detail: "缺失 V1")
            try run("2023-05-10", [critical])
            try run("2023-05-11", [critical])
            try run("2023-06-01", [Finding(check: "disk", code: "disk.usage", severity: .warning, detail: "h1:/data 85%",
                                           host: "h1", mount: "/data")])
            try run("2023-06-02", [])
            try run("2023-07-01", [Finding(check: "notfound", code: "notfound.unknown", severity: .info, site: "dc",
                                           detail: "查无", query: 101)])
        }
    }

    override class func tearDown() { site?.remove() }

    private func overview() throws -> URL {
        try XCTUnwrap(Self.site?.output, "site build failed: \(String(describing: Self.site?.error))")
            .appendingPathComponent("inspections/index.html")
    }

    /// The cells of the month row whose first cell links to `month`.
    private func row(_ month: String, in html: String) throws -> [String] {
        let start = try XCTUnwrap(html.range(of: "<tr><td><a href=\"../months/\(month).html\">"), "no row for \(month)")
        let end = try XCTUnwrap(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.lowerBound].components(separatedBy: "<td").dropFirst().map { "<td" + $0 }
    }

    func testEachMonthCountsItsRunsByTheirWorstFindingAndColoursOnlyWhatIsNotZero() throws {
        let html = try String(contentsOf: overview(), encoding: .utf8)
        // Columns: month (with its monthly summary's link), runs, OK, notice, warning, critical, findings.
        let may = try row("2023-05", in: html)
        XCTAssertEqual(may.count, 7, may.joined())
        XCTAssertTrue(may[0].contains("href=\"../monthly/2023-05.html\""), may[0])
        XCTAssertEqual(may[1], "<td class=\"num\">2</td>")
        XCTAssertEqual(may[4], "<td class=\"num\">0</td>", "no warning run in May: a plain 0, not an orange one")
        XCTAssertEqual(may[5], "<td class=\"num sev-critical\">2</td>")
        XCTAssertEqual(may[6], "<td class=\"num\">2</td>")
        let june = try row("2023-06", in: html)
        XCTAssertEqual(june[2], "<td class=\"num\">1</td>", "the run without findings ended OK")
        XCTAssertEqual(june[4], "<td class=\"num sev-warning\">1</td>")
        XCTAssertEqual(june[5], "<td class=\"num\">0</td>", "no critical run in June: a plain 0, not a red one")
        XCTAssertTrue(html.contains("2023-07-01"), "the newest month is shown day by day")
    }

    /// At a phone's width (390 px) the months table needs no sideways scrolling and every month stays on
    /// one line (a month broken at its hyphen, "2023-" over "07", was what a phone showed).
    func testOnAPhoneTheMonthsTableFitsTheScreenAndAMonthIsOneLine() throws {
        let script = """
        const table = document.querySelector('table.months');
        if (!table) { document.title = 'NO-TABLE'; } else {
          const cell = table.querySelector('tbody td > a');
          const range = document.createRange(); range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].filter(r => r.height > 0).map(r => Math.round(r.top)));
          document.title = ['LAYOUT', table.scrollWidth, table.clientWidth, tops.size, document.documentElement.scrollWidth,
                            window.innerWidth].join(' ');
        }
        """
        let title = try HeadlessChromium.measure(page: overview(), script: script, width: 390)
        let parts = title.split(separator: " ").compactMap { Int($0) }
        XCTAssertTrue(title.hasPrefix("LAYOUT") && parts.count == 5, "measured: \(title)")
        guard parts.count == 5 else { return }
        XCTAssertEqual(parts[4], 390, "laid out at a phone's width")
        XCTAssertLessThanOrEqual(parts[0], parts[1] + 1, "the table's content (\(parts[0]) px) fits its box (\(parts[1]) px)")
        XCTAssertEqual(parts[2], 1, "the month is laid out on one line")
        XCTAssertLessThanOrEqual(parts[3], parts[4], "the page itself does not scroll sideways")
    }
}
