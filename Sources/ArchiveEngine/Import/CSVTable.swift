import CSV
import Foundation

/// A CSV file read whole: its header and its rows, each row with the physical line of the file where it
/// starts, so that an error can say "第 12 行" and the operator finds the row in a text editor or in Excel.
///
/// Parsing is CSV.swift's; this type adds what import needs on top: the BOM stripped, blank rows
/// (Excel's trailing `,,,,`) skipped, line numbers that count the line breaks inside quoted fields, and a
/// clear error for an unterminated quote (which the library would silently read to the end of the file).
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// 1-based line of the file where the row starts.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var headerLine: Int
    public var records: [Record]

    /// Parses decoded text from `file` (named in errors).
    public static func parse(_ text: String, file: URL) throws -> CSVTable {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        if body.allSatisfy({ $0.isWhitespace || $0 == "," || $0 == "\t" }) {
            throw ImportError.emptyFile(file.path)
        }
        let reader = CSVRecordReader(try CSVReader(string: String(body), hasHeaderRow: false))
        var rows: [Record] = []
        while let record = reader.next() { rows.append(record) }
        // Every well-formed CSV has an even number of double quotes (opening/closing pairs and "" escapes).
        // An odd count means a quote that was never closed: the library read everything after it into the
        // last field, so point at the row where that field began.
        let quotes = body.unicodeScalars.reduce(0) { $1 == "\"" ? $0 + 1 : $0 }
        if quotes % 2 == 1 {
            throw ImportError.unterminatedQuote(file.path, line: rows.last?.line ?? 1)
        }
        guard let first = rows.first else { throw ImportError.emptyFile(file.path) }
        return CSVTable(header: first.fields, headerLine: first.line, records: Array(rows.dropFirst()))
    }

    /// Line breaks inside one field: CRLF, CR and LF each count once, as an editor shows them.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" {
                count += 1; previousCR = true
            } else {
                if scalar == "\n" && !previousCR { count += 1 }
                previousCR = false
            }
        }
        return count
    }
}

/// The rows of a CSV, one at a time, each with the physical line where it starts; blank rows (Excel's
/// trailing `,,,,`) are skipped. Shared by ``CSVTable/parse(_:file:)`` (text in memory) and the streaming
/// import (``CSVImport``), so both count lines the same way.
final class CSVRecordReader {
    private let reader: CSVReader
    private var line = 1

    init(_ reader: CSVReader) { self.reader = reader }

    /// Streams a UTF-8 file without a byte-order mark.
    convenience init(utf8File url: URL, named file: URL) throws {
        guard let stream = InputStream(url: url) else { throw ImportError.unreadable(file.path, "无法打开 (cannot open)") }
        self.init(try CSVReader(stream: stream, codecType: UTF8.self, hasHeaderRow: false))
    }

    func next() -> CSVTable.Record? {
        while let fields = reader.next() {
            let start = line
            line += 1 + fields.reduce(0) { $0 + CSVTable.lineBreaks(in: $1) }
            if fields.allSatisfy({ $0.trimmedOfWhitespace(newlines: false).isEmpty }) { continue }
            return CSVTable.Record(line: start, fields: fields)
        }
        return nil
    }

    /// A read error of the underlying stream, if the rows ended because of one. (The library also records
    /// `cannotReadFile` at a normal end of the stream, which is not an error.)
    var error: Error? {
        guard let error = reader.error, case CSVError.streamErrorHasOccurred = error else { return nil }
        return error
    }
}
