@testable import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import GRDB
import XCTest

/// The catalog fingerprint reads the volume and page rows with SQLite's C API as bytes. Whatever a foreign
/// export holds, it must give the fingerprints GRDB's `String` decoding gives — otherwise the first run of a
/// new version would see every volume as changed, or miss a change: upper-case hashes, non-ASCII ids (also
/// two spellings of one id that Swift holds equal), a NUL inside a text, bytes that are not UTF-8, numbers in
/// text columns, NULL sizes and hashes, pages of a volume the catalog does not list.
final class CatalogFingerprintReadingTests: XCTestCase {
    func testFingerprintsFromBytesEqualThoseFromGRDBStrings() throws {
        let f = try standardFixture()
        try f.addVolume("V-档案-é", uscc: CenterFixture.code(7), seq: 1, pages: 2)
        try f.execute("""
            CREATE TABLE page2 (volume_id, no, sha256, bytes);
            INSERT INTO page2 SELECT * FROM page;
            DROP TABLE page;
            ALTER TABLE page2 RENAME TO page;
            CREATE INDEX page_order ON page(volume_id, no);
            """)
        let odd: [(String, StatementArguments)] = [
            ("INSERT INTO page VALUES ('V001', 9, upper(?), 10)", [String(repeating: "ab", count: 32)]),
            ("INSERT INTO page VALUES ('V001', 10, CAST(x'61620063' AS TEXT), 11)", []),  // NUL inside
            ("INSERT INTO page VALUES ('V001', 11, CAST(x'61ff62' AS TEXT), NULL)", []),  // not UTF-8
            ("INSERT INTO page VALUES ('V002', 12, 12345, '77')", []),
            ("INSERT INTO page VALUES ('V002', 13, NULL, 5)", []),
            ("INSERT INTO page VALUES ('V002', 14, 'ÄBC', 5)", []),  // non-ASCII, lower-cased as Swift does
            ("INSERT INTO page VALUES ('V-档案-e\u{301}', 3, 'ff', 1)", []),  // the same id as 'V-档案-é' to Swift
            ("INSERT INTO page VALUES ('V-档案-é', 4, 'ee', 2)", []),
            ("INSERT INTO page VALUES ('V999', 1, 'aa', 3)", []),  // no volume row
            ("UPDATE volume SET efile_sha256 = CAST(x'41ff00' AS TEXT) WHERE id = 'V002'", []),
            ("UPDATE volume SET uscc = NULL WHERE id = 'V003'", []),
        ]
        for (sql, arguments) in odd { try f.execute(sql, arguments) }
        try f.close()
        let catalog = try CenterCatalog(path: f.catalogURL.path)

        let fromBytes = try CatalogFingerprint.compute(catalog)
        let fromStrings = try Self.referenceFingerprints(catalog)
        XCTAssertEqual(fromBytes, fromStrings)
        XCTAssertEqual(Set(fromBytes.keys), Set(f.volumes.keys))
    }

    func testVolumeRowsReadWithTheCAPIEqualThoseReadThroughGRDBRows() throws {
        let f = try standardFixture()
        try f.addVolume("V-档案", uscc: CenterFixture.code(7), seq: 1, pages: 2, lockOwner: "张三", lockedAt: "2023-06-30 07:00")
        for sql in [
            "UPDATE volume SET efile_sha256 = upper(efile_sha256), seq = '2', pages = NULL WHERE id = 'V001'",
            "UPDATE volume SET created_at = 'not a time', seal_sha256 = CAST(x'41ff00' AS TEXT), uscc = NULL WHERE id = 'V002'",
            "UPDATE volume SET efile_updated_at = '2023-06-30T17:05:00+08:00', sealed_at = 20230630, seq = 3.7 WHERE id = 'V003'",
        ] { try f.execute(sql) }
        try f.close()
        let catalog = try CenterCatalog(path: f.catalogURL.path)
        let reference = try catalog.dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, uscc, seq, created_at, pages, efile_status, efile_updated_at, efile_sha256,
                       seal_status, sealed_at, seal_sha256, lock_owner, locked_at
                FROM volume ORDER BY id
                """).map { r in
                func time(_ i: Int) -> Date? { (r[i] as String?).flatMap { BureauTime.parse($0) } }
                func hash(_ i: Int) -> String? { (r[i] as String?).map(CenterCatalog.lowercasedHash) }
                return CatalogVolume(
                    id: r[0] ?? "", uscc: r[1] ?? "", seq: r[2] ?? 0, createdAt: time(3), pages: r[4] ?? 0,
                    efileStatus: r[5] ?? "", efileUpdatedAt: time(6), efileSHA256: hash(7),
                    sealStatus: r[8] ?? "", sealedAt: time(9), sealSHA256: hash(10), lockOwner: r[11], lockedAt: time(12))
            }
        }
        XCTAssertEqual(try catalog.volumes(), reference)
        XCTAssertEqual(reference.count, 4)
    }

    /// The fingerprint as computed before the C API reading: every value a GRDB-decoded `String` or `Int`.
    private static func referenceFingerprints(_ catalog: CenterCatalog) throws -> [String: Int64] {
        var hashes: [String: UInt64] = [:]
        try catalog.dbQueue.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, uscc || '|' || seq || '|' || ifnull(created_at,'') || '|' || pages || '|' ||
                       ifnull(efile_status,'') || '|' || ifnull(efile_sha256,'') || '|' ||
                       ifnull(seal_status,'') || '|' || ifnull(seal_sha256,'')
                FROM volume ORDER BY id
                """)
            while let r = try rows.next() { hashes[r[0] ?? ""] = CatalogFingerprint.mix(CatalogFingerprint.offset, r[1] ?? "") }
        }
        var current: (id: String, hash: UInt64?)?
        try catalog.forEachPage { volumeID, page in
            if current?.id != volumeID {
                if let done = current, let h = done.hash { hashes[done.id] = h }
                current = (volumeID, hashes[volumeID])
            }
            guard let h = current?.hash else { return }
            let withNumber = CatalogFingerprint.mix(h, Int64(page.no))
            current?.hash = CatalogFingerprint.mix(CatalogFingerprint.mix(withNumber, page.sha256), page.bytes)
        }
        if let done = current, let h = done.hash { hashes[done.id] = h }
        return hashes.mapValues { Int64(bitPattern: $0) }
    }
}
