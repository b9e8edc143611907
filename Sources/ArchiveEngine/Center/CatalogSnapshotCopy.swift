#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDBSQLite

/// One consistent, committed state of a catalog that the production system may be writing right now,
/// copied into a private folder outside the center; every read of a run goes to that copy.
///
/// Why a copy: the catalog may be live. Reading it in place either ignores locks, journals and the WAL
/// (`immutable=1`: torn rows of an unfinished transaction, missed commits) or holds a read lock for the
/// whole run (blocking the production writer for minutes — against 最小影响原则). So the run takes one
/// short read transaction and copies the committed state out with SQLite's online backup API, honouring
/// locks, hot journals and the WAL. Where SQLite cannot read in place without writing — a hot journal left
/// by a writer killed mid-transaction (rolling it back would write to the center), or a WAL without its
/// `-shm` (reading would create one inside the center) — the files are copied as they are into the private
/// folder (checked unchanged across the copy) and SQLite recovers the committed state there.
/// Nothing is ever created or changed inside the center. When no consistent state can be had (a writer
/// holds its lock longer than the wait, or the files keep changing) the caller gets a ``CenterError`` and
/// the run ends UNKNOWN with the reason, never with findings from a torn state.
struct CatalogSnapshotCopy {
    /// The private copy (`<temp>/archive-ops-catalog-<uuid>/catalog.sqlite`).
    let path: String
    /// The private folder holding it; removed by ``remove()``.
    let folder: String
    /// How the state was obtained, for the run's notes and tests: `backup` or `recovered`.
    let method: Method

    enum Method: String { case backup, recovered }

    /// How many times a plain file copy is retried while a writer keeps changing the files.
    static let copyAttempts = 5

    static func make(from source: String, lockWait: TimeInterval) throws -> CatalogSnapshotCopy {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("archive-ops-catalog-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CenterError.catalogUnreadable(source, "无法创建临时目录 \(folder) (cannot create a private copy): \(error.localizedDescription)")
        }
        let target = folder + "/catalog.sqlite"
        do {
            // A WAL without its -shm: opening it in place would create the -shm inside the center.
            if exists(source + "-wal") && !exists(source + "-shm") {
                try copyFiles(source, to: target)
                return CatalogSnapshotCopy(path: target, folder: folder, method: .recovered)
            }
            switch try backup(source, to: target, lockWait: lockWait) {
            case .done:
                return CatalogSnapshotCopy(path: target, folder: folder, method: .backup)
            case .needsRecovery:
                try? FileManager.default.removeItem(atPath: target)
                try copyFiles(source, to: target)
                return CatalogSnapshotCopy(path: target, folder: folder, method: .recovered)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    // MARK: - Online backup

    private enum BackupOutcome { case done, needsRecovery }

    /// Copies the committed state with `sqlite3_backup_step(-1)`: one read transaction on the source,
    /// opened `mode=ro` so that SQLite honours locks, a hot journal and the WAL.
    private static func backup(_ source: String, to target: String, lockWait: TimeInterval) throws -> BackupOutcome {
        var src: OpaquePointer?
        var dst: OpaquePointer?
        defer {
            sqlite3_close_v2(src)
            sqlite3_close_v2(dst)
        }
        let uri = CenterCatalog.readOnlyURI(source)
        var rc = sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard rc == SQLITE_OK, let src else { throw failure(source, rc, src) }
        sqlite3_extended_result_codes(src, 1)
        let waitMS = Int32(max(0, min(lockWait, 3600)) * 1000)
        sqlite3_busy_timeout(src, waitMS)
        rc = sqlite3_open_v2(target, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let dst else {
            throw CenterError.catalogUnreadable(source, "无法写入临时副本 \(target) (cannot write the private copy)")
        }
        sqlite3_busy_timeout(dst, waitMS)
        // The copy is private and thrown away with the run: a crash mid-copy leaves nothing to recover, so
        // it needs neither a rollback journal nor syncs (four fewer fsyncs and no journal file per run).
        _ = sqlite3_exec(dst, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", nil, nil, nil)
        guard let backup = sqlite3_backup_init(dst, "main", src, "main") else {
            throw failure(source, sqlite3_extended_errcode(dst), dst)
        }
        rc = sqlite3_backup_step(backup, -1)
        let sourceCode = sqlite3_extended_errcode(src)
        sqlite3_backup_finish(backup)
        if rc == SQLITE_DONE { return .done }
        // A hot journal (a writer died mid-transaction) or a WAL that cannot be read in place without
        // writing: recover the committed state from a private copy of the files instead.
        let code = (rc & 0xff) == SQLITE_READONLY || rc == SQLITE_CANTOPEN ? rc : sourceCode
        switch code {
        // 776 SQLITE_READONLY_ROLLBACK, 264 SQLITE_READONLY_RECOVERY, 1288 SQLITE_READONLY_CANTINIT,
        // 520 SQLITE_READONLY_CANTLOCK (extended codes the C module does not export as constants).
        case 776, 264, 1288, 520, SQLITE_READONLY, SQLITE_CANTOPEN:
            return .needsRecovery
        default:
            break
        }
        if (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED {
            throw CenterError.catalogLocked(source, lockWait)
        }
        throw failure(source, rc, src)
    }

    private static func failure(_ source: String, _ rc: Int32, _ db: OpaquePointer?) -> CenterError {
        let message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
        return .catalogUnreadable(source, message)
    }

    // MARK: - Plain copy with recovery

    /// The files SQLite may need besides the database itself.
    static let companions = ["-journal", "-wal"]

    /// Copies the database and its journal or WAL as they are, checks that none changed while copying
    /// (else retries), then lets SQLite recover the committed state in the private copy.
    private static func copyFiles(_ source: String, to target: String) throws {
        for attempt in 1...copyAttempts {
            let before = fileStates(source)
            for suffix in companions { try? FileManager.default.removeItem(atPath: target + suffix) }
            try? FileManager.default.removeItem(atPath: target)
            do {
                try FileManager.default.copyItem(atPath: source, toPath: target)
                for suffix in companions where exists(source + suffix) {
                    try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
                }
            } catch {
                if attempt == copyAttempts {
                    throw CenterError.catalogUnreadable(source, "复制目录数据库失败 (copy failed): \(error.localizedDescription)")
                }
                usleep(200_000)
                continue
            }
            if fileStates(source) == before {
                try recover(target, source: source)
                return
            }
            usleep(200_000)
        }
        throw CenterError.catalogChanging(source)
    }

    /// Opens the private copy read-write once, so SQLite rolls back a hot journal or replays the WAL, and
    /// checkpoints the WAL into the file.
    private static func recover(_ target: String, source: String) throws {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        var rc = sqlite3_open_v2(target, &db, SQLITE_OPEN_READWRITE, nil)
        guard rc == SQLITE_OK, let db else { throw failure(source, rc, db) }
        rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master; PRAGMA wal_checkpoint(TRUNCATE);", nil, nil, nil)
        guard rc == SQLITE_OK else { throw failure(source, rc, db) }
    }

    private struct FileState: Equatable {
        var exists: Bool, size: Int64, modified: Int, modifiedNanos: Int, inode: UInt64
    }

    private static func fileStates(_ source: String) -> [FileState] {
        ([""] + companions).map { suffix in
            var s = stat()
            guard stat(source + suffix, &s) == 0 else { return FileState(exists: false, size: 0, modified: 0, modifiedNanos: 0, inode: 0) }
            return FileState(exists: true, size: Int64(s.st_size), modified: Int(s.st_mtim.tv_sec),
                             modifiedNanos: Int(s.st_mtim.tv_nsec), inode: UInt64(s.st_ino))
        }
    }

    private static func exists(_ path: String) -> Bool {
        var s = stat()
        return lstat(path, &s) == 0
    }
}
