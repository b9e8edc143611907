import Foundation
import GRDB

/// Storing and reading the catalog facts of enterprises (``EnterpriseFacts``) that the enterprise pages
/// are built from. A reading replaces an older one of the same enterprise and never a newer one, so
/// importing or re-running an older inspection does not bring back a name the catalog has since changed.
extension OperationsStore {
    public func recordEnterprises(_ facts: [EnterpriseFacts]) throws {
        guard !facts.isEmpty else { return }
        try dbQueue.write { db in try Self.insertEnterprises(facts, in: db) }
    }

    /// ``recordEnterprises(_:)`` inside a transaction the caller holds.
    static func insertEnterprises(_ facts: [EnterpriseFacts], in db: Database) throws {
        guard !facts.isEmpty else { return }
        let stored = try db.makeStatement(sql: "SELECT recorded_at FROM enterprise WHERE uscc = ?")
        let upsert = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO enterprise (uscc, name, former_names, branch_id, recorded_at) VALUES (?, ?, ?, ?, ?)
            """)
        let clear = try db.makeStatement(sql: "DELETE FROM enterprise_volume WHERE uscc = ?")
        let volume = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO enterprise_volume (volume_id, uscc, seq, pages, sites) VALUES (?, ?, ?, ?, ?)
            """)
        for f in facts {
            let at = BureauTime.iso(f.recordedAt)
            if let before = try String.fetchOne(stored, arguments: [f.uscc]),
               let date = BureauTime.parse(before), date > f.recordedAt { continue }
            let former = String(decoding: try JSONEncoder().encode(f.formerNames), as: UTF8.self)
            try upsert.execute(arguments: [f.uscc, f.name, former, f.branchID, at])
            try clear.execute(arguments: [f.uscc])
            for v in f.volumes {
                try volume.execute(arguments: [v.id, f.uscc, v.seq, v.pages, v.sites.joined(separator: ",")])
            }
        }
    }

    /// Every recorded enterprise, by code, with its volumes by seq.
    public func enterpriseFacts() throws -> [EnterpriseFacts] {
        try dbQueue.read { db in
            var volumes: [String: [EnterpriseVolume]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM enterprise_volume ORDER BY uscc, seq, volume_id")
            while let r = try rows.next() {
                let sites: String = r["sites"] ?? ""
                volumes[r["uscc"], default: []].append(
                    EnterpriseVolume(id: r["volume_id"], seq: r["seq"], pages: r["pages"],
                                     sites: sites.split(separator: ",").map(String.init)))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM enterprise ORDER BY uscc").map { r in
                let uscc: String = r["uscc"]
                let formerText: String = r["former_names"] ?? "[]"
                let former = (try? JSONDecoder().decode([String].self, from: Data(formerText.utf8))) ?? []
                return EnterpriseFacts(uscc: uscc, name: r["name"] ?? "", formerNames: former, branchID: r["branch_id"],
                                       volumes: volumes[uscc] ?? [],
                                       recordedAt: BureauTime.parse(r["recorded_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }
}
