import Foundation

/// One column an importer understands: its Chinese header as the platform exports it, its English alias,
/// and whether a file must have it.
public struct ImportColumn: Sendable, Hashable {
    public var chinese: String
    public var alias: String
    public var required: Bool

    public init(_ chinese: String, _ alias: String, required: Bool = false) {
        self.chinese = chinese; self.alias = alias; self.required = required
    }

    /// `工单编号(ticket_id)` — how an error names a column the file lacks.
    public var label: String { "\(chinese)(\(alias))" }
}

/// Where each known column sits in a file's header. The header may use the Chinese name or the English
/// alias of each column, in any order; columns nobody asked for are ignored (exports grow columns over
/// time), but a missing required column or an ambiguous duplicate is an error naming the file.
public struct HeaderMap: Sendable {
    private var positions: [ImportColumn: Int] = [:]
    public let header: [String]

    public init(header: [String], columns: [ImportColumn], file: URL) throws {
        self.header = header
        let normalized = header.map(Self.normalize)
        for column in columns {
            let names = [Self.normalize(column.chinese), Self.normalize(column.alias)]
            let hits = normalized.indices.filter { names.contains(normalized[$0]) }
            if hits.count > 1 {
                throw ImportError.duplicateColumn(file.path, column.label)
            }
            if let i = hits.first { positions[column] = i }
        }
        let missing = columns.filter { $0.required && positions[$0] == nil }
        if !missing.isEmpty {
            throw ImportError.missingColumns(file.path, missing: missing.map(\.label),
                                             found: header.map { RowError.shorten($0) })
        }
    }

    public func has(_ column: ImportColumn) -> Bool { positions[column] != nil }

    /// The column's header as written in the file (for error messages), or its Chinese name.
    public func name(of column: ImportColumn) -> String {
        positions[column].map { header[$0].trimmingCharacters(in: .whitespaces) } ?? column.chinese
    }

    /// The raw field of `column` in `fields`; empty when the column is absent or the row is short.
    public func raw(_ column: ImportColumn, in fields: [String]) -> String {
        guard let i = positions[column], i < fields.count else { return "" }
        return fields[i]
    }

    /// The field with surrounding whitespace removed; nil when empty.
    public func value(_ column: ImportColumn, in fields: [String]) -> String? {
        let t = raw(column, in: fields).trimmedOfWhitespace()
        return t.isEmpty ? nil : t
    }

    /// Header cells compare without BOM, surrounding (full-width) spaces, case, or the spaces/hyphens an
    /// English header may use (`Ticket ID`, `ticket-id` and `ticket_id` are one column).
    static func normalize(_ cell: String) -> String {
        var t = cell.replacingOccurrences(of: "\u{FEFF}", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}*")))
            .lowercased()
        t = t.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return t
    }
}
