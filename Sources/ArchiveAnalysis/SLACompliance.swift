import ArchiveEngine
import Foundation

/// SLA compliance (服务级别达成率) of a set of tickets: the contract's response target for every ticket and
/// the 1-hour on-site target for 特急 (critical) ones.
///
/// Only tickets whose time is known are judged: a ticket still waiting for its first response is neither
/// met nor missed yet, and the report says how many were not judged instead of guessing.
public struct SLACompliance: Codable, Hashable, Sendable {
    public var tickets: Int
    public var response: Rate
    public var onsite: Rate
    public var responseTargetMinutes: Double
    public var onsiteTargetMinutes: Double

    /// `met` of `judged`, with the percentage (nil when nothing could be judged).
    public struct Rate: Codable, Hashable, Sendable {
        public var judged: Int
        public var met: Int
        public var notJudged: Int
        public var missed: Int { judged - met }
        /// Percentage met, rounded to one decimal; nil when `judged` is 0.
        public var percent: Double? {
            judged == 0 ? nil : (Double(met) * 1000 / Double(judged)).rounded() / 10
        }

        enum CodingKeys: String, CodingKey { case judged, met, notJudged = "not_judged", missed, percent }

        public init(judged: Int, met: Int, notJudged: Int) {
            self.judged = judged; self.met = met; self.notJudged = notJudged
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            judged = try c.decode(Int.self, forKey: .judged)
            met = try c.decode(Int.self, forKey: .met)
            notJudged = try c.decode(Int.self, forKey: .notJudged)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(judged, forKey: .judged)
            try c.encode(met, forKey: .met)
            try c.encode(notJudged, forKey: .notJudged)
            try c.encode(missed, forKey: .missed)
            try c.encode(percent, forKey: .percent)
        }
    }

    enum CodingKeys: String, CodingKey {
        case tickets, response, onsite
        case responseTargetMinutes = "response_target_minutes"
        case onsiteTargetMinutes = "onsite_target_minutes"
    }

    /// Compliance of `tickets` from their stored SLA facts.
    public static func of(_ tickets: [TicketRecord], levels: ServiceLevels = .init()) -> SLACompliance {
        var response = Rate(judged: 0, met: 0, notJudged: 0)
        var onsite = Rate(judged: 0, met: 0, notJudged: 0)
        for t in tickets {
            if let met = t.responseMet {
                response.judged += 1
                if met { response.met += 1 }
            } else {
                response.notJudged += 1
            }
            guard t.priority == .critical else { continue }
            if let met = t.onsiteMet {
                onsite.judged += 1
                if met { onsite.met += 1 }
            } else {
                onsite.notJudged += 1
            }
        }
        return SLACompliance(tickets: tickets.count, response: response, onsite: onsite,
                             responseTargetMinutes: levels.responseMinutes,
                             onsiteTargetMinutes: levels.criticalOnsiteMinutes)
    }
}

/// How one ticket did against the contract's targets: met or missed, and by how many minutes.
public struct TicketSLAVerdict: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Sendable { case met, missed, notJudged = "not_judged", notApplicable = "not_applicable" }

    public var response: Outcome
    /// Minutes beyond (positive) or within (negative) the response target.
    public var responseMarginMinutes: Double?
    public var onsite: Outcome
    public var onsiteMarginMinutes: Double?

    public static func of(_ t: TicketRecord, levels: ServiceLevels = .init()) -> TicketSLAVerdict {
        let response: Outcome = t.responseMet.map { $0 ? .met : .missed } ?? .notJudged
        let responseMargin = t.responseMinutes.map { $0 - levels.responseMinutes }
        let onsite: Outcome
        var onsiteMargin: Double?
        if t.priority == .critical {
            onsite = t.onsiteMet.map { $0 ? .met : .missed } ?? .notJudged
            onsiteMargin = t.onsiteMinutes.map { $0 - levels.criticalOnsiteMinutes }
        } else {
            onsite = .notApplicable
        }
        return TicketSLAVerdict(response: response, responseMarginMinutes: responseMargin,
                                onsite: onsite, onsiteMarginMinutes: onsiteMargin)
    }
}
