import Foundation
import GRDB
import GRDBSQLite

/// Imports the detailed query log (`query_log`) of a center snapshot's `catalog.sqlite` into the
/// operations database, one `query_event` per query, and recounts the day totals per channel that the
/// detail implies (source `detail`, level `day`) for every day the file touches.
///
/// The snapshot is opened read-only (the engine never writes to the center) and read as a stream: rows go
/// through one prepared statement inside one transaction, so memory stays flat for millions of rows and a
/// file with a bad row (without `--skip-bad`) is rolled back whole. A row whose id is already stored with the
/// same values is left untouched, so importing the same snapshot twice changes nothing.
///
/// Ids are unique only inside one center's catalog, so events are keyed by (center, id), the center being
/// `--center` (``ImportOptions/center``). A query whose time is corrected is an update, but a file in
/// which most of the already-stored ids arrive at another time is another center's log (or a rebuilt
/// catalog): it is refused whole, naming an example, rather than replacing the stored queries.
public struct QueryLogImporter {
    /// The query_log columns of the snapshot contract, in the order they are copied.
    static let columns = ["id", "at", "channel", "terminal", "site_id", "kind", "text", "result", "uscc", "latency_ms"]
    static let requiredColumns: Set<String> = ["id", "at", "channel", "result"]

    public let store: OperationsStore
    public let options: ImportOptions
    /// Called every `progressInterval` rows with the number read so far (the CLI shows it on a terminal).
    public var progress: ((Int) -> Void)?
    public var progressInterval = 100_000

    public init(store: OperationsStore, options: ImportOptions = .init(), progress: ((Int) -> Void)? = nil) {
        self.store = store; self.options = options; self.progress = progress
    }

    public func importFile(at url: URL) throws -> ImportSummary {
        try ImportFile.checkReadable(url)
        var summary = ImportSummary(kind: .queries, file: url, sha256: try ImportFile.sha256(ofFileAt: url))
        var config = GRDB.Configuration()
        config.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: url.path, configuration: config)
        } catch {
            throw ImportError.notACatalog(url.path, "无法以只读方式打开 (cannot open read-only): \(error)")
        }
        let present: Set<String>
        do {
            present = try source.read { db -> Set<String> in
                guard try db.tableExists("query_log") else { return [] }
                return Set(try db.columns(in: "query_log").map { $0.name.lowercased() })
            }
        } catch {
            throw ImportError.notACatalog(url.path, "文件损坏或不是 SQLite 数据库 (damaged or not SQLite): \(error)")
        }
        guard !present.isEmpty else { throw ImportError.notACatalog(url.path, "没有 query_log 表 (no query_log table)") }
        let missing = Self.requiredColumns.subtracting(present).sorted()
        guard missing.isEmpty else {
            throw ImportError.notACatalog(url.path, "query_log 缺少列 \(missing.joined(separator: ", ")) (missing columns)")
        }
        // Optional columns absent from an older export read as NULL.
        let selectList = Self.columns.map { present.contains($0) ? "\"\($0)\"" : "NULL" }.joined(separator: ", ")

        var report = RowErrorReport()
        var rejects: RejectsFile?
        var days = Set<String>()
        var read = 0
        do {
            try source.read { src in
                try store.dbQueue.inTransaction { db in
                    let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM query_event") ?? 0
                    let changesBefore = db.totalChangesCount
                    let upsert = try db.makeStatement(sql: Self.upsertSQL)
                    sqlite3_bind_text(upsert.sqliteStatement, 11, options.center, -1, Self.transient)
                    try db.execute(sql: Self.movedTrackingSQL)
                    let select = try src.makeStatement(sql: "SELECT \(selectList) FROM query_log ORDER BY id")
                    let copier = QueryLogRowCopier(source: select.sqliteStatement, target: upsert.sqliteStatement)
                    defer { sqlite3_reset(select.sqliteStatement) }
                    var day = [UInt8](repeating: 0, count: 10), lastDay = day
                    while true {
                        let step = sqlite3_step(select.sqliteStatement)
                        if step == SQLITE_DONE { break }
                        guard step == SQLITE_ROW else { throw Self.sqliteError(step, select.sqliteStatement) }
                        read += 1
                        if read % progressInterval == 0 { progress?(read) }
                        if let errors = copier.bind(position: read, day: &day) {
                            report.add(row: errors)
                            if options.skipBad {
                                if rejects == nil { rejects = try RejectsFile(besides: url, header: Self.columns) }
                                try rejects?.append(fields: copier.fields(), errors: errors)
                            }
                            continue
                        }
                        let done = sqlite3_step(upsert.sqliteStatement)
                        sqlite3_reset(upsert.sqliteStatement)
                        guard done == SQLITE_DONE else { throw Self.sqliteError(done, upsert.sqliteStatement) }
                        // Rows come in id (≈ time) order: a new day is rare, so the set sees few inserts.
                        if day != lastDay {
                            lastDay = day
                            days.insert(String(decoding: day, as: UTF8.self))
                        }
                    }
                    if !report.isEmpty && !options.skipBad { return .rollback }
                    let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM query_event") ?? 0
                    try refuseAnotherCentersLog(db, url: url, alreadyStored: read - report.badRowCount - (after - before))
                    try db.execute(sql: "DROP TRIGGER temp.query_event_moved; DROP TABLE temp.query_event_moved_row")
                    let changed = db.totalChangesCount - changesBefore
                    summary.inserted = after - before
                    summary.updated = changed - summary.inserted
                    summary.unchanged = read - report.badRowCount - changed
                    summary.rejected = report.badRowCount
                    summary.rowErrors = report
                    summary.rejectsFile = rejects?.url
                    if summary.updated > 0 {
                        // An updated query may have moved away from a day: recount every day already counted too.
                        days.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT period FROM query_stat WHERE source = 'detail'"))
                    }
                    let dayCounts = try OperationsStore.recomputeDetailDayTotals(days: days, sourceFile: url.lastPathComponent, in: db)
                    if !days.isEmpty {
                        summary.notes.append("按明细统计了 \(days.count) 天的日查询量（\(days.min() ?? "")…\(days.max() ?? "")；"
                                             + "新增 \(dayCounts.inserted)，更新 \(dayCounts.updated)，未变 \(dayCounts.unchanged)）")
                    }
                    try summary.auditEntry(options: options).insert(db)
                    return .commit
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw ImportError.notACatalog(url.path, "读取 query_log 时出错 (read error): \(error.message ?? "\(error)")")
        }
        rejects?.close()
        if !report.isEmpty && !options.skipBad {
            throw ImportRejected(file: url.path, report: report, totalRows: read)
        }
        if read == 0 { summary.notes.append("query_log 表是空的，没有导入任何查询明细 (query_log is empty)") }
        return summary
    }

    /// Refuses the file when most of its already-stored ids moved to another time (at least two did):
    /// that is another center's log, not a correction. Thrown inside the transaction, so nothing changes.
    private func refuseAnotherCentersLog(_ db: Database, url: URL, alreadyStored: Int) throws {
        let moved = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.query_event_moved_row") ?? 0
        guard moved >= 2, moved * 2 > alreadyStored else { return }
        let example = try Row.fetchOne(db, sql: "SELECT id, old_at, new_at FROM temp.query_event_moved_row ORDER BY id LIMIT 1")
        throw ImportError.anotherCentersQueryLog(
            url.path, center: options.center, moved: moved, alreadyStored: alreadyStored,
            example: "id=\(example?["id"] as Int64? ?? 0) 已存 \(example?["old_at"] as String? ?? "")"
                + " / 文件 \(example?["new_at"] as String? ?? "")")
    }

    /// Counts, for this import only, the stored queries whose time the file changes.
    static let movedTrackingSQL = """
        CREATE TEMP TABLE IF NOT EXISTS query_event_moved_row (id INTEGER, old_at TEXT, new_at TEXT);
        DELETE FROM temp.query_event_moved_row;
        CREATE TEMP TRIGGER IF NOT EXISTS query_event_moved AFTER UPDATE OF at ON main.query_event
        WHEN OLD.at IS NOT NEW.at
        BEGIN INSERT INTO query_event_moved_row VALUES (NEW.id, OLD.at, NEW.at); END;
        """

    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Parameters 1–10 are the query_log columns in ``columns`` order (bound row by row by
    /// ``QueryLogRowCopier``); 11 is the center, bound once per import.
    static let upsertSQL = """
        INSERT INTO query_event (center, id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms)
        VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT(center, id) DO UPDATE SET
            at = excluded.at, channel = excluded.channel, terminal = excluded.terminal,
            site_id = excluded.site_id, kind = excluded.kind, text = excluded.text, result = excluded.result,
            uscc = excluded.uscc, latency_ms = excluded.latency_ms
        WHERE at IS NOT excluded.at OR channel IS NOT excluded.channel OR terminal IS NOT excluded.terminal
            OR site_id IS NOT excluded.site_id OR kind IS NOT excluded.kind OR text IS NOT excluded.text
            OR result IS NOT excluded.result OR uscc IS NOT excluded.uscc OR latency_ms IS NOT excluded.latency_ms
        """

    static func sqliteError(_ code: CInt, _ statement: SQLiteStatement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: sqlite3_db_handle(statement).map { String(cString: sqlite3_errmsg($0)) })
    }

    /// A stored value as text, for messages and the rejects file.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let b): "<\(b.count) 字节二进制>"
        }
    }
}
