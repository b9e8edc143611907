import Foundation

/// Imports the bureau's aggregate query totals (档案查询量汇总) from CSV: one row per period and channel,
/// at the level the period names (a year `2022`, a half year `2023-H1`, a month `2023-06`, a day
/// `2023-06-30`). The level is stored with each figure; overlapping levels are kept side by side.
public struct QueryTotalsImporter {
    public enum Column {
        public static let period = ImportColumn("统计期间", "period", required: true)
        /// Optional: a file without it holds the bureau's totals (合计).
        public static let channel = ImportColumn("渠道", "channel")
        public static let queries = ImportColumn("查询量", "queries", required: true)
        public static let notFound = ImportColumn("查无结果", "not_found")

        public static let all = [period, channel, queries, notFound]
    }

    public let store: OperationsStore
    public let options: ImportOptions

    public init(store: OperationsStore, options: ImportOptions = .init()) {
        self.store = store; self.options = options
    }

    public func importFile(at url: URL) throws -> ImportSummary {
        try CSVImport<QueryStatistic>(
            kind: .queries, columns: Column.all, store: store, options: options,
            readRow: { record, map, errors in Self.statistic(from: record, map: map, errors: &errors) },
            key: { "\($0.period.text)|\($0.channel.rawValue)" }, keyColumn: Column.period,
            duplicateReason: { stat, line in "该期间和渠道（\(stat.channel.chineseName)）已在第 \(line) 行出现。 (duplicate period and channel)" },
            write: { stats, sourceFile, db in
                try OperationsStore.upsertAggregateStatistics(stats, sourceFile: sourceFile, in: db)
            }
        ).run(url)
    }

    static func statistic(from record: CSVTable.Record, map: HeaderMap, errors: inout [RowError]) -> QueryStatistic? {
        let fields = record.fields
        func fail(_ column: ImportColumn, _ value: String?, _ reason: String) {
            errors.append(RowError(location: .line(record.line), column: map.name(of: column), value: value, reason: reason))
        }
        // A count as Excel may write it: `560908`, `560,908` or `560 908`.
        func count(_ column: ImportColumn, required: Bool) -> Int?? {
            guard let text = map.value(column, in: fields) else {
                if required { fail(column, nil, "必填项为空。 (required value is empty)"); return nil }
                return .some(nil)
            }
            let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
            guard let n = Int(digits), n >= 0 else {
                fail(column, text, "不是非负整数。 (not a non-negative whole number)")
                return nil
            }
            return .some(n)
        }
        var period: QueryPeriod?
        if let text = map.value(Column.period, in: fields) {
            period = QueryPeriod(text)
            if period == nil {
                fail(Column.period, text, "统计期间无效。可用形式: 2022（年）、2023-H1（半年）、2023-06（月）、2023-06-30（日）。 (invalid period)")
            }
        } else {
            fail(Column.period, nil, "必填项为空。 (required value is empty)")
        }
        var channel = QueryChannel.all
        if let text = map.value(Column.channel, in: fields) {
            if let c = QueryChannel(text: text) {
                channel = c
            } else {
                let channels = QueryChannel.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: " ")
                fail(Column.channel, text, "渠道无效。可用值: " + channels + "。 (unknown channel)")
            }
        }
        let queries = count(Column.queries, required: true) ?? nil
        let notFound = count(Column.notFound, required: false) ?? nil
        if let q = queries, let n = notFound, n > q {
            fail(Column.notFound, String(n), "查无结果数大于查询量（\(q)）。 (not_found exceeds queries)")
        }
        guard errors.isEmpty, let period, let queries else { return nil }
        return QueryStatistic(period: period, channel: channel, queries: queries, notFound: notFound)

    }
}
