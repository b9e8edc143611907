import Foundation
import GRDB

/// Storing and reading inspection runs (巡检记录) and their findings. Both `archive-ops check` and the
/// import of another host's JSON lines go through ``OperationsStore/saveInspection(_:findings:)``, so a run
/// is stored the same way wherever it was made.
extension OperationsStore {
    /// Stores a run and its findings, replacing a run with the same id (so importing it again changes
    /// nothing). Findings keep their order: `seq` is their position in `findings`.
    public func saveInspection(_ run: InspectionRun, findings: [Finding]) throws {
        try dbQueue.write { db in try Self.saveInspection(run, findings: findings, in: db) }
    }

    /// The same inside a caller's transaction (an importer saving several runs at once).
    public static func saveInspection(_ run: InspectionRun, findings: [Finding], in db: Database) throws {
        try db.execute(sql: "DELETE FROM inspection_run WHERE id = ?", arguments: [run.id])
        try db.execute(
            sql: """
                INSERT INTO inspection_run (id, started_at, finished_at, host, center, "window", coverage, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [run.id, BureauTime.iso(run.startedAt), BureauTime.iso(run.finishedAt), run.host, run.center,
                        run.window, run.coverage, run.source])
        let insert = try db.makeStatement(sql: """
            INSERT INTO finding (run_id, seq, "check", code, severity, site, volume, uscc, query, host, mount, path, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, f) in findings.enumerated() {
            try insert.execute(arguments: [run.id, seq, f.check, f.code, f.severity.rawValue, f.site, f.volume, f.uscc,
                                           f.query, f.host, f.mount, f.path, f.detail])
        }
    }

    /// Every run, oldest first.
    public func inspectionRuns() throws -> [InspectionRun] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM inspection_run ORDER BY started_at, id").map(Self.run(from:))
        }
    }

    /// The findings of one run, in the order they were reported.
    public func findings(ofRun id: String) throws -> [Finding] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE run_id = ? ORDER BY seq", arguments: [id]).map(Self.finding(from:))
        }
    }

    static func run(from row: Row) -> InspectionRun {
        InspectionRun(
            id: row["id"], startedAt: BureauTime.parse(row["started_at"]) ?? Date(timeIntervalSince1970: 0),
            finishedAt: BureauTime.parse(row["finished_at"]) ?? Date(timeIntervalSince1970: 0),
            host: row["host"], center: row["center"], window: row["window"], coverage: row["coverage"],
            source: row["source"])
    }

    public static func finding(from row: Row) -> Finding {
        Finding(
            check: row["check"], code: row["code"], severity: Severity(rawValue: row["severity"]) ?? .warning,
            site: row["site"], volume: row["volume"], uscc: row["uscc"], detail: row["detail"],
            query: row["query"], host: row["host"], mount: row["mount"], path: row["path"])
    }
}
