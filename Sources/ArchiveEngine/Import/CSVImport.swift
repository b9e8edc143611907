import Foundation
import GRDB

/// The flow every CSV importer shares, so that tickets and query totals behave the same way:
/// read and decode the file, map its header, read every row (collecting each bad row's errors, and
/// treating a key seen twice in one file as a bad row), then either reject the whole file — nothing
/// written — or, with `--skip-bad`, write the bad rows beside the input; finally write the good rows and the
/// audit entry in one transaction.
struct CSVImport<Item> {
    var kind: ImportKind
    var columns: [ImportColumn]
    var store: OperationsStore
    var options: ImportOptions
    /// Reads one row, appending an error per bad field; nil when the row cannot be imported.
    var readRow: (CSVTable.Record, HeaderMap, inout [RowError]) -> Item?
    /// What must be unique within one file, the column an error names for a repeat, and how to say it.
    var key: (Item) -> String
    var keyColumn: ImportColumn
    var duplicateReason: (Item, _ firstLine: Int) -> String
    /// Writes the good rows inside the import's transaction.
    var write: ([Item], _ sourceFile: String, Database) throws -> OperationsStore.WriteCounts

    func run(_ url: URL) throws -> ImportSummary {
        let file = try ImportFile(url: url)
        let decoded = try TextDecoding.decode(file.data, file: url, forced: options.encoding)
        let table = try CSVTable.parse(decoded.text, file: url)
        let map = try HeaderMap(header: table.header, columns: columns, file: url)
        guard !table.records.isEmpty else { throw ImportError.noDataRows(url.path) }

        var summary = ImportSummary(kind: kind, file: url, sha256: file.sha256, encoding: decoded.encodingName)
        var items: [Item] = []
        var firstLine: [String: Int] = [:]
        var bad: [(CSVTable.Record, [RowError])] = []
        for record in table.records {
            var errors: [RowError] = []
            if let item = readRow(record, map, &errors) {
                if let earlier = firstLine[key(item)] {
                    errors.append(RowError(location: .line(record.line), column: map.name(of: keyColumn), value: key(item),
                                           reason: duplicateReason(item, earlier)))
                } else {
                    firstLine[key(item)] = record.line
                    if errors.isEmpty { items.append(item) }
                }
            }
            if !errors.isEmpty {
                summary.rowErrors.add(row: errors)
                bad.append((record, errors))
            }
        }
        if !bad.isEmpty && !options.skipBad {
            throw ImportRejected(file: url.path, report: summary.rowErrors, totalRows: table.records.count)
        }
        summary.rejected = bad.count
        if !bad.isEmpty {
            let rejects = try RejectsFile(besides: url, header: table.header)
            for (record, errors) in bad { try rejects.append(fields: record.fields, errors: errors) }
            rejects.close()
            summary.rejectsFile = rejects.url
        }
        try store.dbQueue.write { db in
            let counts = try write(items, url.lastPathComponent, db)
            summary.inserted = counts.inserted; summary.updated = counts.updated; summary.unchanged = counts.unchanged
            try summary.auditEntry(options: options).insert(db)
        }
        return summary
    }
}
