import Foundation

/// Imports a ticket export (运维任务单) of the unified fault-reporting platform (统一报障平台), as
/// `spec/imports.md` describes it: GB18030 or UTF-8, Chinese or English headers, every row validated
/// (dates, categories, the time order reported ≤ responded ≤ on-site ≤ resolved) before anything is
/// written, and the SLA facts of each ticket computed and stored with it.
public struct TicketImporter {
    public enum Column {
        public static let id = ImportColumn("工单编号", "ticket_id", required: true)
        public static let reportedAt = ImportColumn("报障时间", "reported_at", required: true)
        public static let unit = ImportColumn("报障单位", "unit")
        public static let reporter = ImportColumn("报障人", "reporter")
        public static let category = ImportColumn("问题类别", "category", required: true)
        public static let priority = ImportColumn("紧急程度", "priority", required: true)
        public static let description = ImportColumn("问题描述", "description", required: true)
        public static let respondedAt = ImportColumn("响应时间", "responded_at")
        public static let onsiteAt = ImportColumn("到场时间", "onsite_at")
        public static let resolvedAt = ImportColumn("解决时间", "resolved_at")
        public static let actions = ImportColumn("处理过程", "actions")
        public static let resolution = ImportColumn("处理结果", "resolution")
        public static let engineer = ImportColumn("处理人", "engineer")
        public static let status = ImportColumn("状态", "status", required: true)

        /// In the order the platform exports them (and the demo writes them).
        public static let all = [id, reportedAt, unit, reporter, category, priority, description,
                                 respondedAt, onsiteAt, resolvedAt, actions, resolution, engineer, status]
    }

    public let store: OperationsStore
    public let options: ImportOptions

    public init(store: OperationsStore, options: ImportOptions = .init()) {
        self.store = store; self.options = options
    }

    /// Imports `url`. Throws ``ImportError`` for an unreadable file and ``ImportRejected`` when a row is bad
    /// and `skipBad` is off; in both cases the database is unchanged.
    public func importFile(at url: URL) throws -> ImportSummary {
        let levels = options.serviceLevels
        return try CSVImport<Ticket>(
            kind: .tickets, columns: Column.all, store: store, options: options,
            readRow: { record, map, errors in Self.ticket(from: record, map: map, errors: &errors) },
            key: \.id, keyColumn: Column.id,
            duplicateReason: { _, line in "工单编号重复，与第 \(line) 行相同。同一文件中每张工单只能出现一次。 (duplicate ticket id)" },
            write: { tickets, sourceFile, db in
                try OperationsStore.upsertTickets(tickets, levels: levels, sourceFile: sourceFile, in: db)
            }
        ).run(url)
    }

    /// Reads one row; appends an error per bad field and returns nil if the row cannot make a ticket.
    static func ticket(from record: CSVTable.Record, map: HeaderMap, errors: inout [RowError]) -> Ticket? {
        let fields = record.fields
        func fail(_ column: ImportColumn, _ value: String?, _ reason: String) {
            errors.append(RowError(location: .line(record.line), column: map.name(of: column), value: value, reason: reason))
        }
        func required(_ column: ImportColumn) -> String? {
            guard let v = map.value(column, in: fields) else {
                fail(column, nil, "必填项为空。 (required value is empty)")
                return nil
            }
            return v
        }
        // An optional time: `.some(nil)` when the cell is empty, nil when it holds something unreadable.
        func time(_ column: ImportColumn) -> Date?? {
            guard let v = map.value(column, in: fields) else { return .some(nil) }
            guard let d = BureauTime.parse(v) else {
                fail(column, v,
                     "无法识别的时间。可用格式: 2023-06-30 17:05、2023-06-30 17:05:09、2023/6/30 17:05、2023-06-30T17:05:00+08:00。 (unrecognised time)")
                return nil
            }
            return .some(d)
        }
        func enumValue<T>(_ column: ImportColumn, _ parse: (String) -> T?, allowed: @autoclosure () -> String) -> T? {
            guard let v = required(column) else { return nil }
            guard let parsed = parse(v) else {
                fail(column, v, "不是有效的取值。可用值: \(allowed())。 (unknown value)")
                return nil
            }
            return parsed
        }

        let id = required(Column.id)
        let reportedText = required(Column.reportedAt)
        var reported: Date?
        if let reportedText {
            reported = BureauTime.parse(reportedText)
            if reported == nil {
                fail(Column.reportedAt, reportedText,
                     "无法识别的时间。可用格式: 2023-06-30 17:05、2023-06-30 17:05:09、2023/6/30 17:05、2023-06-30T17:05:00+08:00。 (unrecognised time)")
            }
        }
        let category = enumValue(Column.category, TicketCategory.init(text:),
                                 allowed: TicketCategory.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: " "))
        let priority = enumValue(Column.priority, TicketPriority.init(text:),
                                 allowed: TicketPriority.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: " "))
        let status = enumValue(Column.status, TicketStatus.init(text:),
                               allowed: TicketStatus.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: " "))
        let description = required(Column.description)
        let responded = time(Column.respondedAt)
        let onsite = time(Column.onsiteAt)
        let resolved = time(Column.resolvedAt)

        guard errors.isEmpty, let id, let reported, let category, let priority, let status, let description,
              let responded, let onsite, let resolved else { return nil }

        // The contract's time order: reported ≤ responded ≤ on-site ≤ resolved, among the times present.
        var previous: (column: ImportColumn, date: Date) = (Column.reportedAt, reported)
        for (column, date) in [(Column.respondedAt, responded), (Column.onsiteAt, onsite), (Column.resolvedAt, resolved)] {
            guard let date else { continue }
            if date < previous.date {
                fail(column, map.value(column, in: fields),
                     "早于\(previous.column.chinese)（\(BureauTime.display(previous.date))）。时间顺序应为 报障 ≤ 响应 ≤ 到场 ≤ 解决。 (times out of order)")
            } else {
                previous = (column, date)
            }
        }
        guard errors.isEmpty else { return nil }

        return Ticket(
            id: id, reportedAt: reported, unit: map.value(Column.unit, in: fields),
            reporter: map.value(Column.reporter, in: fields), category: category, priority: priority,
            description: normalizedText(description), respondedAt: responded, onsiteAt: onsite, resolvedAt: resolved,
            actions: map.value(Column.actions, in: fields).map(normalizedText),
            resolution: map.value(Column.resolution, in: fields).map(normalizedText),
            engineer: map.value(Column.engineer, in: fields), status: status)
    }

    /// Free text keeps its line breaks, written as `\n` whatever the export used (`\r\n` and a lone `\r`).
    /// Over UTF-8 bytes, not Foundation's `replacingOccurrences`: that was 30 % of a large import's CPU for
    /// texts that mostly hold no `\r` at all.
    static func normalizedText(_ s: String) -> String {
        let cr: UInt8 = 13, lf: UInt8 = 10
        guard s.utf8.contains(cr) else { return s }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var afterCR = false
        for byte in s.utf8 {
            if byte == lf && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == cr
            bytes.append(afterCR ? lf : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
