import Foundation
import GRDB

/// The flow every CSV importer shares, so that tickets and query totals behave the same way:
/// transcode the file to a private UTF-8 copy, map its header, then stream every row inside one
/// transaction (collecting each bad row's errors, and treating a key seen twice in one file as a bad
/// row): without `--skip-bad` one bad row rolls the whole file back — nothing written; with it the bad
/// rows go to a rejects file beside the input. The good rows and the audit entry commit together.
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

    /// Rows are written in batches inside the import's one transaction as they are read, so memory does
    /// not grow with the file; a rejected file rolls the transaction back and leaves the database unchanged.
    static var batchSize: Int { 2_000 }

    func run(_ url: URL) throws -> ImportSummary {
        let copy = try UTF8ImportCopy.make(of: url, forced: options.encoding)
        defer { copy.remove() }
        let reader = try CSVRecordReader(utf8File: copy.url, named: url)
        guard let header = reader.next() else {
            if let error = reader.error { throw ImportError.unreadable(url.path, "\(error)") }
            throw ImportError.emptyFile(url.path)
        }
        let map = try HeaderMap(header: header.fields, columns: columns, file: url)

        var summary = ImportSummary(kind: kind, file: url, sha256: copy.sha256, encoding: copy.encodingName)
        var firstLine: [String: Int] = [:]
        var rows = 0
        var lastLine = header.line
        var rejects: RejectsFile?
        do {
            try store.dbQueue.inTransaction { db in
                var batch: [Item] = []
                func flush() throws {
                    guard !batch.isEmpty else { return }
                    let counts = try write(batch, url.lastPathComponent, db)
                    summary.inserted += counts.inserted; summary.updated += counts.updated; summary.unchanged += counts.unchanged
                    batch.removeAll(keepingCapacity: true)
                }
                func reject(_ record: CSVTable.Record, _ errors: [RowError]) throws {
                    summary.rowErrors.add(row: errors)
                    summary.rejected += 1
                    if options.skipBad {
                        if rejects == nil { rejects = try RejectsFile(besides: url, header: header.fields) }
                        try rejects?.append(fields: record.fields, errors: errors)
                    }
                }
                while let record = reader.next() {
                    rows += 1
                    lastLine = record.line
                    var errors: [RowError] = []
                    guard let item = readRow(record, map, &errors), errors.isEmpty else {
                        try reject(record, errors)
                        continue
                    }
                    if let earlier = firstLine[key(item)] {
                        try reject(record, [RowError(location: .line(record.line), column: map.name(of: keyColumn),
                                                     value: key(item), reason: duplicateReason(item, earlier))])
                        continue
                    }
                    firstLine[key(item)] = record.line
                    // Once the file is bound to be rejected, good rows are only checked, no longer written.
                    guard options.skipBad || summary.rejected == 0 else { continue }
                    batch.append(item)
                    if batch.count >= Self.batchSize { try flush() }
                }
                if let error = reader.error { throw ImportError.unreadable(url.path, "\(error)") }
                if copy.hasUnterminatedQuote { throw ImportError.unterminatedQuote(url.path, line: lastLine) }
                guard rows > 0 else { throw ImportError.noDataRows(url.path) }
                if summary.rejected > 0 && !options.skipBad { return .rollback }
                try flush()
                try summary.auditEntry(options: options).insert(db)
                return .commit
            }
        } catch {
            rejects?.close()
            if let rejects { try? FileManager.default.removeItem(at: rejects.url) }
            throw error
        }
        rejects?.close()
        summary.rejectsFile = rejects?.url
        if summary.rejected > 0 && !options.skipBad {
            throw ImportRejected(file: url.path, report: summary.rowErrors, totalRows: rows)
        }
        return summary
    }
}
