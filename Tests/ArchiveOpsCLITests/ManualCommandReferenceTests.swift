import Foundation
import XCTest

/// The command reference chapter comes from the CLI's own help, so it lists every command of this build.
final class ManualCommandReferenceTests: XCTestCase {
    func testEveryCommandOfTheCLIHasItsPageWithItsHelpText() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("manual-commands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let built = try ManualCLIRunner.bash("archive-ops build --workspace ws", in: scratch)
        XCTAssertEqual(built.status, 0, built.output)

        let names = try ManualCLIRunner.subcommands(in: scratch)
        let help = try ManualCLIRunner.bash("archive-ops --help", in: scratch).output
        XCTAssertTrue(names.contains("build") && names.contains("init"), help)

        let manual = scratch.appendingPathComponent("ws/Output/manual/commands")
        let index = try String(contentsOf: manual.appendingPathComponent("index.html"), encoding: .utf8)
        for name in names where name != "help" {
            XCTAssertTrue(index.contains("href=\"\(name).html\""), name)
            let page = try String(contentsOf: manual.appendingPathComponent("\(name).html"), encoding: .utf8)
            let ownHelp = try ManualCLIRunner.bash("archive-ops help \(name)", in: scratch).output
            let usage = try XCTUnwrap(ownHelp.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            XCTAssertTrue(page.contains("USAGE:"), name)
            XCTAssertTrue(page.contains("archive-ops \(name)"), name)
            XCTAssertFalse(usage.isEmpty)
        }
    }
}
