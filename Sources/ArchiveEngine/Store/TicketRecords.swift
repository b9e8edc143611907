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

    /// Every ticket with its stored SLA facts, by report time then id: what every report and `stats` read.
    public func ticketRecords() throws -> [TicketRecord] {
        try dbQueue.read { db in
            try Self.decodedRows(db, sql: "SELECT * FROM ticket ORDER BY reported_at, id", Self.ticketRecord(from:))
        }
    }

    /// Every ticket, by report time then id, as the importer read it (the same rows as ``ticketRecords()``).
    public func tickets() throws -> [Ticket] {
        try ticketRecords().map(\.ticket)
    }

    /// The stored SLA facts of one ticket, nil when there is no such ticket.
    public func serviceFacts(ofTicket id: String) throws -> TicketServiceFacts? {
        try dbQueue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [id]).map(Self.ticketRecord(from:))
        }?.serviceFacts
    }

    /// The one decoding of a `ticket` row. A category, priority or status the importer would have rejected
    /// (a row written by hand or by an older tool) reads as `other` / `normal` / `open`: the ticket is still
    /// counted, and an unknown status counts as open, so it is followed up rather than forgotten.
    static func ticketRecord(from row: Row) -> TicketRecord {
        TicketRecord(
            id: row["id"], reportedAt: row["reported_at"], unit: row["unit"], reporter: row["reporter"],
            category: TicketCategory(rawValue: row["category"] ?? "") ?? .other,
            priority: TicketPriority(rawValue: row["priority"] ?? "") ?? .normal,
            status: TicketStatus(rawValue: row["status"] ?? "") ?? .open,
            description: row["description"] ?? "",
            respondedAt: row["responded_at"], onsiteAt: row["onsite_at"], resolvedAt: row["resolved_at"],
            actions: row["actions"], resolution: row["resolution"], engineer: row["engineer"],
            responseMinutes: row["response_minutes"], onsiteMinutes: row["onsite_minutes"],
            resolutionMinutes: row["resolution_minutes"],
            responseMet: (row["response_met"] as Int?).map { $0 != 0 },
            onsiteMet: (row["onsite_met"] as Int?).map { $0 != 0 })
    }
}
