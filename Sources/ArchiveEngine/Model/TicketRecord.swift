import Foundation

/// A ticket (运维任务单) as the reports read it: the imported row with the SLA facts the importer stored
/// (minutes to respond, to be on site, to resolve, and whether the targets were met). Reports never
/// recompute these: every page and `stats --json` show the same stored numbers.
///
/// Read through ``OperationsStore/ticketRecords()``, the one decoding of the `ticket` table: a row whose
/// category, priority or status the importer would have rejected is read as `other` / `normal` / `open`
/// rather than dropped, so no count silently loses a ticket.
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

    public init(
        id: String, reportedAt: String, unit: String? = nil, reporter: String? = nil,
        category: TicketCategory, priority: TicketPriority, status: TicketStatus, description: String,
        respondedAt: String? = nil, onsiteAt: String? = nil, resolvedAt: String? = nil,
        actions: String? = nil, resolution: String? = nil, engineer: String? = nil,
        responseMinutes: Double? = nil, onsiteMinutes: Double? = nil, resolutionMinutes: Double? = nil,
        responseMet: Bool? = nil, onsiteMet: Bool? = nil
    ) {
        self.id = id; self.reportedAt = reportedAt; self.unit = unit; self.reporter = reporter
        self.category = category; self.priority = priority; self.status = status; self.description = description
        self.respondedAt = respondedAt; self.onsiteAt = onsiteAt; self.resolvedAt = resolvedAt
        self.actions = actions; self.resolution = resolution; self.engineer = engineer
        self.responseMinutes = responseMinutes; self.onsiteMinutes = onsiteMinutes
        self.resolutionMinutes = resolutionMinutes; self.responseMet = responseMet; self.onsiteMet = onsiteMet
    }

    /// `2023-06`: the month a ticket counts in (the month it was reported).
    public var month: String { String(reportedAt.prefix(7)) }

    public var isOpen: Bool { status == .open || status == .inProgress }

    /// The stored SLA facts, as the importer computed them.
    public var serviceFacts: TicketServiceFacts {
        TicketServiceFacts(responseMinutes: responseMinutes, onsiteMinutes: onsiteMinutes,
                           resolutionMinutes: resolutionMinutes, responseMet: responseMet, onsiteMet: onsiteMet)
    }

    /// The ticket as the importer read it, with its times as dates. A time that is not ISO 8601 (only a
    /// row written by something other than the importer) reads as nil; an unreadable report time as the
    /// start of 1970, so the ticket is still listed rather than lost.
    public var ticket: Ticket {
        Ticket(
            id: id, reportedAt: BureauTime.parse(reportedAt) ?? Date(timeIntervalSince1970: 0), unit: unit,
            reporter: reporter, category: category, priority: priority, description: description,
            respondedAt: respondedAt.flatMap { BureauTime.parse($0) }, onsiteAt: onsiteAt.flatMap { BureauTime.parse($0) },
            resolvedAt: resolvedAt.flatMap { BureauTime.parse($0) }, actions: actions, resolution: resolution,
            engineer: engineer, status: status)
    }
}
