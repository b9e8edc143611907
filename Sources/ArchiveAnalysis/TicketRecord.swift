import ArchiveEngine
import Foundation
import GRDB

/// A ticket (运维任务单) as the reports read it: the imported row with the SLA facts the importer stored
/// (minutes to respond, to be on site, to resolve, and whether the targets were met). Reports never
/// recompute these: every page and `stats --json` show the same stored numbers.
public struct TicketRecord: Codable, Hashable, Sendable {
    public var id: String
    /// ISO 8601 with +08:00, as stored.
    public var reportedAt: String
    public var unit: String?
    public var reporter: String?
    public var category: TicketCategory
    public var priority: TicketPriority
    public var status: TicketStatus
    public var description: String
    public var respondedAt: String?
    public var onsiteAt: String?
    public var resolvedAt: String?
    public var actions: String?
    public var resolution: String?
    public var engineer: String?
    public var responseMinutes: Double?
    public var onsiteMinutes: Double?
    public var resolutionMinutes: Double?
    public var responseMet: Bool?
    public var onsiteMet: Bool?

    /// `2023-06`: the month a ticket counts in (the month it was reported).
    public var month: String { String(reportedAt.prefix(7)) }

    public var isOpen: Bool { status == .open || status == .inProgress }

    /// Every ticket, oldest first (ties by id, so the order is stable). Rows whose category, priority or
    /// status the importer would have rejected are read as `other` / `normal` / `open` rather than dropped,
    /// so a count never silently loses a ticket.
    public static func all(in store: OperationsStore) throws -> [TicketRecord] {
        try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket ORDER BY reported_at, id").map(TicketRecord.init(row:))
        }
    }

    init(row: Row) {
        id = row["id"]
        reportedAt = row["reported_at"]
        unit = row["unit"]
        reporter = row["reporter"]
        category = TicketCategory(rawValue: row["category"] ?? "") ?? .other
        priority = TicketPriority(rawValue: row["priority"] ?? "") ?? .normal
        status = TicketStatus(rawValue: row["status"] ?? "") ?? .open
        description = row["description"] ?? ""
        respondedAt = row["responded_at"]
        onsiteAt = row["onsite_at"]
        resolvedAt = row["resolved_at"]
        actions = row["actions"]
        resolution = row["resolution"]
        engineer = row["engineer"]
        responseMinutes = row["response_minutes"]
        onsiteMinutes = row["onsite_minutes"]
        resolutionMinutes = row["resolution_minutes"]
        responseMet = (row["response_met"] as Int?).map { $0 != 0 }
        onsiteMet = (row["onsite_met"] as Int?).map { $0 != 0 }
    }
}
