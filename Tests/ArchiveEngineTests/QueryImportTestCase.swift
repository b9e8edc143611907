import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// An import test of query statistics: the bureau's totals CSV, snapshot catalogs holding a `query_log`
/// made on the fly, and the day totals the detail implies.
class QueryImportTestCase: ImportTestCase {
    override class var fixtureFiles: [String] { ["query-totals.csv"] }

    func options(skipBad: Bool = false) -> ImportOptions {
        ImportOptions(skipBad: skipBad, now: testNow, actor: "test")
    }

    /// A snapshot catalog holding only `query_log`, in the contract's schema, with `rows`.
    func makeCatalog(_ name: String = "catalog.sqlite", rows: [[DatabaseValueConvertible?]]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let db = try DatabaseQueue(path: url.path)
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT, channel TEXT, terminal TEXT, site_id TEXT,
                  kind TEXT, text TEXT, result TEXT, uscc TEXT, latency_ms INTEGER, extra_column TEXT)
                """)
            for r in rows {
                try db.execute(sql: """
                    INSERT INTO query_log (id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms)
                    VALUES (?,?,?,?,?,?,?,?,?,?)
                    """, arguments: StatementArguments(r))
            }
        }
        try db.close()
        return url
    }

    static let sampleRows: [[DatabaseValueConvertible?]] = [
        [1, "2023-06-28T09:00:00+08:00", "kiosk", "T-001", "dc", "uscc", "91441900MA4UJ5XY2K", "found", "91441900MA4UJ5XY2K", 120],
        [2, "2023-06-28T23:59:59+08:00", "kiosk", "T-002", "dc", "name", "东莞市某某电子科技有限公司", "not_found", nil, 340],
        // 06-29 00:00 in Shanghai:
        [3, "2023-06-28T16:00:00Z", "window", "W-01", "dc", "reg_no", "441900000123456", "found", "91441900MA4UJ5XY2K", 80],
        [4, "2023-06-29T10:30:00+08:00", "online", nil, "dc", "name", "东莞市不存在有限公司", "not_found", nil, 95],
        [5, "2023-06-29T11:00:00+08:00", "kiosk", "T-001", "dc", "uscc", "91441900MA4UJ5XY2K", "error", nil, 5000],
    ]

    func dayTotals() throws -> [String: [String: (Int, Int?)]] {
        var out: [String: [String: (Int, Int?)]] = [:]
        for (s, source) in try store.queryStatistics(source: "detail") {
            XCTAssertEqual(source, "detail")
            XCTAssertEqual(s.period.level, .day)
            out[s.period.text, default: [:]][s.channel.rawValue] = (s.queries, s.notFound)
        }
        return out
    }
}
