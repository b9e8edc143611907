import ArchiveAnalysis
import ArchiveEngine
import Foundation
import XCTest

final class ReportFiguresTests: XCTestCase {
    var store: OperationsStore!
    var tickets: [TicketRecord]!
    var history: InspectionHistory!
    var figures: [QueryFigure]!

    override func setUpWithError() throws {
        store = try ReportFixture.store()
        tickets = try store.ticketRecords()
        history = try InspectionHistory.load(from: store)
        figures = try QueryFigure.all(in: store)
    }

    func testJuneSLAJudgesOnlyTicketsWithKnownTimesAndOnsiteOnlyForCritical() {
        let june = SLACompliance.of(tickets.filter { $0.month == "2023-06" })
        // Response: T-0601, T-0603, T-0604 met, T-0602 missed; T-0605 has no response yet.
        XCTAssertEqual(june.response.judged, 4)
        XCTAssertEqual(june.response.met, 3)
        XCTAssertEqual(june.response.notJudged, 1)
        XCTAssertEqual(june.response.percent, 75.0)
        // On site: only the two 特急 tickets; T-0604 arrived after 75 min.
        XCTAssertEqual(june.onsite.judged, 2)
        XCTAssertEqual(june.onsite.met, 1)
        XCTAssertEqual(june.onsite.percent, 50.0)
        let all = SLACompliance.of(tickets)
        XCTAssertEqual(all.response.percent, 60.0)  // 3 of 5 judged
    }

    func testTicketVerdictSaysByHowMuchATargetWasMissed() throws {
        let t = try XCTUnwrap(tickets.first { $0.id == "T-0604" })
        let v = TicketSLAVerdict.of(t)
        XCTAssertEqual(v.response, .met)
        XCTAssertEqual(v.responseMarginMinutes, -3)
        XCTAssertEqual(v.onsite, .missed)
        XCTAssertEqual(v.onsiteMarginMinutes, 15)
        XCTAssertEqual(TicketSLAVerdict.of(try XCTUnwrap(tickets.first { $0.id == "T-0601" })).onsite, .notApplicable)
    }

    func testBureauTotalAddsOnlyNonOverlappingPeriods() throws {
        let report = QueryStatisticsReport.make(figures: figures)
        let total = try XCTUnwrap(report.bureauTotal)
        // 221,736 + 501,080 + 560,908 + 259,108; the 2023-06 month lies inside 2023-H1 and is not added.
        XCTAssertEqual(total.total, 1_542_832)
        XCTAssertEqual(total.periods, ["2020", "2021", "2022", "2023-H1"])
        XCTAssertEqual(total.levels, [.year, .half])
        XCTAssertEqual(report.detailTotal?.total, 270)
    }

    func testEachQueryTableHoldsOneLevelOfOneSource() throws {
        let report = QueryStatisticsReport.make(figures: figures)
        XCTAssertEqual(report.tables.map { "\($0.source)/\($0.level.rawValue)" },
                       ["aggregate/year", "aggregate/half", "aggregate/month", "detail/month", "detail/day"])
        // The detail source has days only: its month table adds them up and says so.
        let derived = try XCTUnwrap(report.tables.first { $0.source == "detail" && $0.level == .month })
        XCTAssertTrue(derived.derivedFromDays)
        XCTAssertEqual(derived.channels, [.kiosk, .window])
        XCTAssertEqual(derived.rows.map(\.period), ["2023-06"])
        XCTAssertEqual(derived.rows.first?.values, [220, 50])
        XCTAssertEqual(derived.rows.first?.total, 270)
        XCTAssertEqual(derived.rows.first?.notFoundPercent, 4.4)  // 12 of 270
        let month = try XCTUnwrap(report.tables.first { $0.level == .month })
        XCTAssertEqual(month.channels, [.kiosk])
        // The bureau's 合计 of 40,000 is shown as given, not replaced by the kiosk figure.
        XCTAssertEqual(month.rows.first?.total, 40_000)
        XCTAssertEqual(month.rows.first?.totalIsSum, false)
        let days = try XCTUnwrap(report.tables.first { $0.level == .day })
        XCTAssertEqual(days.rows.map(\.total), [150, 120])
        XCTAssertEqual(days.rows.first?.totalIsSum, true)
        XCTAssertEqual(days.rows.first?.notFoundPercent, 4.0)  // 6 of 150
    }

    func testDailyReportComparesWithThePreviousRun() {
        let first = DailyInspectionReport.make(history: history, index: 0)
        XCTAssertFalse(first.changes.hasPrevious)
        let report = DailyInspectionReport.make(history: history, index: 1)
        XCTAssertEqual(report.previousRunID, history.runs[0].id)
        XCTAssertEqual(report.changes.new.map(\.code).sorted(), ["disk.usage", "notfound.unknown"])
        XCTAssertEqual(report.changes.resolved.map(\.code).sorted(), ["anomaly.stale_lock", "notfound.former_name", "notfound.unknown"])
        XCTAssertEqual(report.changes.stillOpen.map(\.code), ["sync.missing"])
        let sync = report.sections.first { $0.checkID == "sync" }
        XCTAssertEqual(sync?.worst, .critical)
        XCTAssertEqual(sync?.guidance.first?.resolution.isEmpty, false)
        XCTAssertEqual(sync?.groups.first?.findings.first?.isNew, false)
        XCTAssertEqual(report.sections.first { $0.checkID == "fixity" }?.total, 0)
    }

    func testMonthlySummaryCountsFindingsOpenedClosedRepairedAndNotFoundCauses() {
        let june = MonthlySummary.make(month: "2023-06", tickets: tickets, history: history, figures: figures)
        XCTAssertEqual(june.tickets.total, 5)
        XCTAssertEqual(june.tickets.open, 1)
        XCTAssertEqual(june.tickets.priorityTotals, [2, 1, 2])
        XCTAssertEqual(june.slaMisses.map(\.ticketID), ["T-0602", "T-0604"])
        XCTAssertEqual(june.inspections.runIDs.count, 2)
        XCTAssertEqual(june.inspections.opened, 6)   // 4 in the first run, 2 new on the 30th
        XCTAssertEqual(june.inspections.closed, 3)
        XCTAssertEqual(june.inspections.anomaliesRepaired.map(\.finding.code), ["anomaly.stale_lock"])
        XCTAssertEqual(june.queries.notFoundCauses.map { "\($0.code)=\($0.count)" },
                       ["notfound.former_name=1", "notfound.unknown=2"])
        XCTAssertEqual(june.training.map(\.id), ["T-0605"])
        XCTAssertFalse(june.disk.capacityRecorded)
        XCTAssertEqual(june.disk.latestFindings.map(\.code), ["disk.usage"])
    }

    func testMonthlyQueryVolumeKeepsSourcesApartWithNotFoundRate() {
        let june = MonthlySummary.make(month: "2023-06", tickets: tickets, history: history, figures: figures)
        let rows = june.queries.rows.map { "\($0.source)/\($0.level.rawValue)/\($0.channel.rawValue)=\($0.queries):\($0.notFoundPercent.map { "\($0)" } ?? "-")" }
        XCTAssertEqual(rows, ["aggregate/month/kiosk=30000:2.0", "aggregate/month/all=40000:-",
                              "detail/day/kiosk=220:5.0", "detail/day/window=50:2.0"])
    }

    func testDashboardTodayIsTheLatestRunAndThisMonthTheLatestData() {
        let d = Dashboard.make(tickets: tickets, history: history, figures: figures)
        XCTAssertEqual(d.latestRun.map { BureauTime.day($0.startedAt) }, "2023-06-30")
        XCTAssertEqual(d.month, "2023-06")
        XCTAssertEqual(d.monthSLA?.response.percent, 75.0)
        XCTAssertEqual(d.openTickets.map(\.id), ["T-0605"])
        XCTAssertEqual(d.checks.first { $0.checkID == "disk" }?.worst, .warning)
        XCTAssertEqual(d.queryTrend?.source, "detail")
        XCTAssertEqual(d.queryTrend?.points.map(\.queries), [270])
    }

    func testStatsDocumentIsStableAndCarriesTheSameFigures() throws {
        let a = try OperationsStats.load(from: store).json()
        let b = try OperationsStats.load(from: store).json()
        XCTAssertEqual(a, b)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        let months = try XCTUnwrap(object["sla_by_month"] as? [[String: Any]])
        let june = try XCTUnwrap(months.first { $0["month"] as? String == "2023-06" })
        let response = try XCTUnwrap((june["sla"] as? [String: Any])?["response"] as? [String: Any])
        XCTAssertEqual(response["percent"] as? Double, 75.0)
        XCTAssertEqual((object["query_bureau_total"] as? [String: Any])?["total"] as? Int, 1_542_832)
        let byMonth = try XCTUnwrap(object["tickets_by_month"] as? [[String: Any]])
        XCTAssertEqual((byMonth.last?["by_category"] as? [String: Int])?["training"], 1)
    }
}

final class ChecksRunTests: XCTestCase {
    func testChecksOutsideTheRunsCoverageAreMarkedNotRunInsteadOfOK() throws {
        let start = try XCTUnwrap(BureauTime.parse("2023-06-30 07:30"))
        let run = InspectionRun(startedAt: start, finishedAt: start, host: "h", center: "c", checks: ["sync"])
        XCTAssertEqual(run.coverage, "检查项 sync")
        let history = InspectionHistory(runs: [run], findings: [run.id: []])
        let report = DailyInspectionReport.make(history: history, index: 0)
        XCTAssertEqual(report.sections.filter(\.ran).map(\.checkID), ["sync"])
        let dashboard = Dashboard.make(tickets: [], history: history, figures: [])
        XCTAssertEqual(dashboard.checks.first { $0.checkID == "seal" }?.ran, false)
    }

    func testARunWhoseChecksAreUnknownListsEveryCheckByItsFindings() throws {
        let start = try XCTUnwrap(BureauTime.parse("2023-06-30 07:30"))
        let run = InspectionRun(startedAt: start, finishedAt: start, host: "h", center: "c", coverageDetail: "sync, efile")
        XCTAssertEqual(run.coverage, "sync, efile")
        let report = DailyInspectionReport.make(history: InspectionHistory(runs: [run], findings: [:]), index: 0)
        XCTAssertTrue(report.sections.allSatisfy(\.ran))
    }
}

final class DashboardChoicesTests: XCTestCase {
    func testSLAMonthIsTheLatestMonthWithTicketsEvenWhenALaterRunExists() throws {
        let store = try ReportFixture.store()
        try store.saveInspection(ReportFixture.run("2023-07-02"), findings: [])
        let d = Dashboard.make(tickets: try store.ticketRecords(), history: try InspectionHistory.load(from: store),
                               figures: try QueryFigure.all(in: store))
        XCTAssertEqual(d.latestRun.map { BureauTime.day($0.startedAt) }, "2023-07-02")
        XCTAssertEqual(d.month, "2023-06")
        XCTAssertEqual(d.monthSLA?.response.percent, 75.0)
        XCTAssertEqual(d.months.last, "2023-07")
    }

    func testQueryTrendDrawsTheSeriesCoveringTheMostMonths() {
        var figures = (1...3).map { QueryFigure(period: "2023-0\($0)", level: .month, channel: .all, source: "aggregate",
                                                queries: 1000 * $0, notFound: nil) }
        figures.append(QueryFigure(period: "2023-03-01", level: .day, channel: .kiosk, source: "detail", queries: 5, notFound: 0))
        let trend = QueryTrend.make(figures: figures)
        XCTAssertEqual(trend?.source, "aggregate")
        XCTAssertEqual(trend?.points.map(\.queries), [1000, 2000, 3000])
    }
}
