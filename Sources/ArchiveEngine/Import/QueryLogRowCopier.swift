import Foundation
import GRDB
import GRDBSQLite

/// The inner loop of the query_log import: checks one row of the snapshot's `SELECT` and binds it to the
/// operations database's upsert, at the level of SQLite's C API.
///
/// A million rows must import at a good fraction of sqlite3's own `.import` speed with flat memory, so the
/// common row costs no allocation: text already in the contract's form (canonical `+08:00` time, a known
/// channel and result) is bound straight from the source row's buffer, which stays valid until the source
/// steps again, after the upsert has run. Only unusual rows (another time form, a Chinese channel name)
/// or bad ones build Swift strings.
struct QueryLogRowCopier {
    /// `SELECT id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms FROM query_log`.
    let source: SQLiteStatement
    /// ``QueryLogImporter/upsertSQL``, ten parameters in the same order.
    let target: SQLiteStatement

    private static let channels: [[UInt8]] = ["kiosk", "window", "online", "province"].map { Array($0.utf8) }
    private static let results: [[UInt8]] = ["found", "not_found", "error"].map { Array($0.utf8) }
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds the current source row to the target. Returns the row's errors instead when it is bad, and
    /// writes the row's Shanghai day (`2023-06-29`) into `day` when it is good.
    func bind(position: Int, day: inout [UInt8]) -> [RowError]? {
        guard sqlite3_column_type(source, 0) == SQLITE_INTEGER else {
            return [RowError(location: .record("query_log 第 \(position) 行"), column: "id", value: text(0),
                             reason: "id 不是整数。 (id is not an integer)")]
        }
        let id = sqlite3_column_int64(source, 0)
        sqlite3_bind_int64(target, 1, id)
        var errors: [RowError] = []
        func fail(_ column: String, _ index: CInt, _ reason: String) {
            errors.append(RowError(location: .record("query_log id=\(id)"), column: column, value: text(index), reason: reason))
        }

        // at: canonical text is bound as is; any other accepted form is normalised.
        if let (bytes, count) = textBytes(1), Self.isCanonicalShanghaiTime(bytes, count) {
            sqlite3_bind_text(target, 2, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), count, nil)
            for i in 0..<10 { day[i] = bytes[i] }
        } else if let at = BureauTime.parse(text(1)) {
            let iso = BureauTime.iso(at)
            sqlite3_bind_text(target, 2, iso, -1, Self.transient)
            day = Array(iso.utf8.prefix(10))
        } else {
            fail("at", 1, "无法识别的时间。 (unrecognised time)")
        }

        if let (bytes, count) = textBytes(2), Self.matches(bytes, count, Self.channels) {
            sqlite3_bind_text(target, 3, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), count, nil)
        } else if let channel = QueryChannel(text: text(2)), channel != .all {
            sqlite3_bind_text(target, 3, channel.rawValue, -1, Self.transient)
        } else {
            fail("channel", 2, "渠道无效，应为 kiosk、window、online 或 province。 (unknown channel)")
        }

        for i: CInt in [3, 4, 5, 6, 8] { copy(i) }

        if let (bytes, count) = textBytes(7), Self.matches(bytes, count, Self.results) {
            sqlite3_bind_text(target, 8, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), count, nil)
        } else {
            fail("result", 7, "结果无效，应为 found、not_found 或 error。 (unknown result)")
        }

        switch sqlite3_column_type(source, 9) {
        case SQLITE_NULL: sqlite3_bind_null(target, 10)
        case SQLITE_INTEGER: sqlite3_bind_int64(target, 10, sqlite3_column_int64(source, 9))
        case SQLITE_FLOAT where sqlite3_column_double(source, 9).rounded() == sqlite3_column_double(source, 9):
            sqlite3_bind_int64(target, 10, Int64(sqlite3_column_double(source, 9)))
        default:
            fail("latency_ms", 9, "耗时不是整数毫秒。 (latency is not whole milliseconds)")
        }
        return errors.isEmpty ? nil : errors
    }

    /// Every column of the current row as text (for the rejects file).
    func fields() -> [String] { (0..<10).map { text(CInt($0)) } }

    // MARK: - Private

    /// Copies an optional column with whatever type it has.
    private func copy(_ i: CInt) {
        let p = i + 1
        switch sqlite3_column_type(source, i) {
        case SQLITE_INTEGER: sqlite3_bind_int64(target, p, sqlite3_column_int64(source, i))
        case SQLITE_FLOAT: sqlite3_bind_double(target, p, sqlite3_column_double(source, i))
        case SQLITE_TEXT:
            let bytes = sqlite3_column_text(source, i).map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            sqlite3_bind_text(target, p, bytes, sqlite3_column_bytes(source, i), nil)
        case SQLITE_BLOB: sqlite3_bind_blob(target, p, sqlite3_column_blob(source, i), sqlite3_column_bytes(source, i), nil)
        default: sqlite3_bind_null(target, p)
        }
    }

    private func textBytes(_ i: CInt) -> (UnsafePointer<UInt8>, CInt)? {
        guard sqlite3_column_type(source, i) == SQLITE_TEXT, let p = sqlite3_column_text(source, i) else { return nil }
        return (p, sqlite3_column_bytes(source, i))
    }

    private func text(_ i: CInt) -> String {
        QueryLogImporter.text(DatabaseValue(sqliteStatement: source, index: i))
    }

    private static func matches(_ bytes: UnsafePointer<UInt8>, _ count: CInt, _ candidates: [[UInt8]]) -> Bool {
        candidates.contains { c in
            guard c.count == Int(count) else { return false }
            for i in 0..<c.count where c[i] != bytes[i] { return false }
            return true
        }
    }

    /// `2023-06-30T17:05:09+08:00` exactly, naming a real day and time.
    static func isCanonicalShanghaiTime(_ b: UnsafePointer<UInt8>, _ count: CInt) -> Bool {
        guard count == 25 else { return false }
        func digits(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for i in from..<(from + n) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              b[19] == 43, b[20] == 48, b[21] == 56, b[22] == 58, b[23] == 48, b[24] == 48,
              let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
              let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2) else { return false }
        guard y >= 1900, (1...12).contains(mo), h < 24, mi < 60, s < 60, d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
        return d <= days
    }
}
