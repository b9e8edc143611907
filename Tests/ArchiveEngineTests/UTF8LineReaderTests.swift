import XCTest

@testable import ArchiveEngine

/// The reader under `import inspections`: a JSON-lines file is read 1 MiB at a time, so lines cross the
/// reads, and files come from Windows (CRLF), from editors that end without a line break, and with
/// multi-byte characters cut by a read.
final class UTF8LineReaderTests: XCTestCase {
    func testLinesAcrossReadsWithCRLFChineseAndNoFinalBreakComeBackAsWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // About 3 MiB: lines of varying length, so the 1 MiB reads cut lines and three-byte characters.
        var lines: [String] = []
        var text = ""
        for n in 0..<40_000 {
            let line = n % 997 == 0 ? "" : "{\"第\(n)行\": \"" + String(repeating: "档案", count: n % 23) + "\"}"
            lines.append(line)
            text += line + (n % 2 == 0 ? "\r\n" : "\n")
        }
        text += "最后一行没有换行\r"
        lines.append("最后一行没有换行")
        let url = dir.appendingPathComponent("results.jsonl")
        try Data(text.utf8).write(to: url)
        XCTAssertGreaterThan(text.utf8.count, 3 << 20)

        let reader = try UTF8LineReader(url: url, named: url)
        var read: [String] = []
        while let line = reader.next() { read.append(line) }
        XCTAssertEqual(read.count, lines.count)
        XCTAssertEqual(read, lines)
        XCTAssertNil(reader.next(), "after the last line it stays at the end")
    }

    func testAnEmptyFileAndALoneLineBreakAreReadAsSuch() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data().write(to: url)
        XCTAssertNil(try UTF8LineReader(url: url, named: url).next())
        try Data("\n".utf8).write(to: url)
        let reader = try UTF8LineReader(url: url, named: url)
        XCTAssertEqual(reader.next(), "")
        XCTAssertNil(reader.next())
    }
}
