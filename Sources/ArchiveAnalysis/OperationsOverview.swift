import ArchiveEngine
import Foundation
import GRDB

/// The headline counts of the operations database: how many tickets, inspection runs, findings and query
/// figures it holds. The home page and `stats` start from these.
public struct OperationsOverview: Codable, Equatable, Sendable {
    public var tickets: Int
    public var openTickets: Int
    public var inspectionRuns: Int
    public var findings: Int
    public var queryStatistics: Int
    public var queryEvents: Int

    public static func load(from store: OperationsStore) throws -> OperationsOverview {
        try store.dbQueue.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return OperationsOverview(
                tickets: try count("SELECT count(*) FROM ticket"),
                openTickets: try count("SELECT count(*) FROM ticket WHERE status IN ('open','in_progress')"),
                inspectionRuns: try count("SELECT count(*) FROM inspection_run"),
                findings: try count("SELECT count(*) FROM finding"),
                queryStatistics: try count("SELECT count(*) FROM query_stat"),
                queryEvents: try count("SELECT count(*) FROM query_event"))
        }
    }
}
