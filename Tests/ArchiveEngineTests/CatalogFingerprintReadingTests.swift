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
            current?.hash = CatalogFingerprint.mix(CatalogFingerprint.mix(CatalogFingerprint.mix(h, Int64(page.no)), page.sha256), page.bytes)
        }
        if let done = current, let h = done.hash { hashes[done.id] = h }
        return hashes.mapValues { Int64(bitPattern: $0) }
    }
}
