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
                INSERT INTO inspection_run (id, started_at, finished_at, host, center, "window", checks, coverage, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [run.id, BureauTime.iso(run.startedAt), BureauTime.iso(run.finishedAt), run.host, run.center,
                        run.window, run.checks.map(checksText), run.coverageDetail, run.source])
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

    /// Every finding of every run, by run id, each run's in the order it reported them.
    public func findingsByRun() throws -> [String: [Finding]] {
        try dbQueue.read { db in
            var byRun: [String: [Finding]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM finding ORDER BY run_id, seq")
            while let row = try rows.next() {
                byRun[row["run_id"], default: []].append(Self.finding(from: row))
            }
            return byRun
        }
    }

    /// The stored run with this id and its findings, inside the caller's transaction (an import comparing
    /// what it brings with what is stored); nil when there is no such run.
    static func storedInspection(id: String, in db: Database) throws -> (run: InspectionRun, findings: [Finding])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM inspection_run WHERE id = ?", arguments: [id]) else { return nil }
        let findings = try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE run_id = ? ORDER BY seq", arguments: [id])
        return (run(from: row), findings.map(finding(from:)))
    }

    /// The `checks` column: check ids joined by commas (`sync,efile`); NULL when the run did not say.
    static func checksText(_ checks: [String]) -> String { checks.joined(separator: ",") }

    static func checks(fromText text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map(String.init) }
    }

    static func run(from row: Row) -> InspectionRun {
        InspectionRun(
            id: row["id"], startedAt: BureauTime.parse(row["started_at"]) ?? Date(timeIntervalSince1970: 0),
            finishedAt: BureauTime.parse(row["finished_at"]) ?? Date(timeIntervalSince1970: 0),
            host: row["host"], center: row["center"], window: row["window"], checks: checks(fromText: row["checks"]),
            coverageDetail: row["coverage"], source: row["source"])
    }

    static func finding(from row: Row) -> Finding {
        Finding(
            check: row["check"], code: row["code"], severity: Severity(rawValue: row["severity"]) ?? .warning,
            site: row["site"], volume: row["volume"], uscc: row["uscc"], detail: row["detail"],
            query: row["query"], host: row["host"], mount: row["mount"], path: row["path"])
    }
}
