import ArchiveAnalysis
import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// A month's summary made from the runs the site build grouped by month (``MonthlySummary/MonthRuns``)
/// equals the summary made from every run: runs that start in one month and finish in the next, late
/// runs, days without a run and months before the first run included.
final class MonthRunsEquivalenceTests: XCTestCase {
    func testASummaryFromTheMonthsRunsEqualsOneFromEveryRun() throws {
        let store = try SiteFixture.store()
        // A run over midnight at a month's end, a late run, a second run on one day, a gap of days.
        for (start, minutes) in [("2023-06-30 23:50", 20), ("2023-07-03 08:20", 25), ("2023-07-03 09:00", 5),
                                 ("2023-07-10 07:30", 10), ("2023-08-31 23:59", 3)] {
            let at = BureauTime.parse(start)!
            try store.saveInspection(InspectionRun(startedAt: at, finishedAt: at.addingTimeInterval(Double(minutes) * 60),
                                                   host: "inspector", center: "dongguan"),
                                     findings: [Finding(check: "disk", code: "disk.usage", severity: .warning, detail: "h1:/data 85%",
                                                        host: "h1", mount: "/data")])
        }
        let data = try ReportData.load(from: store, levels: ServiceLevels())
        let rows = MonthlySummaryPages.MonthRows(data)
        for asOf in [nil, CalendarDay(year: 2023, month: 7, day: 5)] {
            for month in data.months + ["2020-01", "2023-09"] {
                let all = MonthlySummary.make(month: month, tickets: data.tickets, history: data.history, figures: data.figures,
                                              levels: data.levels, asOf: asOf)
                let grouped = MonthlySummary.make(month: month, tickets: data.tickets, history: data.history, figures: data.figures,
                                                  levels: data.levels, asOf: asOf, runs: rows.monthRuns(month, history: data.history))
                XCTAssertEqual(grouped, all, "\(month) as of \(asOf?.description ?? "-")")
            }
        }
    }
}
