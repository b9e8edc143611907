import Foundation
import GRDB
import XCTest

/// Runs the real `archive-ops` binary, as an operator or cron would, in a temporary workspace.
final class ArchiveOpsCLITests: XCTestCase {
    var scratch: ScratchFolder!
    var dir: URL { scratch.url }
    var workspace: URL { dir.appendingPathComponent("ws") }

    override func setUpWithError() throws {
        scratch = try ScratchFolder(prefix: "cli-test")
    }

    override func tearDownWithError() throws {
        scratch = nil
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        try BuiltCLI.run(arguments, in: dir)
    }

    func copyFixture(_ name: String) throws -> String {
        try scratch.copy(TestFixtures.imports(name)).path
    }

    func ticketCount() throws -> Int {
        let db = try DatabaseQueue(path: workspace.appendingPathComponent("archive-ops.sqlite").path)
        return try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ticket") ?? -1 }
    }

    func testInitCreatesAWorkspaceWithConfigurationAndDatabase() throws {
        let r = try run(["init", "--workspace", workspace.path])
        assertCommand(r, exits: 0, stdoutContains: ["已创建工作目录"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive-ops.yaml").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive-ops.sqlite").path))
    }

    func testTheWorkspaceOptionWorksBeforeTheSubcommandAsWellAsAfterIt() throws {
        let before = try run(["--workspace", workspace.path, "init"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive-ops.yaml").path))
        let file = try copyFixture("tickets-gb18030-crlf.csv")
        // Nested subcommands too, as `git -C DIR command` reads.
        let nested = try run(["--workspace", workspace.path, "import", "tickets", file])
        XCTAssertEqual(nested.status, 0, nested.stderr)
        XCTAssertEqual(try ticketCount(), 4)
        let stats = try run(["--workspace", workspace.path, "stats", "--json"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("\"total\" : 4") || stats.stdout.contains("\"total\":4"), stats.stdout)
        let after = try run(["stats", "--workspace", workspace.path])
        XCTAssertTrue(after.stdout.contains("共 4"), after.stdout)
        // A workspace that does not exist is reported whichever side the option is on.
        let missing = dir.appendingPathComponent("nowhere").path
        for args in [["--workspace", missing, "stats"], ["stats", "--workspace", missing]] {
            let r = try run(args)
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("\(missing)/archive-ops.sqlite"), r.stderr)
        }
    }

    func testBuildAsOfADayStatesItOnTheDashboardAndRejectsANonDate() throws {
        try run(["init", "--workspace", workspace.path])
        let r = try run(["build", "--as-of", "2023-06-28", "--workspace", workspace.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let home = try String(contentsOf: workspace.appendingPathComponent("Output/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("报告日期 2023-06-28（北京时间）"), home)
        XCTAssertTrue(home.contains("<span class=\"tile-value\">未巡检</span>"), "no run in the database: today's is missing")
        let bad = try run(["build", "--as-of", "2023-06-31", "--workspace", workspace.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--as-of “2023-06-31” 不是日期"), bad.stderr)
    }

    func testImportingAGoodExportPrintsTheCountsOnStdout() throws {
        try run(["init", "--workspace", workspace.path])
        let file = try copyFixture("tickets-gb18030-crlf.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        assertCommand(r, exits: 0, stdoutContains: ["新增 4，更新 0，未变 0，拒绝 0", "GB18030"], stderrIsEmpty: true)
        let again = try run(["import", "tickets", file, "--workspace", workspace.path])
        assertCommand(again, exits: 0, stdoutContains: ["未变 4", "数据库没有变化"])
    }

    func testABadRowFailsTheImportWithItsLineOnStderrAndChangesNothing() throws {
        try run(["init", "--workspace", workspace.path])
        let file = try copyFixture("tickets-one-bad-row.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        assertCommand(r, exits: 1, stderrContains: ["第 7 行，列“紧急程度”，值“非常急”", "--skip-bad"])
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try ticketCount(), 0)
    }

    func testSkipBadImportsTheRestAndWarnsAboutTheRejectsFile() throws {
        try run(["init", "--workspace", workspace.path])
        let file = try copyFixture("tickets-one-bad-row.csv")
        let r = try run(["import", "tickets", file, "--skip-bad", "--workspace", workspace.path])
        assertCommand(r, exits: 0, stdoutContains: ["新增 3"], stderrContains: ["tickets-one-bad-row.csv.rejected.csv"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: file + ".rejected.csv"))
        XCTAssertEqual(try ticketCount(), 3)
    }

    func testFilesThatCannotBeImportedGiveAMessageNotACrash() throws {
        try run(["init", "--workspace", workspace.path])
        let binary = dir.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0]).write(to: binary)
        let empty = dir.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let outOfOrder = try copyFixture("tickets-out-of-order.csv")
        for (file, expected) in [(binary.path, "不是文本（CSV）文件"), (empty.path, "是空的"), (outOfOrder, "早于响应时间"),
                                 (dir.appendingPathComponent("nope.csv").path, "找不到文件")] {
            let r = try run(["import", "tickets", file, "--workspace", workspace.path])
            assertCommand(r, exits: 1, stderrContains: [expected], file)
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
        let queries = try run(["import", "queries", binary.path, "--workspace", workspace.path])
        XCTAssertEqual(queries.status, 1)
        let inspections = try run(["import", "inspections", outOfOrder, "--workspace", workspace.path])
        assertCommand(inspections, exits: 1, stderrContains: ["JSON lines"])
    }

    func testAWorkspaceDatabaseThatIsNotSQLiteIsReportedAndLeftAlone() throws {
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try Data("mounts: []\n".utf8).write(to: workspace.appendingPathComponent("archive-ops.yaml"))
        let foreign = Data("这不是数据库，是一份笔记。\n".utf8)
        try foreign.write(to: workspace.appendingPathComponent("archive-ops.sqlite"))
        let file = try copyFixture("tickets-utf8-bom-english.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        assertCommand(r, exits: 1, stderrContains: ["不是 SQLite 数据库"])
        XCTAssertEqual(try Data(contentsOf: workspace.appendingPathComponent("archive-ops.sqlite")), foreign)
    }

    func testImportingIntoAMissingWorkspaceSaysToRunInit() throws {
        let file = try copyFixture("tickets-utf8-bom-english.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        assertCommand(r, exits: 1, stderrContains: ["archive-ops init"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive-ops.sqlite").path))
    }

    func testHelpExplainsTheColumnsInChineseAndEnglishAndBadOptionsAreUsageErrors() throws {
        let help = try run(["import", "tickets", "--help"])
        XCTAssertEqual(help.status, 0)
        for text in ["工单编号(ticket_id)", "--skip-bad", "--encoding", "报障 ≤ 响应 ≤ 到场 ≤ 解决", "Import a ticket export"] {
            XCTAssertTrue(help.stdout.contains(text), "\(text) missing from:\n\(help.stdout)")
        }
        let usage = try run(["import", "tickets", "x.csv", "--encoding", "big5"])
        assertCommand(usage, exits: 64, stderrContains: ["不支持的编码"])
    }

    func testDemoBuildsTheSiteFromSampleInputsAndIsTheSameOnEveryRun() throws {
        let first = try run(["demo", "--workspace", workspace.path])
        assertCommand(first, exits: 0, stdoutContains: ["请用浏览器打开", "GB18030"])
        let index = workspace.appendingPathComponent("Output/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: index.path))
        for name in ["运维任务单-2022-07至2023-06.csv", "档案查询量汇总.csv", "query-detail.sqlite"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("demo-inputs/" + name).path), name)
        }
        XCTAssertGreaterThan(try ticketCount(), 300)
        let page = try Data(contentsOf: index)

        let second = try run(["demo", "--workspace", workspace.path])
        assertCommand(second, exits: 0, stdoutContains: ["新增 0，更新 0"])
        XCTAssertEqual(try Data(contentsOf: index), page)
    }
}
