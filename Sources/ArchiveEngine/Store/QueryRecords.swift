import Foundation
import GRDB

/// Storing query statistics (档案查询量): the bureau's aggregate totals (each with its level: year, half,
/// month, day) and the detailed query log, from which day totals per channel are counted.
///
/// Aggregate and detail figures live side by side under their own `source`, never added together: a
/// report says which level and source it uses.
extension OperationsStore {
    /// Inserts or updates aggregate totals (source `aggregate`) inside the caller's transaction,
    /// leaving rows that already hold the same figures untouched. A file that does not give a not-found
    /// count (no 查无结果 column, or an empty cell) keeps the count already stored; a figure that changes
    /// one imported earlier is recorded in `query_stat_revision` with both values and both files.
    static func upsertAggregateStatistics(_ stats: [QueryStatistic], sourceFile: String, in db: Database) throws -> WriteCounts {
        var counts = WriteCounts()
        for s in stats {
            let existing = try Row.fetchOne(db, sql: """
                SELECT level, queries, not_found, source_file FROM query_stat WHERE period = ? AND channel = ? AND source = 'aggregate'
                """, arguments: [s.period.text, s.channel.rawValue])
            var notFound = s.notFound
            if let existing {
                let storedNotFound: Int? = existing["not_found"]
                if notFound == nil { notFound = storedNotFound }
                let storedQueries: Int = existing["queries"]
                if existing["level"] == s.period.level.rawValue && storedQueries == s.queries && storedNotFound == notFound {
                    counts.unchanged += 1
                    continue
                }
                counts.updated += 1
                try db.execute(sql: """
                    INSERT INTO query_stat_revision (period, level, channel, source, queries_before, not_found_before,
                                                     queries_after, not_found_after, file_before, file_after)
                    VALUES (?, ?, ?, 'aggregate', ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.period.text, s.period.level.rawValue, s.channel.rawValue, storedQueries, storedNotFound,
                                     s.queries, notFound, existing["source_file"] as String?, sourceFile])
            } else {
                counts.inserted += 1
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO query_stat (period, level, channel, queries, not_found, source, source_file)
                VALUES (?, ?, ?, ?, ?, 'aggregate', ?)
                """, arguments: [s.period.text, s.period.level.rawValue, s.channel.rawValue, s.queries, notFound, sourceFile])
        }
        return counts
    }

    /// Every recorded revision of an imported figure, oldest first.
    public func queryRevisions() throws -> [QueryRevision] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM query_stat_revision ORDER BY seq").map { r in
                QueryRevision(period: r["period"], channel: QueryChannel(rawValue: r["channel"]) ?? .all,
                              queriesBefore: r["queries_before"], notFoundBefore: r["not_found_before"],
                              queriesAfter: r["queries_after"], notFoundAfter: r["not_found_after"],
                              fileBefore: r["file_before"], fileAfter: r["file_after"])
            }
        }
    }

    /// Recounts, from `query_event`, the day totals (source `detail`, level `day`) of `days`
    /// (`2023-06-29`, …) per channel and for channel `all`; rows that already hold the same counts are left
    /// untouched, and a channel that no longer has queries on a day loses its row.
    static func recomputeDetailDayTotals(days: Set<String>, sourceFile: String, in db: Database) throws -> WriteCounts {
        var counts = WriteCounts()
        let tally = try db.makeStatement(sql: """
            SELECT channel, count(*), sum(result = 'not_found') FROM query_event
            WHERE at >= ? AND at < ? GROUP BY channel
            """)
        for day in days.sorted() {
            guard let start = BureauTime.parseDate(day) else { continue }
            let next = BureauTime.iso(start.addingTimeInterval(86400 + 3600)).prefix(10)
            var totals: [String: (queries: Int, notFound: Int)] = [:]
            var all = (queries: 0, notFound: 0)
            for row in try Row.fetchAll(tally, arguments: ["\(day)T00:00:00+08:00", "\(next)T00:00:00+08:00"]) {
                let c = (queries: row[1] as Int, notFound: row[2] as Int)
                totals[row[0]] = c
                all.queries += c.queries; all.notFound += c.notFound
            }
            if all.queries > 0 { totals[QueryChannel.all.rawValue] = all }
            let stored = try Row.fetchAll(db, sql: """
                SELECT channel, queries, not_found FROM query_stat WHERE period = ? AND source = 'detail'
                """, arguments: [day])
            var storedByChannel: [String: (Int, Int?)] = [:]
            for row in stored { storedByChannel[row["channel"]] = (row["queries"], row["not_found"]) }
            for (channel, c) in totals.sorted(by: { $0.key < $1.key }) {
                if let s = storedByChannel[channel], s.0 == c.queries, s.1 == c.notFound {
                    counts.unchanged += 1
                    continue
                }
                if storedByChannel[channel] == nil { counts.inserted += 1 } else { counts.updated += 1 }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO query_stat (period, level, channel, queries, not_found, source, source_file)
                    VALUES (?, 'day', ?, ?, ?, 'detail', ?)
                    """, arguments: [day, channel, c.queries, c.notFound, sourceFile])
            }
            for channel in storedByChannel.keys where totals[channel] == nil {
                try db.execute(sql: "DELETE FROM query_stat WHERE period = ? AND channel = ? AND source = 'detail'",
                               arguments: [day, channel])
                counts.updated += 1
            }
        }
        return counts
    }

    /// Every stored total, by source, period and channel. Rows whose period or channel cannot be read are
    /// skipped: the importers never write them.
    public func queryFigures() throws -> [QueryFigure] {
        try dbQueue.read { db in
            try Self.decodedRows(db, sql: "SELECT * FROM query_stat ORDER BY source, period, channel", Self.queryFigure(from:))
        }
    }

    /// Every stored total, by period, channel and source, optionally of one source only.
    public func queryStatistics(source: String? = nil) throws -> [(statistic: QueryStatistic, source: String)] {
        try dbQueue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM query_stat WHERE (?1 IS NULL OR source = ?1) ORDER BY period, channel, source
                """, arguments: [source])
            return rows.compactMap { row in
                Self.queryFigure(from: row).flatMap { figure in figure.statistic.map { ($0, figure.source) } }
            }
        }
    }

    /// The one decoding of a `query_stat` row; nil when its period or channel is not one the importers write.
    static func queryFigure(from row: Row) -> QueryFigure? {
        guard let period = QueryPeriod(row["period"] ?? ""), let channel = QueryChannel(rawValue: row["channel"] ?? "") else {
            return nil
        }
        return QueryFigure(period: period.text, level: period.level, channel: channel, source: row["source"] ?? "aggregate",
                           queries: row["queries"] ?? 0, notFound: row["not_found"])
    }
}
