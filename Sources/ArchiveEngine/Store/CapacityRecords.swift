import Forecasting
import Foundation
import GRDB

/// One reading of a mount's usage, as `disk_history` keeps it.
public struct DiskReading: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// The center's own monitoring table (`disk_sample`).
        case center
        /// statvfs on the host that ran `check`.
        case statvfs
        /// Carried in another host's inspection results (`import inspections`).
        case `import`
    }

    public var host: String
    public var mount: String
    public var at: Date
    public var totalBytes: Int64
    public var usedBytes: Int64
    public var source: Source

    public init(host: String, mount: String, at: Date, totalBytes: Int64, usedBytes: Int64, source: Source) {
        self.host = host; self.mount = mount; self.at = at
        self.totalBytes = totalBytes; self.usedBytes = usedBytes; self.source = source
    }
}

/// A site's archive added in one month (档案增长), as the catalog said when `check` last read it.
public struct ArchiveGrowthMonth: Sendable, Hashable, Codable {
    public var siteID: String
    public var siteName: String
    /// `YYYY-MM` in bureau time.
    public var month: String
    public var volumes: Int
    public var pages: Int
    public var bytes: Int64
    public var recordedAt: Date

    public init(siteID: String, siteName: String, month: String, volumes: Int, pages: Int, bytes: Int64, recordedAt: Date) {
        self.siteID = siteID; self.siteName = siteName; self.month = month
        self.volumes = volumes; self.pages = pages; self.bytes = bytes; self.recordedAt = recordedAt
    }
}

/// The query load measured from `query_event`: busiest hour and day, totals, latency percentiles.
public struct QueryLoadFacts: Sendable, Hashable, Codable {
    public var days: Int
    public var queries: Int
    /// `2023-06-30T10` (bureau time) and its queries.
    public var peakHour: String?
    public var peakHourQueries: Int
    public var busiestDay: String?
    public var busiestDayQueries: Int
    public var latencySamples: Int
    /// Nearest-rank percentiles of latency_ms.
    public var latencyP50: Int?
    public var latencyP95: Int?
    public var latencyP99: Int?
}

/// Capacity history (容量历史): disk readings, archive growth per site and month, and the query load.
extension OperationsStore {
    /// Stores readings; a reading already stored (same host, mount and time) is left as it is.
    /// Returns how many were new.
    @discardableResult
    public func recordDiskReadings<S: Sequence>(_ readings: S) throws -> Int where S.Element == DiskReading {
        try dbQueue.write { db in try Self.insertDiskReadings(readings, in: db) }
    }

    static func insertDiskReadings<S: Sequence>(_ readings: S, in db: Database) throws -> Int where S.Element == DiskReading {
        let statement = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO disk_history (host, mount, at, total_bytes, used_bytes, source) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        for r in readings {
            try statement.execute(arguments: [r.host, r.mount, BureauTime.iso(r.at), r.totalBytes, r.usedBytes, r.source.rawValue])
            inserted += db.changesCount
        }
        return inserted
    }

    /// Every (host, mount) with readings, in order.
    public func diskMounts() throws -> [(host: String, mount: String)] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT host, mount FROM disk_history ORDER BY host, mount").map {
                (host: $0[0] as String, mount: $0[1] as String)
            }
        }
    }

    /// Time of a mount's latest reading.
    public func latestDiskReading(host: String, mount: String) throws -> Date? {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT max(at) FROM disk_history WHERE host = ? AND mount = ?", arguments: [host, mount])
                .flatMap { BureauTime.parse($0) }
        }
    }

    /// One mount's readings, oldest first, as the forecast takes them. Read one mount at a time, so five
    /// years of hourly readings of twenty mounts never sit in memory together.
    public func diskHistory(host: String, mount: String) throws -> [CapacitySample] {
        try dbQueue.read { db in
            var samples: [CapacitySample] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT at, total_bytes, used_bytes FROM disk_history WHERE host = ? AND mount = ? ORDER BY at
                """, arguments: [host, mount])
            while let row = try rows.next() {
                guard let at = BureauTime.parse(row[0]) else { continue }
                let total: Int64 = row[1], used: Int64 = row[2]
                samples.append(CapacitySample(at: at, used: Double(used), total: Double(total)))
            }
            return samples
        }
    }

    /// Keeps what an inspection read of capacity: its disk readings (new ones only) and the archive growth.
    public func recordCapacity(of report: InspectionReport) throws {
        try dbQueue.write { db in try Self.insertCapacity(of: report, in: db) }
    }

    /// ``recordCapacity(of:)`` inside a transaction the caller holds.
    static func insertCapacity(of report: InspectionReport, in db: Database) throws {
        _ = try insertDiskReadings(report.diskReadings, in: db)
        try replaceArchiveGrowth(report.archiveGrowth, in: db)
    }

    /// Replaces the growth of the months given (a later check knows better), leaving other months as they are.
    public func recordArchiveGrowth(_ months: [ArchiveGrowthMonth]) throws {
        try dbQueue.write { db in try Self.replaceArchiveGrowth(months, in: db) }
    }

    static func replaceArchiveGrowth(_ months: [ArchiveGrowthMonth], in db: Database) throws {
        for m in months {
            try db.execute(sql: """
                INSERT OR REPLACE INTO archive_growth (site_id, month, site_name, volumes, pages, bytes, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [m.siteID, m.month, m.siteName, m.volumes, m.pages, m.bytes, BureauTime.iso(m.recordedAt)])
        }
    }

    /// Every site's monthly growth, by site and month.
    public func archiveGrowth() throws -> [ArchiveGrowthMonth] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT site_id, site_name, month, volumes, pages, bytes, recorded_at FROM archive_growth ORDER BY site_id, month
                """).map { r in
                ArchiveGrowthMonth(siteID: r[0], siteName: r[1], month: r[2], volumes: r[3], pages: r[4], bytes: r[5],
                                   recordedAt: BureauTime.parse(r[6] as String) ?? .distantPast)
            }
        }
    }

    /// The query load of the detailed query log; nil when it holds no query.
    public func queryLoad() throws -> QueryLoadFacts? {
        try dbQueue.read { db in
            let queries = try Int.fetchOne(db, sql: "SELECT count(*) FROM query_event") ?? 0
            guard queries > 0 else { return nil }
            let days = try Int.fetchOne(db, sql: "SELECT count(DISTINCT substr(at, 1, 10)) FROM query_event") ?? 0
            let hour = try Row.fetchOne(db, sql: """
                SELECT substr(at, 1, 13) AS h, count(*) AS n FROM query_event GROUP BY h ORDER BY n DESC, h LIMIT 1
                """)
            let day = try Row.fetchOne(db, sql: """
                SELECT substr(at, 1, 10) AS d, count(*) AS n FROM query_event GROUP BY d ORDER BY n DESC, d LIMIT 1
                """)
            let timed = try Int.fetchOne(db, sql: "SELECT count(*) FROM query_event WHERE latency_ms IS NOT NULL") ?? 0
            func percentile(_ p: Int) throws -> Int? {
                guard timed > 0 else { return nil }
                let rank = max(1, (p * timed + 99) / 100)
                return try Int.fetchOne(db, sql: """
                    SELECT latency_ms FROM query_event WHERE latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?
                    """, arguments: [rank - 1])
            }
            return QueryLoadFacts(days: days, queries: queries, peakHour: hour?[0], peakHourQueries: hour?[1] ?? 0,
                                  busiestDay: day?[0], busiestDayQueries: day?[1] ?? 0, latencySamples: timed,
                                  latencyP50: try percentile(50), latencyP95: try percentile(95), latencyP99: try percentile(99))
        }
    }
}
