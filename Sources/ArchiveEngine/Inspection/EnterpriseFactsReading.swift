import Foundation

/// Which enterprises an inspection reads the catalog facts of, for the enterprise pages: every enterprise a
/// finding names (by code, by volume or by the folder of its path) and every code written in a ticket.
/// Only those are read, so a center of a million enterprises costs a lookup per enterprise met, not a copy.
enum EnterpriseFactsReading {
    static func read(findings: [Finding], ticketTexts: [String], context: InspectionContext) throws -> [EnterpriseFacts] {
        var codes = Set<String>()
        var ownerOfVolume: [String: String] = [:]
        for v in context.volumes { ownerOfVolume[v.id] = v.uscc }
        for f in findings {
            if let u = f.uscc, !u.isEmpty { codes.insert(u) }
            if let v = f.volume, let owner = ownerOfVolume[v] { codes.insert(owner) }
            if let p = f.path, let first = p.split(separator: "/").first, first.count == 18 { codes.insert(String(first)) }
        }
        for text in ticketTexts { codes.formUnion(USCCMentions.codes(in: text)) }
        guard !codes.isEmpty else { return [] }
        return try context.catalog.enterprises(codes: Array(codes)).map { e in
            let volumes = (context.volumesByEnterprise[e.uscc] ?? []).sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }
            return EnterpriseFacts(
                uscc: e.uscc, name: e.name, formerNames: e.formerNames, branchID: e.branchID,
                volumes: volumes.map { v in
                    EnterpriseVolume(id: v.id, seq: v.seq, pages: v.pages,
                                     sites: context.sites.filter { context.mustHold($0, v) }.map(\.id))
                },
                recordedAt: context.at)
        }
    }
}
