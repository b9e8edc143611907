import Foundation
import XCTest

/// The independent tools the tests hold the project against (OpenSSL, poppler's pdfsig/pdfinfo/pdftoppm).
public enum ExternalTool {
    /// Runs `tool` (looked up on PATH); a tool that is not installed fails the test with what to install.
    public static func run(_ tool: String, _ arguments: [String], file: StaticString = #filePath,
                           line: UInt = #line) throws -> CommandResult {
        let result: CommandResult
        do {
            result = try Subprocess.run(tool: tool, arguments)
        } catch {
            XCTFail("无法启动 \(tool)：请运行 scripts/install-dependencies.sh --test (cannot start \(tool)): \(error)", file: file, line: line)
            throw error
        }
        if result.status == 127 {
            XCTFail("找不到 \(tool)：请运行 scripts/install-dependencies.sh --test (\(tool) not installed)", file: file, line: line)
        }
        return result
    }
}
