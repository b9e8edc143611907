import Foundation
import GRDB

/// Storing and reading maintenance tickets (运维任务单) with their SLA facts.
///
/// Writing compares before it writes: a ticket whose stored row already holds the same values is left
/// untouched, so importing the same export twice changes nothing and reports every row as unchanged.
extension OperationsStore {
    /// What writing a batch of rows did.
    public struct WriteCounts: Sendable, Equatable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public init() {}
    }

    /// The data columns of the ticket table, in the order ``ticketValues(_:facts:)`` lists them.
    /// `source_file` is not among them: the same ticket from a renamed export is not a change.
    static let ticketColumns = [
        "id", "reported_at", "unit", "reporter", "category", "priority", "description",
        "responded_at", "onsite_at", "resolved_at", "actions", "resolution", "engineer", "status",
        "response_minutes", "onsite_minutes", "resolution_minutes", "response_met", "onsite_met",
    ]

    static func ticketValues(_ t: Ticket, facts f: TicketServiceFacts) -> [DatabaseValue] {
        let values: [DatabaseValueConvertible?] = [
            t.id, BureauTime.iso(t.reportedAt), t.unit, t.reporter, t.category.rawValue, t.priority.rawValue,
            t.description, t.respondedAt.map(BureauTime.iso), t.onsiteAt.map(BureauTime.iso),
            t.resolvedAt.map(BureauTime.iso), t.actions, t.resolution, t.engineer, t.status.rawValue,
            f.responseMinutes, f.onsiteMinutes, f.resolutionMinutes, f.responseMet, f.onsiteMet,
        ]
        return values.map { $0?.databaseValue ?? .null }
    }

    /// Inserts new tickets and updates changed ones inside the caller's transaction.
    static func upsertTickets(_ tickets: [Ticket], levels: ServiceLevels, sourceFile: String, in db: Database) throws -> WriteCounts {
        var counts = WriteCounts()
        let columns = ticketColumns
        let select = try db.makeStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM ticket WHERE id = ?")
        let placeholders = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        let insert = try db.makeStatement(sql: "INSERT INTO ticket (\(columns.joined(separator: ", ")), source_file) VALUES (\(placeholders))")
        let assignments = columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        let update = try db.makeStatement(sql: "UPDATE ticket SET \(assignments), source_file = ? WHERE id = ?")
        for ticket in tickets {
            let values = ticketValues(ticket, facts: TicketServiceFacts(ticket: ticket, levels: levels))
            if let row = try Row.fetchOne(select, arguments: [ticket.id]) {
                let stored = (0..<columns.count).map { row[$0] as DatabaseValue }
                if stored == values {
                    counts.unchanged += 1
                } else {
                    try update.execute(arguments: StatementArguments(Array(values.dropFirst()) + [sourceFile.databaseValue, ticket.id.databaseValue]))
                    counts.updated += 1
                }
            } else {
                try insert.execute(arguments: StatementArguments(values + [sourceFile.databaseValue]))
                counts.inserted += 1
            }
        }
        return counts
    }

    /// Every ticket, by report time then id.
    public func tickets() throws -> [Ticket] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket ORDER BY reported_at, id").compactMap(Self.ticket(from:))
        }
    }

    /// The stored SLA facts of one ticket, nil when there is no such ticket.
    public func serviceFacts(ofTicket id: String) throws -> TicketServiceFacts? {
        try dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [id]).map { row in
                TicketServiceFacts(
                    responseMinutes: row["response_minutes"], onsiteMinutes: row["onsite_minutes"],
                    resolutionMinutes: row["resolution_minutes"],
                    responseMet: row["response_met"], onsiteMet: row["onsite_met"])
            }
        }
    }

    /// A stored row as a ``Ticket``; nil only if the row was written by something other than the importer
    /// with values it does not know.
    public static func ticket(from row: Row) -> Ticket? {
        guard let reported = BureauTime.parse(row["reported_at"]),
              let category = TicketCategory(rawValue: row["category"]),
              let priority = TicketPriority(rawValue: row["priority"]),
              let status = TicketStatus(rawValue: row["status"]) else { return nil }
        func time(_ column: String) -> Date? { (row[column] as String?).flatMap { BureauTime.parse($0) } }
        return Ticket(
            id: row["id"], reportedAt: reported, unit: row["unit"], reporter: row["reporter"],
            category: category, priority: priority, description: row["description"],
            respondedAt: time("responded_at"), onsiteAt: time("onsite_at"), resolvedAt: time("resolved_at"),
            actions: row["actions"], resolution: row["resolution"], engineer: row["engineer"], status: status)
    }
}
