import XCTest

/// Asserts a command's exit status and, optionally, texts its stdout and stderr must hold; every failure
/// message carries the whole transcript, so a red test shows what the command actually said.
public func assertCommand(_ result: CommandResult, exits status: Int32, stdoutContains: [String] = [],
                          stderrContains: [String] = [], stderrIsEmpty: Bool = false,
                          _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    let note = message()
    let context = { (what: String) in [note, what, result.transcript].filter { !$0.isEmpty }.joined(separator: "\n") }
    XCTAssertEqual(result.status, status, context("exit status"), file: file, line: line)
    for text in stdoutContains {
        XCTAssertTrue(result.stdout.contains(text), context("stdout lacks “\(text)”"), file: file, line: line)
    }
    for text in stderrContains {
        XCTAssertTrue(result.stderr.contains(text), context("stderr lacks “\(text)”"), file: file, line: line)
    }
    if stderrIsEmpty { XCTAssertEqual(result.stderr, "", context("stderr should be empty"), file: file, line: line) }
}
