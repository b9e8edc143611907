import CSV
import Foundation

/// The rejected rows of a `--skip-bad` import, written beside the input as `<input>.rejected.csv`:
/// UTF-8 with a BOM (so Excel on a Chinese Windows opens it correctly), the input's own header plus a
/// 错误原因 column, so the operator can fix the rows in place and import this file again.
///
/// The file holds the rejected rows' personal data unmasked, so it is created 0600. A field that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
/// written with a leading `'` (CSV injection): opened in Excel it shows as text, never runs.
public final class RejectsFile {
    public let url: URL
    private let writer: CSVWriter
    private let stream: OutputStream
    private let width: Int

    public static func url(besides input: URL) -> URL {
        input.deletingLastPathComponent().appendingPathComponent(input.lastPathComponent + ".rejected.csv")
    }

    /// Creates (replacing) the file and writes the header.
    public init(besides input: URL, header: [String]) throws {
        url = Self.url(besides: input)
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: Data([0xEF, 0xBB, 0xBF]),
                                             attributes: [.posixPermissions: 0o600]),
              let stream = OutputStream(toFileAtPath: url.path, append: true) else {
            throw ImportError.cannotWriteRejects(url.path)
        }
        self.stream = stream
        width = header.count
        stream.open()
        writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header + ["错误原因"])
    }

    /// Appends one rejected row with the reasons joined.
    public func append(fields: [String], errors: [RowError]) throws {
        let reason = errors.map { e in
            [e.column.map { "“\($0)”" }, e.reason].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "；")
        // Pad short rows so that 错误原因 always lands in its own column.
        let padded = fields.count < width ? fields + Array(repeating: "", count: width - fields.count) : fields
        try writer.write(row: (padded + [reason]).map(Self.neutralised))
    }

    /// `field` with a leading `'` when a spreadsheet would take it for a formula.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    public func close() {
        // CSVWriter puts the newline before each row; end the file with one so editors show a clean end.
        _ = stream.write("\r\n", maxLength: 2)
        stream.close()
    }
}
