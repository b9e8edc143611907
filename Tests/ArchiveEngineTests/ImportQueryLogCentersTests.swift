import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// A `query_log` id is unique only inside one center's catalog: a second center's log must never replace
/// the first one's queries (issue 9, item 1).
final class ImportQueryLogCentersTests: QueryImportTestCase {
    /// Another center's log: the same ids 1–5, other times, other texts.
    static let otherCenterRows: [[DatabaseValueConvertible?]] = (1...5).map { (id: Int) -> [DatabaseValueConvertible?] in
        [id, "2023-07-0\(id)T10:00:00+08:00", "window", "W-9", "dc", "name", "另一中心查询 \(id)", "found", nil, 50]
    }

    func testAnotherCentersLogIsRefusedWholeAndChangesNothing() throws {
        _ = try QueryStatisticsImport.importFile(at: try makeCatalog(rows: Self.sampleRows), store: store, options: options())
        let events = try store.dump("query_event"), stats = try store.dump("query_stat")
        let other = try makeCatalog("center-2.sqlite", rows: Self.otherCenterRows)
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: other, store: store, options: options())) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("center-2.sqlite"), message)
            XCTAssertTrue(message.contains("--center"), message)
            XCTAssertTrue(message.contains("id=1"), message)
            XCTAssertTrue(message.contains("没有改动"), message)
        }
        XCTAssertEqual(try store.dump("query_event"), events)
        XCTAssertEqual(try store.dump("query_stat"), stats)
    }

    func testANamedCenterKeepsBothLogsAndTheDayTotalsCountBoth() throws {
        _ = try QueryStatisticsImport.importFile(at: try makeCatalog(rows: Self.sampleRows), store: store, options: options())
        var second = options()
        second.center = "二中心"
        let other = try makeCatalog("center-2.sqlite", rows: Self.otherCenterRows)
        let summary = try QueryStatisticsImport.importFile(at: other, store: store, options: second)
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged], [5, 0, 0])
        XCTAssertEqual(try store.count("query_event"), 10)
        XCTAssertEqual(try dayTotals()["2023-07-01"]?["window"]?.0, 1)
        XCTAssertEqual(try dayTotals()["2023-06-28"]?["kiosk"]?.0, 2)
        // Each center's log re-imported under its own name changes nothing.
        let again = try QueryStatisticsImport.importFile(at: other, store: store, options: second)
        XCTAssertEqual([again.inserted, again.updated, again.unchanged], [0, 0, 5])
        let first = try QueryStatisticsImport.importFile(at: try makeCatalog("c1.sqlite", rows: Self.sampleRows),
                                                         store: store, options: options())
        XCTAssertEqual([first.inserted, first.updated, first.unchanged], [0, 0, 5])
    }

    func testCenterOnATotalsCSVIsAClearError() throws {
        var named = options()
        named.center = "二中心"
        let csv = dir.appendingPathComponent("query-totals.csv")
        XCTAssertThrowsError(try QueryStatisticsImport.importFile(at: csv, store: store, options: named)) {
            XCTAssertTrue("\($0)".contains("--center 只用于"), "\($0)")
        }
    }

    func testQueriesOfADatabaseFromTheEarlierSchemaBelongToTheUnnamedCenter() throws {
        let file = dir.appendingPathComponent("old-ops.sqlite")
        do {
            let old = try DatabaseQueue(path: file.path)
            try OperationsStore.migrator.migrate(old, upTo: "v4-capacity-history")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO query_event (id, at, channel, result) VALUES (7, '2023-06-28T09:00:00+08:00', 'kiosk', 'found')
                    """)
            }
        }
        let upgraded = try OperationsStore.open(at: file)
        let row = try upgraded.dbQueue.read { try Row.fetchOne($0, sql: "SELECT center, id, at FROM query_event") }
        XCTAssertEqual(row?["center"] as String?, "")
        XCTAssertEqual(row?["id"] as Int64?, 7)
        XCTAssertEqual(row?["at"] as String?, "2023-06-28T09:00:00+08:00")
    }
}
