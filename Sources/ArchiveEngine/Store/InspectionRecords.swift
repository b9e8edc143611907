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

    /// Stores a run made here as a new run, never replacing another: when its id is taken (a second check
    /// started in the same second on this host, or an imported run), the run gets the next free id
    /// (`…-host.2`, `…-host.3`). The choice is made inside one write transaction, so concurrent processes
    /// get different ids. Returns the run as stored.
    @discardableResult
    public func saveNewInspection(_ run: InspectionRun, findings: [Finding]) throws -> InspectionRun {
        try dbQueue.write { db in try Self.insertNewInspection(run, findings: findings, in: db) }
    }

    /// ``saveNewInspection(_:findings:)`` inside a transaction the caller holds.
    static func insertNewInspection(_ run: InspectionRun, findings: [Finding], in db: Database) throws -> InspectionRun {
        var stored = run
        stored.id = try freeRunID(run.id, in: db)
        try saveInspection(stored, findings: findings, in: db)
        return stored
    }

    /// `base` when no run has it, else `base.2`, `base.3`, … (a base id never holds a dot).
    static func freeRunID(_ base: String, in db: Database) throws -> String {
        let taken = Set(try String.fetchAll(db, sql: "SELECT id FROM inspection_run WHERE id = ? OR id LIKE ? ESCAPE '\\'",
                                            arguments: [base, Self.likeEscaped(base) + ".%"]))
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base).\(n)") { n += 1 }
        return "\(base).\(n)"
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The same inside a caller's transaction (an importer saving several runs at once).
    public static func saveInspection(_ run: InspectionRun, findings: [Finding], in db: Database) throws {
        try db.execute(sql: "DELETE FROM inspection_run WHERE id = ?", arguments: [run.id])
        try db.execute(
            sql: """
                INSERT INTO inspection_run (id, started_at, finished_at, host, center, "window", checks, coverage, source, sites)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [run.id, BureauTime.iso(run.startedAt), BureauTime.iso(run.finishedAt), run.host, run.center,
                        run.window, run.checks.map(checksText), run.coverageDetail, run.source, run.sites.map(checksText)])
        let insert = try db.makeStatement(sql: """
            INSERT INTO finding (run_id, seq, "check", code, severity, site, volume, uscc, query, host, mount, path, detail, params)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, f) in findings.enumerated() {
            try insert.execute(arguments: [run.id, seq, f.check, f.code, f.severity.rawValue, f.site, f.volume, f.uscc,
                                           f.query, f.host, f.mount, f.path, f.detail, f.params?.json])
        }
    }

    /// Every run, oldest first.
    public func inspectionRuns() throws -> [InspectionRun] {
        try dbQueue.read { db in
            try Self.decodedRows(db, sql: "SELECT * FROM inspection_run ORDER BY started_at, id", Self.run(from:))
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

    /// The run imported before with this host, start and center (never a run made here), with its
    /// findings, inside the caller's transaction: how an import knows a run it brings again.
    static func storedImportedInspection(like run: InspectionRun, in db: Database) throws -> (run: InspectionRun, findings: [Finding])? {
        guard let id = try String.fetchOne(db, sql: """
            SELECT id FROM inspection_run WHERE source = 'import' AND host = ? AND started_at = ? AND center = ?
                AND sites IS ?
            ORDER BY id LIMIT 1
            """, arguments: [run.host, BureauTime.iso(run.startedAt), run.center, run.sites.map(checksText)]) else { return nil }
        return try storedInspection(id: id, in: db)
    }

    /// The `checks` (and `sites`) column: ids joined by commas (`sync,efile`); NULL when the run did not say.
    static func checksText(_ checks: [String]) -> String { checks.joined(separator: ",") }

    static func checks(fromText text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map(String.init) }
    }

    static func run(from row: Row) -> InspectionRun {
        InspectionRun(
            id: row["id"], startedAt: BureauTime.parse(row["started_at"]) ?? Date(timeIntervalSince1970: 0),
            finishedAt: BureauTime.parse(row["finished_at"]) ?? Date(timeIntervalSince1970: 0),
            host: row["host"], center: row["center"], window: row["window"], checks: checks(fromText: row["checks"]),
            coverageDetail: row["coverage"], source: row["source"], sites: checks(fromText: row["sites"]))
    }

    static func finding(from row: Row) -> Finding {
        Finding(
            check: row["check"], code: row["code"], severity: Severity(rawValue: row["severity"]) ?? .warning,
            site: row["site"], volume: row["volume"], uscc: row["uscc"], detail: row["detail"],
            query: row["query"], host: row["host"], mount: row["mount"], path: row["path"],
            params: FindingMessage.parse(row["params"]))
    }
}
