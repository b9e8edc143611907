import Foundation
import GRDB
import GRDBSQLite

/// The catalog export of a center snapshot (`catalog.sqlite`), read from one consistent committed state.
///
/// The snapshot belongs to the production system and may be live (最小影响原则): the engine never writes to
/// it and never creates files beside it. Opening takes one short read transaction that honours the
/// writer's locks, a hot journal and the WAL, and copies that state into a private folder outside the
/// center (``CatalogSnapshotCopy``); every query of the run reads the copy, so all checks see the same
/// state however long the run takes, and the production writer is never blocked for more than the copy.
/// Queries name their columns, so extra tables and columns of a newer export are ignored as the contract
/// asks.
public final class CenterCatalog: @unchecked Sendable {
    public let path: String
    let dbQueue: DatabaseQueue
    private let copy: CatalogSnapshotCopy

    /// How the committed state was read: `backup` (online backup) or `recovered` (a hot journal rolled
    /// back, or a WAL replayed, in the private copy).
    public var readMethod: String { copy.method.rawValue }

    /// The default wait for a writer's lock before the run ends UNKNOWN.
    public static let defaultLockWait: TimeInterval = 10

    public init(path: String, lockWait: TimeInterval = CenterCatalog.defaultLockWait) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CenterError.catalogMissing(path)
        }
        copy = try CatalogSnapshotCopy.make(from: path, lockWait: lockWait)
        var config = Configuration()
        config.readonly = true
        config.foreignKeysEnabled = false
        config.label = "center-catalog"
        do {
            dbQueue = try DatabaseQueue(path: copy.path, configuration: config)
            _ = try dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            copy.remove()
            throw CenterError.catalogUnreadable(path, Self.reason(error))
        }
    }

    deinit { copy.remove() }

    /// `file:/path%20with%20space/catalog.sqlite?mode=ro`: read-only, honouring locks, journal and WAL.
    static func readOnlyURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(encoded)?mode=ro"
    }

    static func reason(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }

    /// Runs a read, turning SQLite errors (a missing table or column in a foreign export) into a
    /// ``CenterError`` that names the file.
    func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try dbQueue.read(body)
        } catch let error as CenterError {
            throw error
        } catch {
            throw CenterError.catalogUnreadable(path, "\(what): \(Self.reason(error))")
        }
    }

    // MARK: - Tables

    public func sites() throws -> [(id: String, name: String, kind: String, root: String)] {
        try read("site") { db in
            try Row.fetchAll(db, sql: "SELECT id, name, kind, root FROM site ORDER BY id").map { row in
                let id: String = row["id"] ?? "", name: String = row["name"] ?? ""
                let kind: String = row["kind"] ?? "", root: String = row["root"] ?? ""
                return (id: id, name: name, kind: kind, root: root)
            }
        }
    }

    /// Every volume, ordered by id (the order of coverage slices and of findings).
    public func volumes() throws -> [CatalogVolume] {
        var result: [CatalogVolume] = []
        // Read with the C API (``CatalogRawRow``, the values GRDB's decoding gives): the run waits for this
        // list before anything else, and a `Row` per volume was most of its time.
        try forEachRawRow("volume", sql: """
            SELECT id, uscc, seq, created_at, pages, efile_status, efile_updated_at, efile_sha256,
                   seal_status, sealed_at, seal_sha256, lock_owner, locked_at
            FROM volume ORDER BY id
            """) { result.append(Self.volume(from: $0)) }
        return result
    }

    private static func volume(from r: CatalogRawRow) -> CatalogVolume {
        func time(_ i: Int32) -> Date? { r.string(i).flatMap { BureauTime.parse($0) } }
        func text(_ i: Int32) -> String { r.string(i) ?? "" }
        func hash(_ i: Int32) -> String? { r.string(i).map(lowercasedHash) }
        return CatalogVolume(
            id: text(0), uscc: text(1), seq: Int(r.int64(2) ?? 0), createdAt: time(3), pages: Int(r.int64(4) ?? 0),
            efileStatus: text(5), efileUpdatedAt: time(6), efileSHA256: hash(7),
            sealStatus: text(8), sealedAt: time(9), sealSHA256: hash(10), lockOwner: r.string(11), lockedAt: time(12))
    }

    /// A SHA-256 as the catalog wrote it, in lower case: returned as it is when it has no upper-case
    /// letter and no non-ASCII byte (almost always), which spares a `lowercased()` per page row.
    static func lowercasedHash(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } ? text : text.lowercased()
    }

    /// Calls `body` with every volume id and the UTF-8 bytes of its row's columns as text, in volume id
    /// order — the input of the per-volume catalog fingerprint that tells which volumes changed since the
    /// last run. Read with the C API (``CatalogRawRow``): the bytes are valid only during the call.
    public func forEachVolumeRowText(_ body: (String, UnsafeBufferPointer<UInt8>) -> Void) throws {
        try forEachRawRow("volume", sql: """
            SELECT id, uscc || '|' || seq || '|' || ifnull(created_at,'') || '|' || pages || '|' ||
                   ifnull(efile_status,'') || '|' || ifnull(efile_sha256,'') || '|' ||
                   ifnull(seal_status,'') || '|' || ifnull(seal_sha256,'')
            FROM volume ORDER BY id
            """) { row in
            let id = row.string(0) ?? ""
            row.withUTF8(1) { body(id, $0) }
        }
    }

    /// Calls `body` with every page row in (volume, no) order, as the UTF-8 bytes of the volume id, the page
    /// number, the UTF-8 bytes of the lower-cased SHA-256 and the size (−1 when NULL) — the same values
    /// ``forEachPage(_:)`` gives, without a `String` per row. The bytes are valid only during the call.
    func forEachPageRow(_ body: (UnsafeBufferPointer<UInt8>, Int64, UnsafeBufferPointer<UInt8>, Int64) -> Void) throws {
        try forEachRawRow("page", sql: "SELECT volume_id, no, sha256, bytes FROM page ORDER BY volume_id, no") { row in
            let no = row.int64(1) ?? 0, bytes = row.int64(3) ?? -1
            row.withUTF8(0) { id in row.withLowercasedHashUTF8(2) { sha in body(id, no, sha, bytes) } }
        }
    }

    /// Steps `sql` with SQLite's C API and calls `body` with each row; errors name the file like ``read(_:_:)``.
    private func forEachRawRow(_ what: String, sql: String, _ body: (CatalogRawRow) -> Void) throws {
        try read(what) { db in
            let prepared = try db.makeStatement(sql: sql)  // kept alive: it finalizes the statement when released
            let statement = prepared.sqliteStatement
            defer { sqlite3_reset(statement); withExtendedLifetime(prepared) {} }
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
                }
                body(CatalogRawRow(statement: statement))
            }
        }
    }

    /// Calls `body` with every page row in (volume, no) order, streamed so that tens of millions of
    /// pages never sit in memory at once.
    public func forEachPage(_ body: (String, CatalogPage) -> Void) throws {
        try read("page") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT volume_id, no, sha256, bytes FROM page ORDER BY volume_id, no")
            while let r = try rows.next() {
                body(r[0] ?? "", CatalogPage(no: r[1] ?? 0, sha256: Self.lowercasedHash((r[2] as String?) ?? ""), bytes: r[3] ?? -1))
            }
        }
    }

    /// The page rows of the given volumes, keyed by volume id (one batch of the run's selection); a volume
    /// without pages maps to an empty list. One query per chunk of ids rather than one per volume: the
    /// statement and cursor set-up per volume cost more than its three or four rows.
    /// - Parameter idsPerQuery: ids bound in one `IN (…)` list, well under SQLite's limit on bound parameters.
    public func pages(of volumeIDs: [String], idsPerQuery: Int = 500) throws -> [String: [CatalogPage]] {
        try read("page") { db in
            var result: [String: [CatalogPage]] = [:]
            result.reserveCapacity(volumeIDs.count)
            for id in volumeIDs { result[id] = [] }
            let wanted = Array(result.keys).sorted()
            var start = 0
            while start < wanted.count {
                let chunk = Array(wanted[start..<min(start + max(1, idsPerQuery), wanted.count)])
                start += chunk.count
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let statement = try db.cachedStatement(sql: """
                    SELECT volume_id, no, sha256, bytes FROM page WHERE volume_id IN (\(marks)) ORDER BY volume_id, no
                    """)
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(chunk))
                var currentID: String?, current: [CatalogPage] = []
                while let r = try rows.next() {
                    let id: String = r[0] ?? ""
                    if id != currentID {
                        if let done = currentID { result[done] = current }
                        currentID = id
                        current = result[id] ?? []
                    }
                    current.append(CatalogPage(no: r[1] ?? 0, sha256: Self.lowercasedHash((r[2] as String?) ?? ""), bytes: r[3] ?? -1))
                }
                if let done = currentID { result[done] = current }
            }
            return result
        }
    }

    /// uscc → branch with jurisdiction, for every enterprise.
    public func branchOfEnterprise() throws -> [String: String] {
        try read("enterprise") { db in
            var result: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT uscc, branch_id FROM enterprise")
            while let r = try rows.next() {
                if let uscc: String = r[0] { result[uscc] = r[1] ?? "" }
            }
            return result
        }
    }

    /// Every enterprise code, in order (for the check-digit audit).
    public func enterpriseCodes() throws -> [String] {
        try read("enterprise") { db in try String.fetchAll(db, sql: "SELECT uscc FROM enterprise WHERE uscc IS NOT NULL ORDER BY uscc") }
    }

    /// Every enterprise with the fields the not-found triage compares against.
    public func enterprises() throws -> [CatalogEnterprise] {
        try read("enterprise") { db in
            try Row.fetchAll(db, sql: "SELECT uscc, reg_no, name, former_names, branch_id FROM enterprise ORDER BY uscc").map { r in
                let uscc: String = r[0] ?? "", name: String = r[2] ?? "", former: String = r[3] ?? "[]"
                return CatalogEnterprise(uscc: uscc, regNo: r[1], name: name, formerNamesJSON: former, branchID: r[4])
            }
        }
    }

    /// The enterprises with these codes (codes the catalog does not hold are left out), by code. Read in
    /// chunks so that a long list stays within SQLite's limit on bound parameters.
    public func enterprises(codes: [String]) throws -> [CatalogEnterprise] {
        let wanted = Array(Set(codes)).sorted()
        guard !wanted.isEmpty else { return [] }
        return try read("enterprise") { db in
            var result: [CatalogEnterprise] = []
            var start = 0
            while start < wanted.count {
                let chunk = Array(wanted[start..<min(start + 500, wanted.count)])
                start += chunk.count
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let sql = "SELECT uscc, reg_no, name, former_names, branch_id FROM enterprise WHERE uscc IN (\(marks)) ORDER BY uscc"
                result += try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)).map { r in
                    CatalogEnterprise(uscc: r[0] ?? "", regNo: r[1], name: r[2] ?? "", formerNamesJSON: r[3] ?? "[]",
                                      branchID: r[4])
                }
            }
            return result.sorted { $0.uscc < $1.uscc }
        }
    }

    /// The not-found queries whose time falls in [start, end).
    public func notFoundQueries(from start: Date, to end: Date) throws -> [CatalogQuery] {
        try read("query_log") { db in
            var result: [CatalogQuery] = []
            // `at` may be written with another offset, so the window is applied after parsing.
            let rows = try Row.fetchCursor(db,
                                           sql: "SELECT id, at, site_id, kind, text FROM query_log WHERE result = 'not_found' ORDER BY id")
            while let r = try rows.next() {
                guard let raw: String = r[1], let at = BureauTime.parse(raw), at >= start, at < end else { continue }
                result.append(CatalogQuery(id: r[0] ?? 0, at: raw, siteID: r[2], kind: r[3] ?? "", text: r[4] ?? ""))
            }
            return result
        }
    }

    /// Every disk sample (the table may be empty or absent in older exports).
    public func diskSamples() throws -> [DiskSample] {
        try read("disk_sample") { db in
            guard try db.tableExists("disk_sample") else { return [] }
            let sql = "SELECT host, mount, at, total_bytes, used_bytes FROM disk_sample ORDER BY host, mount, at"
            return try Row.fetchAll(db, sql: sql).compactMap { r in
                guard let raw: String = r[2], let at = BureauTime.parse(raw) else { return nil }
                let host: String = r[0] ?? "", mount: String = r[1] ?? ""
                let total: Int64 = r[3] ?? 0, used: Int64 = r[4] ?? 0
                return DiskSample(host: host, mount: mount, at: at, totalBytes: total, usedBytes: used)
            }
        }
    }
}
