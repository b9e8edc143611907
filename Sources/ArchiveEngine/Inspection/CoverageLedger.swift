import Foundation
import GRDB
import GRDBSQLite

/// Which volumes' files a run verifies, and the bookkeeping that makes the choice incremental,
/// rotating and resumable (restic-style honesty about what was checked).
///
/// A run verifies: every volume whose catalog rows changed (or that is new, or became due) since its
/// last verification; every volume whose last verification found a problem (so an open problem is
/// reported every morning until it is fixed); and the slice of the remaining volumes verified longest
/// ago, of size ⌈total / cycle days⌉, so that every file is re-verified within the cycle. The first run
/// on a center and any `--full` run verify everything. Progress is committed batch by batch; a run that
/// was interrupted is resumed by the next run (within 12 hours of its inspection time), which verifies
/// only what was left and re-reports the findings of the part already done.
public final class CoverageLedger: Sendable {
    public enum Mode: String, Sendable { case full, incremental, resumed }

    /// The plan of one run.
    public struct Plan: Sendable {
        public var mode: Mode
        /// Volume ids to verify now, in id order.
        public var selection: [String]
        /// File findings of volumes already verified by the interrupted run this one resumes.
        public var carried: [Finding]
        public var total: Int
        public var changed = 0
        public var reverified = 0
        public var slice = 0
        public var sliceNo = 0
        public var sliceCount = 0
        /// Volumes the interrupted run had already verified.
        public var alreadyDone = 0
        public var fullReason = ""
    }

    /// How long after its inspection time an interrupted run may still be resumed.
    static let resumeWindow: TimeInterval = 12 * 3600

    let store: OperationsStore
    let center: String
    let checks: String

    /// - Parameter sites: the run's `--site` ids; a run over some sites keeps its own rotation, apart from
    ///   the whole center's (the key is `sync,fixity@branch-a`).
    public init(store: OperationsStore, center: String, checks: [String], sites: [String]? = nil) {
        self.store = store
        self.center = center
        self.checks = checks.sorted().joined(separator: ",") + (sites.map { "@" + $0.joined(separator: ",") } ?? "")
    }

    public func plan(fingerprints: [String: Int64], at: Date, full: Bool, cycleDays: Int, runID: String) throws -> Plan {
        try store.dbQueue.write { db in
            let previous = try Row.fetchOne(db, sql: "SELECT * FROM coverage_run WHERE center = ? AND checks = ?",
                                            arguments: [center, checks])
            let ids = fingerprints.keys.sorted()
            var plan = Plan(mode: .full, selection: [], carried: [], total: ids.count)

            if !full, let previous, (previous["finished"] as Int?) == 0,
               let previousAt = BureauTime.parse(previous["at"] ?? ""), abs(at.timeIntervalSince(previousAt)) <= Self.resumeWindow {
                let oldRun: String = previous["run_id"] ?? ""
                let pending = Set(try String.fetchAll(db, sql: "SELECT volume_id FROM coverage_pending WHERE center = ? AND checks = ?",
                                                      arguments: [center, checks]))
                plan.mode = .resumed
                plan.selection = ids.filter { pending.contains($0) }
                let done = try Row.fetchAll(db, sql: "SELECT findings FROM coverage_volume WHERE center = ? AND checks = ? AND run_id = ?",
                                            arguments: [center, checks, oldRun])
                plan.alreadyDone = done.count
                plan.carried = done.flatMap { Self.decode($0["findings"]) }
                plan.sliceNo = previous["slice_no"] ?? 0
                plan.sliceCount = previous["slice_count"] ?? 0
                plan.changed = previous["changed"] ?? 0
                plan.reverified = previous["reverified"] ?? 0
                plan.slice = previous["slice"] ?? 0
                plan.fullReason = previous["mode"] ?? ""
                try db.execute(sql: "UPDATE coverage_volume SET run_id = ? WHERE center = ? AND checks = ? AND run_id = ?",
                               arguments: [runID, center, checks, oldRun])
                try db.execute(sql: "UPDATE coverage_run SET run_id = ? WHERE center = ? AND checks = ?",
                               arguments: [runID, center, checks])
                return plan
            }

            // A full run verifies everything whatever the ledger holds, so it does not read the ledger.
            var known: [String: (fingerprint: Int64, verifiedAt: String, open: Bool)] = [:]
            if !full {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT volume_id, fingerprint, verified_at, findings FROM coverage_volume WHERE center = ? AND checks = ?
                    """, arguments: [center, checks])
                while let r = try rows.next() {
                    let findings: String? = r[3]
                    known[r[0]] = (r[1], r[2], !(findings ?? "").isEmpty)
                }
            }
            if full || known.isEmpty {
                plan.mode = .full
                plan.fullReason = full ? "--full" : "首次运行"
                plan.selection = ids
            } else {
                plan.mode = .incremental
                var chosen = Set<String>()
                var rest: [(String, String)] = []
                for id in ids {
                    guard let k = known[id], k.fingerprint == fingerprints[id] else { chosen.insert(id); plan.changed += 1; continue }
                    if k.open { chosen.insert(id); plan.reverified += 1 } else { rest.append((k.verifiedAt, id)) }
                }
                let cycle = max(cycleDays, 1)
                let sliceSize = (ids.count + cycle - 1) / cycle
                rest.sort { $0 < $1 }
                for (_, id) in rest.prefix(sliceSize) { chosen.insert(id) }
                plan.slice = min(sliceSize, rest.count)
                plan.sliceCount = cycle
                let lastSlice: Int = previous?["slice_no"] ?? 0
                plan.sliceNo = lastSlice % cycle + 1
                plan.selection = ids.filter { chosen.contains($0) }
            }
            try db.execute(sql: "DELETE FROM coverage_pending WHERE center = ? AND checks = ?", arguments: [center, checks])
            try Self.insertPending(plan.selection, center: center, checks: checks, db)
            try db.execute(sql: """
                INSERT OR REPLACE INTO coverage_run (center, checks, run_id, at, mode, slice_no, slice_count, changed, reverified, slice,
                                                     finished)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, arguments: [center, checks, runID, BureauTime.iso(at), plan.mode == .full ? plan.fullReason : plan.mode.rawValue,
                                 plan.sliceNo, plan.sliceCount, plan.changed, plan.reverified, plan.slice])
            return plan
        }
    }

    /// Writes the run's selection to `coverage_pending`, binding each id with the C API: the selection is
    /// every volume of a full run, and building GRDB arguments per row was most of the plan's time.
    static func insertPending(_ ids: [String], center: String, checks: String, _ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO coverage_pending (center, checks, volume_id) VALUES (?, ?, ?)")
        try insert.setArguments([center, checks, ""])
        let statement = insert.sqliteStatement
        defer { withExtendedLifetime(insert) {} }  // it finalizes the statement when released
        // SQLITE_TRANSIENT (a C macro, not imported): SQLite copies the text before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for id in ids {
            let code = sqlite3_bind_text(statement, 3, id, -1, transient)  // as GRDB binds a String
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            let step = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard step == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: message)
            }
        }
    }

    /// Records one verified batch: fingerprints, time and findings per volume; removes them from pending.
    public func commit(_ verified: [(volumeID: String, fingerprint: Int64, findings: [Finding])], at: Date, runID: String) throws {
        let stamp = BureauTime.iso(at)
        try store.dbQueue.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO coverage_volume (center, checks, volume_id, fingerprint, verified_at, run_id, findings)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let done = try db.cachedStatement(sql: "DELETE FROM coverage_pending WHERE center = ? AND checks = ? AND volume_id = ?")
            for v in verified {
                let text = v.findings.isEmpty ? nil : v.findings.map { $0.jsonLine() }.joined(separator: "\n")
                try upsert.execute(arguments: [center, checks, v.volumeID, v.fingerprint, stamp, runID, text])
                try done.execute(arguments: [center, checks, v.volumeID])
            }
        }
    }

    /// Marks the run finished; after a full run, forgets volumes that left the catalog.
    public func finish(runID: String, mode: Mode) throws {
        try store.dbQueue.write { db in
            try db.execute(sql: "UPDATE coverage_run SET finished = 1 WHERE center = ? AND checks = ?", arguments: [center, checks])
            if mode == .full {
                try db.execute(sql: "DELETE FROM coverage_volume WHERE center = ? AND checks = ? AND run_id != ?",
                               arguments: [center, checks, runID])
            }
        }
    }

    static func decode(_ text: String?) -> [Finding] {
        guard let text, !text.isEmpty else { return [] }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(Finding.self, from: Data($0.utf8)) }
    }
}
