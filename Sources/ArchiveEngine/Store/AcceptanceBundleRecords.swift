import Foundation
import GRDB

/// One acceptance bundle in the register (验收材料登记).
public struct AcceptanceBundleRecord: Equatable, Sendable {
    public var periodFrom: String
    public var periodTo: String
    public var version: Int
    public var fileName: String
    public var sha256: String
    public var size: Int64
    /// SHA-256 of manifest.json: equal for two bundles of the same data and period.
    public var manifestSHA256: String
    public var createdAt: String
    /// manifest.json as signed.
    public var manifest: String

    public init(periodFrom: String, periodTo: String, version: Int, fileName: String, sha256: String,
                size: Int64, manifestSHA256: String, createdAt: String, manifest: String) {
        self.periodFrom = periodFrom; self.periodTo = periodTo; self.version = version; self.fileName = fileName
        self.sha256 = sha256; self.size = size; self.manifestSHA256 = manifestSHA256
        self.createdAt = createdAt; self.manifest = manifest
    }
}

extension OperationsStore {
    /// The version the next bundle of this period gets: one more than the highest so far.
    public func nextBundleVersion(from: String, to: String) throws -> Int {
        try dbQueue.read { db in
            (try Int.fetchOne(db, sql: "SELECT max(version) FROM acceptance_bundle WHERE period_from = ? AND period_to = ?",
                              arguments: [from, to]) ?? 0) + 1
        }
    }

    /// Adds a bundle to the register. A second row for the same period and version is refused by the
    /// primary key: two `archive` runs racing cannot both claim one version.
    public func recordBundle(_ r: AcceptanceBundleRecord) throws {
        try dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO acceptance_bundle
                    (period_from, period_to, version, file_name, sha256, size, manifest_sha256, created_at, manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [r.periodFrom, r.periodTo, r.version, r.fileName, r.sha256, r.size, r.manifestSHA256,
                                 r.createdAt, r.manifest])
        }
    }

    /// Every bundle, newest period first, then by version.
    public func acceptanceBundles() throws -> [AcceptanceBundleRecord] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM acceptance_bundle ORDER BY period_to DESC, period_from DESC, version
                """).map { row in
                AcceptanceBundleRecord(periodFrom: row["period_from"], periodTo: row["period_to"], version: row["version"],
                                       fileName: row["file_name"], sha256: row["sha256"], size: row["size"],
                                       manifestSHA256: row["manifest_sha256"], createdAt: row["created_at"], manifest: row["manifest"])
            }
        }
    }
}
