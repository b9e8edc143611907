import ArchiveAnalysis
import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// A ticket row with a category, priority and status the importer never writes (typed in by hand, or left
/// by an older tool) is read once, by one rule: 其他 / 一般 / 待处理. It is never dropped, so `stats`, the
/// dashboard, the monthly summary and the engine's own ticket list all count the same tickets.
final class UnknownTicketValuesTests: XCTestCase {
    func testATicketWithUnknownValuesIsCountedAsOtherNormalOpenEverywhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-ticket-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ops.sqlite")
        do {
            let store = try OperationsStore.open(at: file)
            try store.dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO ticket (id, reported_at, category, priority, description, status)
                    VALUES ('T-KNOWN', '2023-06-01T09:00:00+08:00', 'kiosk', 'urgent', '查询终端黑屏', 'closed'),
                           ('T-ODD', '2023-06-02T09:00:00+08:00', 'printer', 'p0', '打印机卡纸', 'waiting')
                    """)
            }
        }
        let store = try OperationsStore.open(at: file)
        let rows = try store.dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ticket") }
        XCTAssertEqual(rows, 2)

        let odd = try XCTUnwrap(try store.ticketRecords().first { $0.id == "T-ODD" })
        XCTAssertEqual([odd.category, odd.priority, odd.status].map { "\($0)" }, ["other", "normal", "open"])
        XCTAssertEqual(try store.tickets().map(\.id), ["T-KNOWN", "T-ODD"])
        XCTAssertEqual(try store.tickets().last?.status, .open)

        let stats = try OperationsStats.load(from: store)
        XCTAssertEqual([stats.tickets.total, stats.tickets.open], [2, 1])
        XCTAssertEqual(stats.ticketsByMonth.first?.byCategory["other"], 1)
        XCTAssertEqual(stats.ticketsByMonth.first?.byPriority["normal"], 1)

        let tickets = try store.ticketRecords()
        let history = try InspectionHistory.load(from: store)
        let figures = try QueryFigure.all(in: store)
        let dashboard = Dashboard.make(tickets: tickets, history: history, figures: figures)
        XCTAssertEqual(dashboard.totalTickets, stats.tickets.total)
        XCTAssertEqual(dashboard.openTickets.map(\.id), ["T-ODD"])
        let june = MonthlySummary.make(month: "2023-06", tickets: tickets, history: history, figures: figures)
        XCTAssertEqual([june.tickets.total, june.tickets.open], [stats.tickets.total, stats.tickets.open])
        XCTAssertEqual(june.tickets.rows.first { $0.category == .other }?.total, 1)
    }
}
