import Crypto
import Foundation
import GRDB

/// What an acceptance bundle records about the operations database at archive time (归档时的运维数据库):
/// a digest of its contents and the number of rows in each table.
public struct DatabaseContentDigest: Equatable, Sendable {
    /// SHA-256, lowercase hex.
    public var sha256: String
    /// Rows per table, by table name.
    public var rowCounts: [String: Int]
}

extension OperationsStore {
    /// Tables whose rows describe bundles rather than operations; excluded so that recording a bundle does
    /// not change the digest the next bundle of the same data records.
    public static let bundleRegisterTables: Set<String> = ["acceptance_bundle"]

    /// A digest of the database's contents, not of its file: every ordinary table (name order), every row
    /// in the order of all its columns, every value with its type. The file's bytes change when SQLite
    /// reorganises pages; the contents do not, so the same facts always give the same digest.
    ///
    /// Virtual tables (full-text indexes) and their shadow tables are derived data and left out, as are
    /// SQLite's own tables and the bundle register (``bundleRegisterTables``). Read in one transaction,
    /// so a concurrent writer cannot tear it.
    public func contentDigest() throws -> DatabaseContentDigest {
        try dbQueue.read { db in
            let all = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            let virtual = all.filter { (($0["sql"] as String?) ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") }
                .map { $0["name"] as String }
            let names = all.map { $0["name"] as String }.filter { name in
                !name.hasPrefix("sqlite_") && !Self.bundleRegisterTables.contains(name)
                    && !virtual.contains { name == $0 || name.hasPrefix($0 + "_") }
            }
            var hasher = SHA256()
            var counts: [String: Int] = [:]
            for name in names {
                let quoted = name.replacingOccurrences(of: "\"", with: "\"\"")
                let columns = try db.columns(in: name).count
                Self.feed(&hasher, tag: 0x54, Array(name.utf8))
                let order = (1...max(columns, 1)).map(String.init).joined(separator: ", ")
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(quoted)\" ORDER BY \(order)")
                var count = 0
                while let row = try cursor.next() {
                    hasher.update(data: [0x52])
                    for value in row.databaseValues { Self.feed(&hasher, value) }
                    count += 1
                }
                counts[name] = count
            }
            return DatabaseContentDigest(sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined(), rowCounts: counts)
        }
    }

    private static func feed(_ hasher: inout SHA256, tag: UInt8, _ bytes: [UInt8]) {
        var length = UInt64(bytes.count).littleEndian
        hasher.update(data: [tag])
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
    }

    private static func feed(_ hasher: inout SHA256, _ value: DatabaseValue) {
        switch value.storage {
        case .null: hasher.update(data: [0x4E])
        case .int64(let v): feed(&hasher, tag: 0x49, Array(String(v).utf8))
        case .double(let v): feed(&hasher, tag: 0x46, withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) })
        case .string(let v): feed(&hasher, tag: 0x53, Array(v.utf8))
        case .blob(let v): feed(&hasher, tag: 0x42, [UInt8](v))
        }
    }
}
