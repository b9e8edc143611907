import Foundation
import XCTest

/// Figures that disagree never pass silently (issue 9 item 9): a file keeps what it does not mention,
/// a revised figure shows as a revision, and levels that disagree are named with the difference.
final class QueryFiguresEvidenceTests: XCTestCase {
    func testAFileWithoutNotFoundKeepsTheCountsRevisionsShowAndLevelDisagreementsAreNamed() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        var first = "统计期间,渠道,查询量,查无结果\n2023-H1,合计,259108,1000\n"
        for (m, q) in [40_000, 42_000, 45_000, 44_000, 46_000, 46_000].enumerated() {
            first += "2023-0\(m + 1),合计,\(q),\(100 + m)\n"
        }
        let a = w.appendingPathComponent("bureau-2023.csv"), b = w.appendingPathComponent("bureau-2023-revised.csv")
        try Data(first.utf8).write(to: a)
        try Data("统计期间,渠道,查询量\n2023-H1,合计,259200\n2023-01,合计,40000\n".utf8).write(to: b)
        XCTAssertEqual(try cli.run(["import", "queries", "--workspace", w.path, a.path]).status, 0)
        XCTAssertEqual(try cli.run(["import", "queries", "--workspace", w.path, b.path]).status, 0)

        let stats = try cli.run(["stats", "--workspace", w.path, "--json"])
        XCTAssertEqual(stats.status, 0, stats.err)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any])
        let queries = try XCTUnwrap(doc["queries"] as? [[String: Any]])
        let half = try XCTUnwrap(queries.first { $0["period"] as? String == "2023-H1" })
        XCTAssertEqual(half["queries"] as? Int, 259_200)
        XCTAssertEqual(half["not_found"] as? Int, 1000, "a file without 查无结果 keeps the stored count")
        let january = try XCTUnwrap(queries.first { $0["period"] as? String == "2023-01" })
        XCTAssertEqual(january["not_found"] as? Int, 100)

        let revisions = try XCTUnwrap(doc["query_revisions"] as? [[String: Any]])
        XCTAssertEqual(revisions.count, 1, "\(revisions)")
        XCTAssertEqual(revisions.first?["queries_before"] as? Int, 259_108)
        XCTAssertEqual(revisions.first?["queries_after"] as? Int, 259_200)
        XCTAssertEqual(revisions.first?["file_before"] as? String, "bureau-2023.csv")

        let disagreements = try XCTUnwrap(doc["query_level_disagreements"] as? [[String: Any]])
        XCTAssertEqual(disagreements.count, 1, "\(disagreements)")
        XCTAssertEqual(disagreements.first?["period"] as? String, "2023-H1")
        XCTAssertEqual(disagreements.first?["parts_sum"] as? Int, 263_000)
        XCTAssertEqual(disagreements.first?["difference"] as? Int, 3_800)

        let text = try cli.run(["stats", "--workspace", w.path])
        XCTAssertTrue(text.out.contains("2023-H1（半年）259,200，其 6 个月合计 263,000，相差 +3,800（+1.5%）"), text.out)
        XCTAssertTrue(text.out.contains("查询量 259108 → 259200"), text.out)

        // The statistics page says the same as `stats`, in each language.
        let build = try cli.run(["build", "--workspace", w.path, "--as-of", "2023-07-01"])
        XCTAssertEqual(build.status, 0, build.err)
        let zh = try String(contentsOf: w.appendingPathComponent("Output/queries/index.html"), encoding: .utf8)
        for expected in ["层级不一致", "263,000", "+3,800（+1.5%）", "6 个月（2023-01–2023-06）",
                         "修订记录", "259,108 → 259,200", "bureau-2023.csv → bureau-2023-revised.csv", "1,000 → 1,000"] {
            XCTAssertTrue(zh.contains(expected), "queries page lacks \(expected)")
        }
        let en = try String(contentsOf: w.appendingPathComponent("Output/en/queries/index.html"), encoding: .utf8)
        for expected in ["Where levels disagree", "6 × Month (2023-01–2023-06)", "Revised figures", "259,108 → 259,200"] {
            XCTAssertTrue(en.contains(expected), "English queries page lacks \(expected)")
        }
    }
}
