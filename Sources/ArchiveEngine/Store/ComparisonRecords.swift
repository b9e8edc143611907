import Foundation
import GRDB

/// Comparisons (数据迁移核对) in the operations database: the resumable progress of a run and the finished
/// result the 数据迁移核对报告 page reads.
extension OperationsStore {
    private static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The id of the newest unfinished comparison of the same sides, to resume it.
    public func unfinishedComparison(key: String) throws -> String? {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: """
                SELECT id FROM comparison WHERE key = ? AND finished_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 1
                """, arguments: [key])
        }
    }

    /// Records the start of a comparison and returns its id (unique even when two start in the same second).
    public func beginComparison(key: String, oldSide: String, newSide: String, sites: [String], host: String,
                                startedAt: Date, units: Int) throws -> String {
        let base = Comparison.makeID(host: host, startedAt: startedAt)
        let sitesJSON = String(decoding: try Self.encoder.encode(sites), as: UTF8.self)
        return try dbQueue.write { db in
            var id = base, n = 1
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM comparison WHERE id = ?", arguments: [id]) == true {
                n += 1
                id = "\(base)-\(n)"
            }
            try db.execute(sql: """
                INSERT INTO comparison (id, key, old_side, new_side, sites, host, started_at, enterprise_folders)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, key, oldSide, newSide, sitesJSON, host, BureauTime.iso(startedAt), units])
            return id
        }
    }

    public func comparisonStart(_ id: String) throws -> Date? {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT started_at FROM comparison WHERE id = ?", arguments: [id]).flatMap { BureauTime.parse($0) }
        }
    }

    /// The units of a comparison already committed.
    public func comparisonUnitsDone(_ id: String) throws -> Set<String> {
        try dbQueue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT unit FROM comparison_unit WHERE comparison_id = ?", arguments: [id]))
        }
    }

    /// Commits a batch of units in one transaction: a kill leaves either all of them or none.
    public func commitComparisonUnits(_ id: String, _ results: [ComparisonUnitResult]) throws {
        let encoder = Self.encoder
        try dbQueue.write { db in
            for r in results {
                // OR REPLACE: two runs of the same comparison at once write the same result for a unit.
                try db.execute(sql: "INSERT OR REPLACE INTO comparison_unit (comparison_id, unit, result) VALUES (?, ?, ?)",
                               arguments: [id, r.unit, String(decoding: try encoder.encode(r), as: UTF8.self)])
            }
        }
    }

    public func comparisonUnitResults(_ id: String) throws -> [ComparisonUnitResult] {
        try dbQueue.read { db in
            try String.fetchAll(db, sql: "SELECT result FROM comparison_unit WHERE comparison_id = ? ORDER BY unit", arguments: [id])
                .map { try JSONDecoder().decode(ComparisonUnitResult.self, from: Data($0.utf8)) }
        }
    }

    /// Stores the final result of a comparison (replacing any earlier final result of the same id).
    public func finishComparison(_ c: Comparison) throws {
        let notes = String(decoding: try Self.encoder.encode(c.notes), as: UTF8.self)
        try dbQueue.write { db in
            try db.execute(sql: """
                UPDATE comparison SET finished_at = ?, volumes = ?, files = ?, bytes_read = ?, resumed = ?, notes = ?,
                    enterprise_folders = ? WHERE id = ?
                """, arguments: [BureauTime.iso(c.finishedAt), c.volumes, c.files, c.bytesRead, c.resumed, notes,
                                 c.enterpriseFolders, c.id])
            try db.execute(sql: "DELETE FROM comparison_difference WHERE comparison_id = ?", arguments: [c.id])
            for (i, d) in c.differences.enumerated() {
                try db.execute(sql: """
                    INSERT INTO comparison_difference (comparison_id, ord, code, severity, site, volume, uscc, path, new_path,
                        cause, detail, old_bytes, new_bytes, old_sha256, new_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [c.id, i, d.code, d.severity.rawValue, d.site, d.volume, d.uscc, d.path, d.newPath,
                                     d.cause?.rawValue, d.detail, d.oldBytes, d.newBytes, d.oldSHA256, d.newSHA256])
            }
        }
    }

    /// Every finished comparison, oldest first, with its differences in report order.
    public func comparisons() throws -> [Comparison] {
        try dbQueue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, old_side, new_side, sites, host, started_at, finished_at, enterprise_folders, volumes, files,
                       bytes_read, resumed, notes
                FROM comparison WHERE finished_at IS NOT NULL ORDER BY started_at, id
                """)
            return try rows.map { r in
                let id: String = r["id"]
                let differences = try Row.fetchAll(db, sql: """
                    SELECT code, severity, site, volume, uscc, path, new_path, cause, detail, old_bytes, new_bytes, old_sha256, new_sha256
                    FROM comparison_difference WHERE comparison_id = ? ORDER BY ord
                    """, arguments: [id]).map { d -> ComparisonDifference in
                    let code = ComparisonCode(rawValue: d["code"] ?? "") ?? .fileChanged
                    var diff = ComparisonDifference(code: code, severity: Severity(rawValue: d["severity"] ?? "") ?? .warning,
                        site: d["site"], volume: d["volume"], uscc: d["uscc"], path: d["path"], newPath: d["new_path"],
                        cause: (d["cause"] as String?).flatMap(ComparisonCause.init(rawValue:)), detail: d["detail"] ?? "",
                        oldBytes: d["old_bytes"], newBytes: d["new_bytes"], oldSHA256: d["old_sha256"], newSHA256: d["new_sha256"])
                    diff.code = d["code"] ?? diff.code
                    return diff
                }
                let sites = (try? JSONDecoder().decode([String].self, from: Data(((r["sites"] as String?) ?? "[]").utf8))) ?? []
                let notes = (try? JSONDecoder().decode([String].self, from: Data(((r["notes"] as String?) ?? "[]").utf8))) ?? []
                return Comparison(id: id, oldSide: r["old_side"], newSide: r["new_side"], sites: sites, host: r["host"],
                                  startedAt: BureauTime.parse(r["started_at"] ?? "") ?? Date(timeIntervalSince1970: 0),
                                  finishedAt: BureauTime.parse(r["finished_at"] ?? "") ?? Date(timeIntervalSince1970: 0),
                                  enterpriseFolders: r["enterprise_folders"], volumes: r["volumes"], files: r["files"],
                                  bytesRead: r["bytes_read"], resumed: r["resumed"], notes: notes, differences: differences)
            }
        }
    }
}
