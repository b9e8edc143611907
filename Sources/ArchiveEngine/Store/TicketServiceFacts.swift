import Foundation

/// The service-level facts of one maintenance ticket (运维任务单), computed once at import and stored
/// with it so that every report reads the same numbers.
///
/// Minutes are counted from 报障时间. A fact is nil while the time it needs is not recorded: a ticket not yet
/// responded to has no response minutes, and the on-site rule is judged only for 特急 tickets with an
/// on-site time (a 特急 ticket without one is reported as "到场时间未记录", never guessed).
public struct TicketServiceFacts: Hashable, Sendable {
    public var responseMinutes: Double?
    public var onsiteMinutes: Double?
    public var resolutionMinutes: Double?
    /// Responded within the contract's response target (default 15 min).
    public var responseMet: Bool?
    /// 特急 only: engineer on site within the on-site target (default 60 min). Nil for other priorities.
    public var onsiteMet: Bool?

    public init(ticket: Ticket, levels: ServiceLevels) {
        func minutes(_ date: Date?) -> Double? {
            date.map { $0.timeIntervalSince(ticket.reportedAt) / 60 }
        }
        responseMinutes = minutes(ticket.respondedAt)
        onsiteMinutes = minutes(ticket.onsiteAt)
        resolutionMinutes = minutes(ticket.resolvedAt)
        responseMet = responseMinutes.map { $0 <= levels.responseMinutes }
        onsiteMet = ticket.priority == .critical ? onsiteMinutes.map { $0 <= levels.criticalOnsiteMinutes } : nil
    }

    public init(responseMinutes: Double?, onsiteMinutes: Double?, resolutionMinutes: Double?,
                responseMet: Bool?, onsiteMet: Bool?) {
        self.responseMinutes = responseMinutes; self.onsiteMinutes = onsiteMinutes
        self.resolutionMinutes = resolutionMinutes; self.responseMet = responseMet; self.onsiteMet = onsiteMet
    }
}
