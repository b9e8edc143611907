import Foundation
import GRDB
import XCTest

/// Runs the real `archive-ops` binary, as an operator or cron would, in a temporary workspace.
final class ArchiveOpsCLITests: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    var dir: URL!
    var workspace: URL { dir.appendingPathComponent("ws") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The built executable sits next to the test bundle in `.build/<triple>/debug/`.
    static let executable: URL? = {
        let candidates = [Bundle(for: ArchiveOpsCLITests.self).bundleURL, Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0])]
        for c in candidates {
            var folder = c.deletingLastPathComponent()
            for _ in 0..<3 {
                let exe = folder.appendingPathComponent("archive-ops")
                if FileManager.default.isExecutableFile(atPath: exe.path) { return exe }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/imports")

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let exe = try XCTUnwrap(Self.executable, "archive-ops not built next to the tests; run swift build --build-tests")
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a chatty command cannot block on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func copyFixture(_ name: String) throws -> String {
        let target = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: target)
        return target.path
    }

    func ticketCount() throws -> Int {
        let db = try DatabaseQueue(path: workspace.appendingPathComponent("archive-ops.sqlite").path)
        return try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ticket") ?? -1 }
    }

    func testInitCreatesAWorkspaceWithConfigurationAndDatabase() throws {
        let r = try run(["init", "--workspace", workspace.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("已创建工作目录"), r.stdout)
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
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("新增 4，更新 0，未变 0，拒绝 0"), r.stdout)
        XCTAssertTrue(r.stdout.contains("GB18030"), r.stdout)
        XCTAssertEqual(r.stderr, "")
        let again = try run(["import", "tickets", file, "--workspace", workspace.path])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("未变 4"), again.stdout)
        XCTAssertTrue(again.stdout.contains("数据库没有变化"), again.stdout)
    }

    func testABadRowFailsTheImportWithItsLineOnStderrAndChangesNothing() throws {
        try run(["init", "--workspace", workspace.path])
        let file = try copyFixture("tickets-one-bad-row.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("第 7 行，列“紧急程度”，值“非常急”"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--skip-bad"), r.stderr)
        XCTAssertEqual(try ticketCount(), 0)
    }

    func testSkipBadImportsTheRestAndWarnsAboutTheRejectsFile() throws {
        try run(["init", "--workspace", workspace.path])
        let file = try copyFixture("tickets-one-bad-row.csv")
        let r = try run(["import", "tickets", file, "--skip-bad", "--workspace", workspace.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("新增 3"), r.stdout)
        XCTAssertTrue(r.stderr.contains("tickets-one-bad-row.csv.rejected.csv"), r.stderr)
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
            XCTAssertEqual(r.status, 1, file)
            XCTAssertTrue(r.stderr.contains(expected), "\(file): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
        let queries = try run(["import", "queries", binary.path, "--workspace", workspace.path])
        XCTAssertEqual(queries.status, 1)
        let inspections = try run(["import", "inspections", outOfOrder, "--workspace", workspace.path])
        XCTAssertEqual(inspections.status, 1)
        XCTAssertTrue(inspections.stderr.contains("JSON lines"), inspections.stderr)
    }

    func testAWorkspaceDatabaseThatIsNotSQLiteIsReportedAndLeftAlone() throws {
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try Data("mounts: []\n".utf8).write(to: workspace.appendingPathComponent("archive-ops.yaml"))
        let foreign = Data("这不是数据库，是一份笔记。\n".utf8)
        try foreign.write(to: workspace.appendingPathComponent("archive-ops.sqlite"))
        let file = try copyFixture("tickets-utf8-bom-english.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("不是 SQLite 数据库"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: workspace.appendingPathComponent("archive-ops.sqlite")), foreign)
    }

    func testImportingIntoAMissingWorkspaceSaysToRunInit() throws {
        let file = try copyFixture("tickets-utf8-bom-english.csv")
        let r = try run(["import", "tickets", file, "--workspace", workspace.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("archive-ops init"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("archive-ops.sqlite").path))
    }

    func testHelpExplainsTheColumnsInChineseAndEnglishAndBadOptionsAreUsageErrors() throws {
        let help = try run(["import", "tickets", "--help"])
        XCTAssertEqual(help.status, 0)
        for text in ["工单编号(ticket_id)", "--skip-bad", "--encoding", "报障 ≤ 响应 ≤ 到场 ≤ 解决", "Import a ticket export"] {
            XCTAssertTrue(help.stdout.contains(text), "\(text) missing from:\n\(help.stdout)")
        }
        let usage = try run(["import", "tickets", "x.csv", "--encoding", "big5"])
        XCTAssertEqual(usage.status, 64)
        XCTAssertTrue(usage.stderr.contains("不支持的编码"), usage.stderr)
    }

    func testDemoBuildsTheSiteFromSampleInputsAndIsTheSameOnEveryRun() throws {
        let first = try run(["demo", "--workspace", workspace.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("请用浏览器打开"), first.stdout)
        XCTAssertTrue(first.stdout.contains("GB18030"), first.stdout)
        let index = workspace.appendingPathComponent("Output/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: index.path))
        for name in ["运维任务单-2022-07至2023-06.csv", "档案查询量汇总.csv", "query-detail.sqlite"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("demo-inputs/" + name).path), name)
        }
        XCTAssertGreaterThan(try ticketCount(), 300)
        let page = try Data(contentsOf: index)

        let second = try run(["demo", "--workspace", workspace.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("新增 0，更新 0"), second.stdout)
        XCTAssertEqual(try Data(contentsOf: index), page)
    }
}
