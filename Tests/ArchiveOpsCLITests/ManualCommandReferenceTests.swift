import Foundation
import XCTest

/// The command reference chapter comes from the CLI's own help, so it lists every command of this build.
final class ManualCommandReferenceTests: XCTestCase {
    func testEveryCommandOfTheCLIHasItsPageWithItsHelpText() throws {
        let folder = try ScratchFolder(prefix: "manual-commands")
        defer { withExtendedLifetime(folder) {} }
        let scratch = folder.url
        let built = try BuiltCLI.bash("archive-ops build --workspace ws", in: scratch)
        assertCommand(built, exits: 0)

        let names = try BuiltCLI.subcommands(in: scratch)
        let help = try BuiltCLI.bash("archive-ops --help", in: scratch).output
        XCTAssertTrue(names.contains("build") && names.contains("init"), help)

        let manual = scratch.appendingPathComponent("ws/Output/manual/commands")
        let index = try String(contentsOf: manual.appendingPathComponent("index.html"), encoding: .utf8)
        for name in names where name != "help" {
            XCTAssertTrue(index.contains("href=\"\(name).html\""), name)
            let page = try String(contentsOf: manual.appendingPathComponent("\(name).html"), encoding: .utf8)
            let ownHelp = try BuiltCLI.bash("archive-ops help \(name)", in: scratch).output
            let usage = try XCTUnwrap(ownHelp.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            XCTAssertTrue(page.contains("USAGE:"), name)
            XCTAssertTrue(page.contains("archive-ops \(name)"), name)
            XCTAssertFalse(usage.isEmpty)
        }
    }
}
