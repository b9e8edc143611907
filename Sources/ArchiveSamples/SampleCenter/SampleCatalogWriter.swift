import ArchiveEngine
import Foundation
import GRDB

/// Writes `catalog.sqlite` in exactly the contract's shape (tables site, enterprise, volume, page,
/// query_log, disk_sample), row by row in large transactions, so a center of 100,000 volumes streams to
/// disk instead of sitting in memory.
final class SampleCatalogWriter {
    private let queue: DatabaseQueue
    private var batch: [(String, StatementArguments)] = []

    init(url: URL) throws {
        var config = Configuration()
        config.journalMode = .default
        queue = try DatabaseQueue(path: url.path, configuration: config)
        try queue.writeWithoutTransaction { db in
            // An export file, not a live database: no journal needed while it is being written.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: Self.schema)
        }
    }

    /// The catalog export's tables, column for column as in spec/archive-center.md.
    static let schema = """
    CREATE TABLE site (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, root TEXT NOT NULL);
    CREATE TABLE enterprise (uscc TEXT PRIMARY KEY, reg_no TEXT NULL, name TEXT NOT NULL, former_names TEXT NOT NULL,
        branch_id TEXT NOT NULL, status TEXT NOT NULL, established_on TEXT NOT NULL);
    CREATE TABLE volume (id TEXT PRIMARY KEY, uscc TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
        created_at TEXT NOT NULL, pages INTEGER NOT NULL, efile_status TEXT NOT NULL, efile_updated_at TEXT NOT NULL,
        efile_sha256 TEXT NULL, seal_status TEXT NOT NULL, sealed_at TEXT NULL, seal_sha256 TEXT NULL,
        lock_owner TEXT NULL, locked_at TEXT NULL);
    CREATE TABLE page (volume_id TEXT NOT NULL, no INTEGER NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
        PRIMARY KEY (volume_id, no));
    CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL, terminal TEXT NOT NULL,
        site_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, result TEXT NOT NULL, uscc TEXT NULL,
        latency_ms INTEGER NOT NULL);
    CREATE TABLE disk_sample (host TEXT NOT NULL, mount TEXT NOT NULL, at TEXT NOT NULL, total_bytes INTEGER NOT NULL,
        used_bytes INTEGER NOT NULL);
    """

    /// Queues one row; rows are written in transactions of a few thousand (GRDB keeps no transaction open
    /// between accesses, so the batch lives here, not in SQLite).
    func insert(_ sql: String, _ arguments: StatementArguments) throws {
        batch.append((sql, arguments))
        if batch.count >= 5_000 { try flush() }
    }

    private func flush() throws {
        guard !batch.isEmpty else { return }
        let rows = batch
        batch.removeAll(keepingCapacity: true)
        try queue.inTransaction { db in
            for (sql, arguments) in rows {
                try db.cachedStatement(sql: sql).execute(arguments: arguments)
            }
            return .commit
        }
    }

    /// Writes the last rows and adds the indexes an export would carry.
    func finish() throws {
        try flush()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
            CREATE INDEX volume_by_uscc ON volume(uscc);
            CREATE INDEX query_log_by_at ON query_log(at);
            CREATE INDEX disk_sample_by_mount ON disk_sample(host, mount, at);
            """)
        }
        try queue.close()
    }

    static let insertSite = "INSERT INTO site (id, name, kind, root) VALUES (?, ?, ?, ?)"
    static let insertEnterprise = """
    INSERT INTO enterprise (uscc, reg_no, name, former_names, branch_id, status, established_on) VALUES (?, ?, ?, ?, ?, ?, ?)
    """
    static let insertVolume = """
    INSERT INTO volume (id, uscc, seq, event, created_at, pages, efile_status, efile_updated_at, efile_sha256,
        seal_status, sealed_at, seal_sha256, lock_owner, locked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
    static let insertPage = "INSERT INTO page (volume_id, no, sha256, bytes) VALUES (?, ?, ?, ?)"
    static let insertQuery = """
    INSERT INTO query_log (id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
    static let insertDiskSample = "INSERT INTO disk_sample (host, mount, at, total_bytes, used_bytes) VALUES (?, ?, ?, ?, ?)"
}
