import ArchiveEngine
import Foundation
import GRDB
import SiteBuilder
import XCTest

/// What a manager reads about June 2023 when its data ends on the 29th: a partial month, said in words in
/// the tables and drawn hollow and dashed in the charts, not a fall.
final class PartialPeriodPagesTests: XCTestCase {
    var dir: URL!

    override func tearDown() { if let dir { try? FileManager.default.removeItem(at: dir) } }

    func build() throws -> URL {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try OperationsStore.open(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try store.dbQueue.write { db in
            for (period, level, q) in [("2022", "year", 560_908), ("2023-H1", "half", 259_108), ("2023-04", "month", 52_932),
                                       ("2023-05", "month", 52_933), ("2023-06", "month", 38_558)] {
                try db.execute(sql: "INSERT INTO query_stat (period, level, channel, queries, source) VALUES (?, ?, 'all', ?, 'aggregate')",
                               arguments: [period, level, q])
            }
            for d in 1...29 {
                try db.execute(sql: "INSERT INTO query_stat VALUES (?, 'day', 'kiosk', 1300, 10, 'detail', NULL)",
                               arguments: [String(format: "2023-06-%02d", d)])
            }
        }
        let output = dir.appendingPathComponent("Output")
        try SiteBuild(store: store, outputURL: output).run()
        return output
    }

    func testJuneWithTwentyNineDaysIsMarkedPartialOnTheDashboardAndInTheStatistics() throws {
        let output = try build()
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let home = try page("index.html")
        XCTAssertTrue(home.contains("<td>2023-06 <span class=\"partial\">不完整：29/30 天，数据截至 2023-06-29</span></td>"), home)
        XCTAssertTrue(home.contains("<td>2023-05</td>"), "a complete month carries no mark")
        XCTAssertTrue(home.contains("class=\"point partial\""), "the chart draws June hollow")
        XCTAssertTrue(home.contains("class=\"line partial\""), "and the line into it dashed")
        XCTAssertTrue(home.contains("2023-06*</text>"), "its axis label is starred")
        XCTAssertTrue(home.contains("其数值偏低并不表示查询量下降"))
        XCTAssertTrue(try page("en/index.html").contains("partial: 29 of 30 days, data through 2023-06-29"))
        let queries = try page("queries/index.html")
        XCTAssertTrue(queries.contains("<td>2023-06 <span class=\"partial\">不完整：29/30 天，数据截至 2023-06-29</span></td>"))
        XCTAssertTrue(queries.contains("<td>2023-H1 <span class=\"partial\">不完整：180/181 天，数据截至 2023-06-29</span></td>"))
        XCTAssertTrue(queries.contains("class=\"bar partial\""), "the half-year bar is drawn as partial")
        let monthly = try page("monthly/2023-06.html")
        XCTAssertTrue(monthly.contains("不完整：29/30 天，数据截至 2023-06-29"))
    }
}
