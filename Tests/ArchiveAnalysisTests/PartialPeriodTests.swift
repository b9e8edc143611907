import ArchiveAnalysis
import ArchiveEngine
import Foundation
import XCTest

/// A month whose data stops before its end (the demo's June 2023: 29 days) is partial, not a fall.
final class PartialPeriodTests: XCTestCase {
    /// The bureau's months April–June 2023 (June counted to the 29th) and the query log's days 1–29 June.
    static func figures() -> [QueryFigure] {
        var f = [("2023-04", 52_932), ("2023-05", 52_933), ("2023-06", 38_558)].map {
            QueryFigure(period: $0.0, level: .month, channel: .all, source: "aggregate", queries: $0.1, notFound: nil)
        }
        f.append(QueryFigure(period: "2023-H1", level: .half, channel: .all, source: "aggregate", queries: 259_108, notFound: nil))
        f.append(QueryFigure(period: "2022", level: .year, channel: .all, source: "aggregate", queries: 560_908, notFound: nil))
        for d in 1...29 {
            f.append(QueryFigure(period: String(format: "2023-06-%02d", d), level: .day, channel: .kiosk, source: "detail",
                                 queries: 1_300, notFound: 10))
        }
        return f
    }

    func testTheTrendMarksAMonthWhoseDataEndsOnThe29thAsPartial() throws {
        let trend = try XCTUnwrap(QueryTrend.make(figures: Self.figures()))
        XCTAssertEqual(trend.source, "aggregate")
        XCTAssertEqual(trend.points.map(\.month), ["2023-04", "2023-05", "2023-06"])
        let june = try XCTUnwrap(trend.points.last)
        XCTAssertTrue(june.coverage.isPartial)
        XCTAssertEqual(june.coverage.days, 29)
        XCTAssertEqual(june.coverage.periodDays, 30)
        XCTAssertEqual(june.coverage.through, "2023-06-29")
        XCTAssertFalse(trend.points[1].coverage.isPartial, "May is over before the data ends")
    }

    func testStatisticsTablesMarkPartialPeriodsAndDaySumsByTheirDays() throws {
        let report = QueryStatisticsReport.make(figures: Self.figures())
        func row(_ source: String, _ level: QueryPeriod.Level, _ period: String, derived: Bool = false) -> QueryStatisticsReport.PeriodRow? {
            report.tables.first { $0.source == source && $0.level == level && $0.derivedFromDays == derived }?
                .rows.first { $0.period == period }
        }
        XCTAssertEqual(row("aggregate", .month, "2023-06")?.coverage.days, 29)
        XCTAssertEqual(row("aggregate", .month, "2023-05")?.coverage.isPartial, false)
        XCTAssertEqual(row("aggregate", .half, "2023-H1")?.coverage.isPartial, true, "the half year runs to 30 June too")
        XCTAssertEqual(row("aggregate", .year, "2022")?.coverage.isPartial, false)
        let summed = try XCTUnwrap(row("detail", .month, "2023-06", derived: true))
        XCTAssertEqual(summed.coverage, PeriodCoverage(days: 29, periodDays: 30, through: "2023-06-29"))
    }

    func testAMonthAddedUpFromEveryOneOfItsDaysIsComplete() {
        let days = Set((1...30).map { String(format: "2023-06-%02d", $0) })
        XCTAssertFalse(PeriodCoverage.summed(month: "2023-06", days: days).isPartial)
        XCTAssertEqual(PeriodCoverage.summed(month: "2024-02", days: Set((1...28).map { String(format: "2024-02-%02d", $0) })).days, 28)
        XCTAssertTrue(PeriodCoverage.summed(month: "2024-02", days: Set((1...28).map { String(format: "2024-02-%02d", $0) })).isPartial,
                      "2024 is a leap year: 28 of 29 days")
    }

    func testTheMonthlySummaryMarksThePartialMonth() throws {
        let s = MonthlySummary.make(month: "2023-06", tickets: [], history: InspectionHistory(runs: [], findings: [:]),
                                    figures: Self.figures())
        let aggregate = try XCTUnwrap(s.queries.rows.first { $0.source == "aggregate" })
        XCTAssertTrue(aggregate.coverage.isPartial)
        let detail = try XCTUnwrap(s.queries.rows.first { $0.source == "detail" })
        XCTAssertEqual(detail.coverage.days, 29)
    }
}
