import ArchiveEngine
import Foundation

/// The register of acceptance bundles as the 验收材料 page shows it: each bundle with what changed since
/// the previous version of the same period (files added, removed or changed; database rows).
public struct AcceptanceRegister: Sendable {
    public struct Entry: Sendable {
        public var record: AcceptanceBundleRecord
        public var fileCount: Int
        /// nil for the first version of a period.
        public var changes: Changes?
    }

    /// Differences between two manifests of one period.
    public struct Changes: Sendable, Equatable {
        public var added: [String] = []
        public var removed: [String] = []
        public var changed: [String] = []
        public var databaseChanged = false
        /// Tables whose row count differs: (table, before, after).
        public var rowCounts: [TableDelta] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && !databaseChanged }
    }

    public struct TableDelta: Sendable, Equatable {
        public var table: String
        public var before: Int
        public var after: Int
    }

    public var entries: [Entry]

    /// Records in register order (newest period first, versions ascending within a period).
    public static func make(_ records: [AcceptanceBundleRecord]) -> AcceptanceRegister {
        var previous: [String: ManifestFacts] = [:]
        var entries: [Entry] = []
        for record in records.sorted(by: { ($0.periodFrom, $0.periodTo, $0.version) < ($1.periodFrom, $1.periodTo, $1.version) }) {
            let key = record.periodFrom + "_" + record.periodTo
            let facts = ManifestFacts(record.manifest)
            entries.append(Entry(record: record, fileCount: facts.files.count, changes: previous[key].map { facts.changes(since: $0) }))
            previous[key] = facts
        }
        let order = Dictionary(uniqueKeysWithValues: records.enumerated().map { ("\($1.periodFrom)_\($1.periodTo)_\($1.version)", $0) })
        func rank(_ e: Entry) -> Int { order["\(e.record.periodFrom)_\(e.record.periodTo)_\(e.record.version)"]! }
        entries.sort { rank($0) < rank($1) }
        return AcceptanceRegister(entries: entries)
    }

    /// The few manifest fields a comparison needs; an unreadable manifest compares as empty.
    struct ManifestFacts: Decodable {
        struct File: Decodable { var path: String; var sha256: String }
        struct Database: Decodable { var sha256: String; var tables: [String: Int] }
        var files: [File]
        var database: Database

        init(_ json: String) {
            self = (try? JSONDecoder().decode(ManifestFacts.self, from: Data(json.utf8)))
                ?? ManifestFacts(files: [], database: Database(sha256: "", tables: [:]))
        }

        init(files: [File], database: Database) { self.files = files; self.database = database }

        func changes(since old: ManifestFacts) -> Changes {
            let before = Dictionary(old.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            var c = Changes()
            c.added = files.map(\.path).filter { before[$0] == nil }
            c.removed = old.files.map(\.path).filter { after[$0] == nil }
            c.changed = files.filter { file in before[file.path].map { $0 != file.sha256 } ?? false }.map(\.path)
            c.databaseChanged = database.sha256 != old.database.sha256
            c.rowCounts = Set(database.tables.keys).union(old.database.tables.keys).sorted().compactMap { table in
                let b = old.database.tables[table] ?? 0, a = database.tables[table] ?? 0
                return a == b ? nil : TableDelta(table: table, before: b, after: a)
            }
            return c
        }
    }
}
