import ArchiveEngine
import Foundation
import GRDB
import XCTest

final class ImportQueriesTests: QueryImportTestCase {
    func testAggregateTotalsKeepTheirLevelAndReadExcelNumbers() throws {
        let summary = try QueryStatisticsImport.importFile(at: dir.appendingPathComponent("query-totals.csv"), store: store,
                                                           options: options())
        XCTAssertEqual(summary.inserted, 5)
        let stats = try store.queryStatistics(source: "aggregate")
        let byPeriod = Dictionary(grouping: stats.map(\.statistic), by: { "\($0.period.text)|\($0.channel.rawValue)" })
        XCTAssertEqual(byPeriod["2021|all"]?.first?.queries, 501_080)
        XCTAssertEqual(byPeriod["2022|all"]?.first?.notFound, 1203)
        XCTAssertEqual(byPeriod["2023-H1|all"]?.first?.period.level, .half)
        XCTAssertEqual(byPeriod["2023-06|kiosk"]?.first?.period.level, .month)
        let bureauTotals = stats.filter {
            $0.statistic.channel == .all && $0.statistic.period.level == .year || $0.statistic.period.text == "2023-H1"
        }
        XCTAssertEqual(bureauTotals.reduce(0) { $0 + $1.statistic.queries }, 1_542_832)
        let again = try QueryStatisticsImport.importFile(at: dir.appendingPathComponent("query-totals.csv"), store: store,
                                                         options: options())
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 5])
    }

    func testABadPeriodRejectsTheTotalsFileWithItsLine() throws {
        let url = dir.appendingPathComponent("bad-totals.csv")
        try Data("period,channel,queries,not_found\n2022,合计,560908,\n2023-H3,合计,1,\n2023-06,柜台,10,\n2023-05,all,10,20\n".utf8)
            .write(to: url)
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: url, store: store, options: options())) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.errors.map(\.location), [.line(3), .line(4), .line(5)])
            XCTAssertEqual(rejected.report.errors.map(\.column), ["period", "channel", "not_found"])
        }
        XCTAssertEqual(try store.count("query_stat"), 0)
    }

    func testQueryLogDetailImportsAndDayTotalsAreCountedPerChannel() throws {
        let catalog = try makeCatalog(rows: Self.sampleRows)
        let hashBefore = try ImportFile.sha256(ofFileAt: catalog)
        let summary = try QueryStatisticsImport.importFile(at: catalog, store: store, options: options())
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged, summary.rejected], [5, 0, 0, 0])
        XCTAssertEqual(try store.count("query_event"), 5)
        // Stored times are canonical Shanghai time; the UTC row moves to 06-29.
        let at3 = try store.dbQueue.read { try String.fetchOne($0, sql: "SELECT at FROM query_event WHERE id = 3") }
        XCTAssertEqual(at3, "2023-06-29T00:00:00+08:00")
        let totals = try dayTotals()
        XCTAssertEqual(totals["2023-06-28"]?["kiosk"]?.0, 2)
        XCTAssertEqual(totals["2023-06-28"]?["kiosk"]?.1, 1)
        XCTAssertEqual(totals["2023-06-28"]?["all"]?.0, 2)
        XCTAssertNil(totals["2023-06-28"]?["window"])
        XCTAssertEqual(totals["2023-06-29"]?["window"]?.0, 1)
        XCTAssertEqual(totals["2023-06-29"]?["online"]?.1, 1)
        XCTAssertEqual(totals["2023-06-29"]?["all"]?.0, 3)
        XCTAssertEqual(totals["2023-06-29"]?["all"]?.1, 1)
        // The snapshot is read, never written.
        XCTAssertEqual(try ImportFile.sha256(ofFileAt: catalog), hashBefore)
        XCTAssertTrue(summary.notes.joined().contains("2 天"))
    }

    func testReimportingTheSameQueryLogChangesNothingAndAChangedRowUpdates() throws {
        let catalog = try makeCatalog(rows: Self.sampleRows)
        _ = try QueryStatisticsImport.importFile(at: catalog, store: store, options: options())
        let events = try store.dump("query_event"), stats = try store.dump("query_stat")
        let again = try QueryStatisticsImport.importFile(at: catalog, store: store, options: options())
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 5])
        XCTAssertEqual(try store.dump("query_event"), events)
        XCTAssertEqual(try store.dump("query_stat"), stats)

        var rows = Self.sampleRows
        rows[0][7] = "not_found"  // query 1 re-judged
        rows.append([6, "2023-06-30T07:00:00+08:00", "province", nil, "dc", "uscc", "x", "found", nil, 10])
        let newer = try makeCatalog("catalog-2.sqlite", rows: rows)
        let third = try QueryStatisticsImport.importFile(at: newer, store: store, options: options())
        XCTAssertEqual([third.inserted, third.updated, third.unchanged], [1, 1, 4])
        let totals = try dayTotals()
        XCTAssertEqual(totals["2023-06-28"]?["kiosk"]?.1, 2)
        XCTAssertEqual(totals["2023-06-30"]?["province"]?.0, 1)

        // A query whose time is corrected to another day leaves the old day's count as well.
        rows[4][1] = "2023-06-30T11:00:00+08:00"
        _ = try QueryStatisticsImport.importFile(at: try makeCatalog("catalog-3.sqlite", rows: rows), store: store, options: options())
        let moved = try dayTotals()
        XCTAssertEqual(moved["2023-06-29"]?["all"]?.0, 2)
        XCTAssertNil(moved["2023-06-29"]?["kiosk"])
        XCTAssertEqual(moved["2023-06-30"]?["kiosk"]?.0, 1)
    }

    func testABadQueryLogRowRollsBackEverythingUnlessSkipBad() throws {
        var rows = Self.sampleRows
        rows.append([6, "昨天", "kiosk", nil, "dc", "uscc", "x", "found", nil, 10])
        rows.append([7, "2023-06-29T12:00:00+08:00", "fax", nil, "dc", "uscc", "x", "maybe", nil, 10])
        let catalog = try makeCatalog(rows: rows)
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: catalog, store: store, options: options())) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.badRowCount, 2)
            XCTAssertEqual(rejected.report.errors.map(\.location),
                           [.record("query_log id=6"), .record("query_log id=7"), .record("query_log id=7")])
            XCTAssertEqual(rejected.report.errors.map(\.column), ["at", "channel", "result"])
        }
        XCTAssertEqual(try store.count("query_event"), 0)
        XCTAssertEqual(try store.count("query_stat"), 0)
        XCTAssertEqual(try store.count("audit"), 0)

        let summary = try QueryStatisticsImport.importFile(at: catalog, store: store, options: options(skipBad: true))
        XCTAssertEqual([summary.inserted, summary.rejected], [5, 2])
        let rejects = try XCTUnwrap(summary.rejectsFile)
        let table = try CSVTable.parse(String(decoding: try Data(contentsOf: rejects), as: UTF8.self), file: rejects)
        XCTAssertEqual(table.records.map { $0.fields[0] }, ["6", "7"])
        XCTAssertEqual(table.header.first, "id")
    }

    func testASQLiteFileWithoutQueryLogOrDamagedIsAClearError() throws {
        let other = dir.appendingPathComponent("other.sqlite")
        let db = try DatabaseQueue(path: other.path)
        try db.write { try $0.execute(sql: "CREATE TABLE site (id TEXT)") }
        try db.close()
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: other, store: store, options: options())) { error in
            XCTAssertTrue("\(error)".contains("没有 query_log 表"), "\(error)")
        }
        let damaged = dir.appendingPathComponent("damaged.sqlite")
        try (Data("SQLite format 3\0".utf8) + Data(repeating: 0x41, count: 2000)).write(to: damaged)
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: damaged, store: store, options: options())) { error in
            XCTAssertTrue(error is ImportError, "\(error)")
            XCTAssertTrue("\(error)".contains(damaged.path), "\(error)")
        }
    }
}

final class ImportInspectionsTests: ImportTestCase {
    override class var fixtureFiles: [String] { ["inspection-run.jsonl"] }

    func importer(skipBad: Bool = false) -> InspectionResultsImporter {
        InspectionResultsImporter(store: store, options: ImportOptions(skipBad: skipBad, now: testNow, actor: "test"))
    }

    func testAnotherHostsRunImportsOnceWithItsFindingsInOrder() throws {
        let url = dir.appendingPathComponent("inspection-run.jsonl")
        let summary = try importer().importFile(at: url)
        XCTAssertEqual(summary.inserted, 1)
        let runs = try store.inspectionRuns()
        XCTAssertEqual(runs.map(\.id), ["20230630T073000-ops-2"])
        XCTAssertEqual(runs[0].source, "import")
        XCTAssertEqual(runs[0].window, "2023-06-29T00:00:00+08:00/2023-06-30T00:00:00+08:00")
        let findings = try store.findings(ofRun: runs[0].id)
        XCTAssertEqual(findings.map(\.code), ["sync.missing", "disk.usage", "notfound.unknown"])
        XCTAssertEqual(findings[1].mount, "/data")
        XCTAssertEqual(findings[2].query, 4711)
        let before = try store.dump("finding")
        let again = try importer().importFile(at: url)
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 1])
        XCTAssertEqual(try store.dump("finding"), before)
    }

    func testABadFindingLineRejectsTheFileNamingTheLine() throws {
        let url = dir.appendingPathComponent("bad.jsonl")
        try Data("""
            {"run": {"started_at": "2023-06-30T07:30:00+08:00", "finished_at": "2023-06-30T07:31:00+08:00", \
            "host": "ops-3", "center": "/c"}}
            {"check":"sync","code":"sync.missing","detail":"x","severity":"critical","site":"dc","uscc":null,"volume":"V1"}
            {"check":"sync","code":"sync.missing","detail":"y","severity":"fatal","site":"dc","uscc":null,"volume":"V2"}
            {"check":"disk","code":"sync.corrupt","severity":"warning","site":null,"uscc":null,"volume":null}
            not json at all

            """.utf8).write(to: url)
        XCTAssertThrowsError(try importer().importFile(at: url)) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.errors.map(\.location), [.line(3), .line(4), .line(4), .line(5)])
            XCTAssertEqual(rejected.report.errors.map(\.column), ["severity", "detail", "code", nil])
        }
        XCTAssertEqual(try store.count("inspection_run"), 0)
        let summary = try importer(skipBad: true).importFile(at: url)
        XCTAssertEqual(summary.rejected, 3)
        XCTAssertEqual(try store.findings(ofRun: "20230630T073000-ops-3").map(\.detail), ["x"])
    }

    func testAFileThatIsNotJSONLinesIsAClearError() throws {
        let url = dir.appendingPathComponent("tickets.csv")
        try Data("工单编号,报障时间\nA,B\n".utf8).write(to: url)
        XCTAssertThrowsError(try importer().importFile(at: url)) { error in
            XCTAssertTrue("\(error)".contains("不是巡检结果 JSON lines 文件"), "\(error)")
            XCTAssertTrue("\(error)".contains("第 1 行"), "\(error)")
        }
        let findingsOnly = dir.appendingPathComponent("findings.jsonl")
        try Data(#"{"check":"sync","code":"sync.missing","detail":"x","severity":"critical"}"#.utf8).write(to: findingsOnly)
        XCTAssertThrowsError(try importer().importFile(at: findingsOnly)) { error in
            XCTAssertTrue("\(error)".contains("run"), "\(error)")
        }
    }
}
