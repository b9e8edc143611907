import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// `archive-ops stats` and `archive-ops build` run as the real executable on a real workspace.
final class StatsAndBuildCommandTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    override func tearDownWithError() throws { scratch = nil }

    @discardableResult
    func archiveOps(_ arguments: [String]) throws -> CommandResult {
        try BuiltCLI.run(arguments)
    }

    func makeWorkspace() throws -> URL {
        let ws = scratch.file("ws")
        try archiveOps(["init", "--workspace", ws.path])
        let store = try OperationsStore.open(at: ws.appendingPathComponent("archive-ops.sqlite"))
        try store.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO ticket (id, reported_at, category, priority, description, status, response_minutes, onsite_minutes,
                                    response_met, onsite_met)
                VALUES ('T1', '2023-06-01T09:00:00+08:00', 'kiosk', 'critical', '终端黑屏', 'closed', 10, 70, 1, 0),
                       ('T2', '2023-06-02T09:00:00+08:00', 'sync', 'normal', '同步延迟', 'closed', 20, NULL, 0, NULL)
                """)
            try db.execute(sql: """
                INSERT INTO query_stat VALUES ('2020', 'year', 'all', 221736, NULL, 'aggregate', NULL),
                                              ('2023-H1', 'half', 'all', 259108, NULL, 'aggregate', NULL)
                """)
        }
        return ws
    }

    func testStatsJSONGivesMonthlyTicketsSLAAndQueryTotals() throws {
        let ws = try makeWorkspace()
        let result = try archiveOps(["stats", "--workspace", ws.path, "--json"])
        assertCommand(result, exits: 0)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let month = try XCTUnwrap((doc["tickets_by_month"] as? [[String: Any]])?.first)
        XCTAssertEqual(month["month"] as? String, "2023-06")
        XCTAssertEqual(month["total"] as? Int, 2)
        let sla = try XCTUnwrap(((doc["sla_by_month"] as? [[String: Any]])?.first?["sla"]) as? [String: Any])
        XCTAssertEqual((sla["response"] as? [String: Any])?["percent"] as? Double, 50.0)
        XCTAssertEqual((sla["onsite"] as? [String: Any])?["met"] as? Int, 0)
        XCTAssertEqual((doc["query_bureau_total"] as? [String: Any])?["total"] as? Int, 480_844)
        let table = try archiveOps(["stats", "--workspace", ws.path])
        XCTAssertTrue(table.stdout.contains("响应达标率"), table.stdout)
        XCTAssertTrue(table.stdout.contains("2023-06\t2\t0"), table.stdout)
    }

    func testAFailedBuildSaysWhyAndLeavesTheSite() throws {
        let ws = try makeWorkspace()
        XCTAssertEqual(try archiveOps(["build", "--workspace", ws.path]).status, 0)
        let index = ws.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        let layouts = ws.appendingPathComponent("Templates/layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try Data("{{#tiles}}".utf8).write(to: layouts.appendingPathComponent("home.mustache"))
        let failed = try archiveOps(["build", "--workspace", ws.path])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("原 Output/ 保持不变"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("home.mustache"), failed.stderr)
        XCTAssertEqual(try Data(contentsOf: index), before)
    }
}
