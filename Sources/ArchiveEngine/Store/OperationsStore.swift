import Foundation
import GRDB

/// The operations database (运维数据库): the single source of truth for everything downstream —
/// tickets, query statistics, inspection runs with their findings, and the audit trail of every command
/// that changed it.
///
/// ## Topics
/// - Opening: ``open(at:)``, ``inMemory()``
/// - Schema: ``migrator`` (versioned migrations that upgrade an existing file in place)
/// - Tickets: ``ticketRecords()`` (what reports read), ``tickets()``, ``serviceFacts(ofTicket:)``
/// - Inspections: ``saveInspection(_:findings:)``, ``inspectionRuns()``, ``findings(ofRun:)``, ``findingsByRun()``
/// - Query statistics: ``queryFigures()``, ``queryStatistics(source:)``
/// - Records: ``recordAudit(_:)``; the engine's importers and coverage ledger write through ``dbQueue``.
///
/// Every table is decoded here, once, into the plain values of `Model/` (``TicketRecord``, ``InspectionRun``,
/// ``Finding``, ``QueryFigure``): the analysis and the site never see SQL or GRDB.
public final class OperationsStore: @unchecked Sendable {
    /// GRDB's serialized queue. A queue rather than a pool: the CLI is one process doing one thing.
    /// Public for the engine's importers and for tests that write rows by hand; readers use the methods above.
    public let dbQueue: DatabaseQueue
    public let url: URL?

    private init(dbQueue: DatabaseQueue, url: URL?) {
        self.dbQueue = dbQueue
        self.url = url
    }

    /// Opens (creating if needed) the database at `url` and migrates it to the current schema.
    /// A file that is not an SQLite database gives ``StoreError/notADatabase(_:)`` instead of a crash.
    public static func open(at url: URL) throws -> OperationsStore {
        restrictPermissions(of: url)
        var config = GRDB.Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: url.path, configuration: config)
            // Touch the schema: SQLite only notices a foreign file on the first read.
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(url.path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            throw StoreError.cannotOpen(url.path, error.message ?? "\(error)")
        }
        let store = OperationsStore(dbQueue: queue, url: url)
        try store.migrate()
        return store
    }

    /// The database holds unmasked personal data (ticket reporters, query texts): a new file is created
    /// 0600, and an existing one loses any permission for other accounts (group access is kept, 0640).
    /// SQLite gives its journal the database file's permissions.
    static func restrictPermissions(of url: URL) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            fm.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        } else if let mode = (try? fm.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int, mode & 0o007 != 0 {
            try? fm.setAttributes([.posixPermissions: mode & ~0o007], ofItemAtPath: url.path)
        }
    }

    /// A throw-away database for tests and previews.
    public static func inMemory() throws -> OperationsStore {
        let store = OperationsStore(dbQueue: try DatabaseQueue(), url: nil)
        try store.migrate()
        return store
    }

    private func migrate() throws {
        do {
            try Self.migrator.migrate(dbQueue)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(url?.path ?? ":memory:")
        }
    }

    /// Every schema version, oldest first. Add a migration at the end; never edit a released one.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for migration in Migrations.all {
            m.registerMigration(migration.name, migrate: migration.apply)
        }
        return m
    }

    /// Appends one line to the audit trail (操作记录): who did what, when, from which file.
    public func recordAudit(_ entry: AuditEntry) throws {
        try dbQueue.write { db in try entry.insert(db) }
    }
}

/// Errors of the operations database, with the message an operator needs.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notADatabase(String)
    case cannotOpen(String, String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            "运维数据库文件不是 SQLite 数据库: \(path)。请检查 --workspace 是否指向正确的工作目录，或移走该文件后运行 archive-ops init。 (not an SQLite database)"
        case .cannotOpen(let path, let reason):
            "无法打开运维数据库 \(path): \(reason)。请检查目录是否存在且可写。 (cannot open database)"
        }
    }
}
