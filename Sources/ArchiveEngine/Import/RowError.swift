import Foundation

/// One problem in one row of an import file: where it is (the physical line in the file, counting line
/// breaks inside quoted fields, or the record id of a database row), which column, the value as written,
/// and why it is wrong.
public struct RowError: Sendable, Hashable, CustomStringConvertible {
    public enum Location: Sendable, Hashable {
        /// 1-based physical line of the file where the row starts.
        case line(Int)
        /// A row of a database table, e.g. `query_log id=42`.
        case record(String)
    }

    public var location: Location
    /// The column as the file names it (Chinese header or alias); nil for a whole-row problem.
    public var column: String?
    public var value: String?
    public var reason: String

    public init(location: Location, column: String? = nil, value: String? = nil, reason: String) {
        self.location = location; self.column = column; self.value = value; self.reason = reason
    }

    public var description: String {
        var s: String
        switch location {
        case .line(let n): s = "第 \(n) 行"
        case .record(let r): s = r
        }
        if let column { s += "，列“\(column)”" }
        if let value { s += "，值“\(Self.shorten(value))”" }
        return s + ": " + reason
    }

    /// Keeps a long free-text value readable in a one-line report.
    static func shorten(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r\n", with: "↵").replacingOccurrences(of: "\n", with: "↵")
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
    }
}

/// The row errors of one file: every bad row counted, the first ``storedLimit`` errors kept in order, so
/// a file of a million bad rows reports quickly and without holding them all in memory.
public struct RowErrorReport: Sendable {
    public static let storedLimit = 200

    public private(set) var errors: [RowError] = []
    public private(set) var errorCount = 0
    public private(set) var badRowCount = 0

    public init() {}

    public var isEmpty: Bool { badRowCount == 0 }

    /// Records the errors of one bad row.
    public mutating func add(row errors: [RowError]) {
        guard !errors.isEmpty else { return }
        badRowCount += 1
        errorCount += errors.count
        for e in errors where self.errors.count < Self.storedLimit { self.errors.append(e) }
    }
}
