import GRDBSQLite

/// One row of a catalog query read with SQLite's C API, for the passes over every volume and every page row
/// (the catalog fingerprint) where GRDB's `Row` decoding — a `String` made for every text column — was most
/// of the cost.
///
/// Each read gives exactly what GRDB's decoding gives (`String(cString: sqlite3_column_text(…))`: text up to
/// the first NUL, invalid UTF-8 repaired; `Int` from `sqlite3_column_int64`; NULL as nil), so a result
/// cannot depend on which of the two readings computed it. Text that is plain ASCII without NUL — almost
/// every catalog value — is handed over as SQLite's own bytes, without a copy.
struct CatalogRawRow {
    let statement: OpaquePointer

    /// The column as GRDB reads a `String?`.
    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    /// The column as GRDB reads an `Int64?` (nil for NULL).
    func int64(_ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    /// Calls `body` with the UTF-8 bytes of `string(column) ?? ""`.
    func withUTF8<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let text = sqlite3_column_text(statement, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
        if Self.isPlainASCII(bytes) { return body(bytes) }
        var repaired = String(cString: text)
        return repaired.withUTF8(body)
    }

    /// Calls `body` with the UTF-8 bytes of a hash column as ``CenterCatalog/lowercasedHash(_:)`` gives them
    /// (`""` for NULL): lower-cased, as the checks compare hashes.
    func withLowercasedHashUTF8<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard let text = sqlite3_column_text(statement, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
        if Self.isPlainASCII(bytes) {
            if !bytes.contains(where: { (0x41...0x5A).contains($0) }) { return body(bytes) }
            let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            return lowered.withUnsafeBufferPointer(body)
        }
        var hash = CenterCatalog.lowercasedHash(String(cString: text))
        return hash.withUTF8(body)
    }

    /// ASCII without NUL: `String(cString:)` would keep every byte as it is.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 != 0 && $0 < 0x80 }
    }
}
