import ArchiveEngine
import ArchiveSamples
import Foundation
import GRDB
import XCTest

final class ImportDemoInputsTests: XCTestCase {
    func testSampleTicketsCoverAYearEveryCategoryAndPriorityTheSameEveryRun() throws {
        let tickets = DemoTickets.generate()
        XCTAssertEqual(tickets, DemoTickets.generate(), "seeded: the same tickets every run")
        XCTAssertTrue((300...600).contains(tickets.count), "\(tickets.count)")
        XCTAssertEqual(Set(tickets.map(\.category)), Set(TicketCategory.allCases))
        XCTAssertEqual(Set(tickets.map(\.priority)), Set(TicketPriority.allCases))
        XCTAssertEqual(tickets.map { BureauTime.day($0.reportedAt) }.min(), "2022-07-01")
        XCTAssertEqual(tickets.map { BureauTime.day($0.reportedAt) }.max().map { $0 <= "2023-06-29" }, true)
        for t in tickets {
            let times = [t.reportedAt, t.respondedAt, t.onsiteAt, t.resolvedAt].compactMap { $0 }
            XCTAssertEqual(times, times.sorted(), t.id)
            XCTAssertTrue(times.allSatisfy { $0 <= DemoClock.now }, t.id)
        }
        let facts = tickets.map { TicketServiceFacts(ticket: $0, levels: ServiceLevels()) }
        XCTAssertTrue(facts.contains { $0.responseMet == false }, "some response misses")
        XCTAssertTrue(facts.contains { $0.onsiteMet == false }, "some on-site misses for 特急")
        XCTAssertGreaterThan(facts.filter { $0.responseMet == true }.count, tickets.count * 8 / 10, "most are met")
        XCTAssertTrue(tickets.contains { $0.status == .open || $0.status == .inProgress })
        XCTAssertEqual(tickets.filter { $0.description.contains("<script>alert(1)</script>") }.count, 1)
        XCTAssertGreaterThan(tickets.filter { $0.description.contains("身份证号 44190019") }.count, 3)
        XCTAssertTrue(tickets.contains { $0.description.contains("\n") || ($0.actions ?? "").contains("\n") })
    }

    func testTheDemoInputsImportAndAgreeWithTheBureauTotals() throws {
        let dir = try ImportFixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try DemoInputs.write(into: dir)
        let export = try Data(contentsOf: inputs.tickets)
        XCTAssertNil(String(data: export, encoding: .utf8), "the platform export is GB18030, not UTF-8")
        let header = "工单编号,报障时间,报障单位,报障人,问题类别,紧急程度,问题描述,响应时间,到场时间,解决时间,处理过程,处理结果,处理人,状态\r\n"
        XCTAssertTrue(export.starts(with: try XCTUnwrap(TextDecoding.gb18030(header))))

        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let options = ImportOptions(now: DemoClock.now, actor: "test")
        let tickets = try TicketImporter(store: store, options: options).importFile(at: inputs.tickets)
        XCTAssertEqual(tickets.encoding, "GB18030")
        XCTAssertEqual(tickets.inserted, DemoTickets.generate().count)
        // Every field survives the platform's format: what the generator made is what the store holds.
        XCTAssertEqual(try store.tickets(), DemoTickets.generate())
        _ = try QueryStatisticsImport.importFile(at: inputs.queryTotals, store: store, options: options)
        let detail = try QueryStatisticsImport.importFile(at: inputs.queryDetail, store: store, options: options)
        XCTAssertEqual(detail.inserted, DemoQueryLog.generate().count)

        let aggregate = try store.queryStatistics(source: "aggregate").map(\.statistic).filter { $0.channel == .all }
        let reported = aggregate.filter { $0.period.level == .year || $0.period.level == .half }.reduce(0) { $0 + $1.queries }
        XCTAssertEqual(reported, 1_542_832)
        let months2023 = aggregate.filter { $0.period.level == .month && $0.period.text.hasPrefix("2023-") }
        XCTAssertEqual(months2023.count, 6)
        XCTAssertEqual(months2023.reduce(0) { $0 + $1.queries }, 259_108)
        let juneDays = try store.queryStatistics(source: "detail").map(\.statistic).filter { $0.channel == .all }
        XCTAssertEqual(juneDays.count, 29)
        XCTAssertEqual(juneDays.reduce(0) { $0 + $1.queries }, months2023.first { $0.period.text == "2023-06" }?.queries)
        // The Dragon Boat Festival (22–24 June) is quieter than an ordinary working day.
        let byDay = Dictionary(uniqueKeysWithValues: juneDays.map { ($0.period.text, $0.queries) })
        XCTAssertLessThan(byDay["2023-06-23"] ?? .max, byDay["2023-06-21"] ?? 0)
    }
}
