import Foundation
import GRDB

/// Volumes, pages and page bytes created per month and per branch of jurisdiction, as the catalog holds
/// them: the raw material of each site's archive growth (档案增长).
public struct CatalogGrowthRow: Sendable, Hashable {
    /// `YYYY-MM` of the volume's `created_at` (as written: the bureau's +08:00 in every export seen).
    public var month: String
    /// Branch with jurisdiction over the volume's enterprise; nil when the enterprise has none.
    public var branchID: String?
    public var volumes: Int
    public var pages: Int
    public var bytes: Int64
}

extension CenterCatalog {
    /// One pass over the catalog: pages are summed per volume through the page table's primary key, then
    /// grouped by month and branch — seconds for a million volumes, and nothing held but the result.
    public func monthlyGrowth() throws -> [CatalogGrowthRow] {
        try read("volume/page") { db in
            try Row.fetchAll(db, sql: """
                SELECT substr(v.created_at, 1, 7) AS month, e.branch_id, count(*), sum(v.pages),
                       sum((SELECT coalesce(sum(p.bytes), 0) FROM page p WHERE p.volume_id = v.id))
                FROM volume v LEFT JOIN enterprise e ON e.uscc = v.uscc
                WHERE v.created_at IS NOT NULL AND length(v.created_at) >= 7
                GROUP BY month, e.branch_id ORDER BY month, e.branch_id
                """).map { r in
                CatalogGrowthRow(month: r[0], branchID: r[1], volumes: r[2] ?? 0, pages: r[3] ?? 0, bytes: r[4] ?? 0)
            }
        }
    }
}
