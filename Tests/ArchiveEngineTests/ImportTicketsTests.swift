import ArchiveEngine
import Foundation
import GRDB
import XCTest

final class ImportTicketsTests: ImportTestCase {
    override class var fixtureFiles: [String] {
        ["tickets-gb18030-crlf.csv", "tickets-utf8-bom-english.csv", "tickets-one-bad-row.csv", "tickets-out-of-order.csv"]
    }

    func importer(skipBad: Bool = false, encoding: TextEncodingChoice? = nil) -> TicketImporter {
        TicketImporter(store: store, options: ImportOptions(encoding: encoding, skipBad: skipBad, now: testNow, actor: "test"))
    }

    func file(_ name: String) -> URL { dir.appendingPathComponent(name) }

    func testGB18030ExportWithCRLFAndMultilineFieldsImports() throws {
        let summary = try importer().importFile(at: file("tickets-gb18030-crlf.csv"))
        XCTAssertEqual(summary.encoding, "GB18030")
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged, summary.rejected], [4, 0, 0, 0])
        let tickets = try store.tickets()
        XCTAssertEqual(tickets.map(\.id), ["GZ-2023-0601", "GZ-2023-0602", "GZ-2023-0603", "GZ-2023-0604"])
        let first = tickets[0]
        XCTAssertEqual(first.description, "虎门分局自助终端 T-012 查询时提示“系统繁忙”，\n重启后仍无法查询，\n请尽快处理（联系电话 13800138000）")
        XCTAssertEqual(first.actions, "到场检查，发现终端网卡驱动异常，\n重装驱动后恢复")
        XCTAssertEqual(first.category, .kiosk)
        XCTAssertEqual(first.priority, .critical)
        XCTAssertEqual(first.unit, "虎门分局")
        // A character only GB18030 (not GBK) can hold survives the round trip.
        XCTAssertTrue(tickets[1].description.contains("𡌶记餐饮店"))
        XCTAssertEqual(tickets[2].description, "电子文件生成积压，\"pending\" 状态超过一天")
        XCTAssertEqual(tickets[3].status, .open)
        XCTAssertNil(tickets[3].respondedAt)
        XCTAssertNil(tickets[3].engineer)

        let audit = try store.dump("audit")
        XCTAssertEqual(audit.count, 1)
        let sha = try XCTUnwrap(try store.dbQueue.read { try String.fetchOne($0, sql: "SELECT file_sha256 FROM audit") })
        XCTAssertEqual(sha, try ImportFile.sha256(ofFileAt: file("tickets-gb18030-crlf.csv")))
        XCTAssertTrue(audit[0].contains("新增 4"))
    }

    func testSLAFactsMatchHandComputedValues() throws {
        _ = try importer().importFile(at: file("tickets-gb18030-crlf.csv"))
        // 0601 特急: reported 09:00, responded 09:10, on site 09:50, resolved 11:30.
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0601"),
                       TicketServiceFacts(responseMinutes: 10, onsiteMinutes: 50, resolutionMinutes: 150, responseMet: true,
                                          onsiteMet: true))
        // 0602 特急: 14:05 → 14:25 (20 min, misses 15) → 15:35 (90 min, misses 60) → 18:05 (+08:00 ISO form).
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0602"),
                       TicketServiceFacts(responseMinutes: 20, onsiteMinutes: 90, resolutionMinutes: 240, responseMet: false,
                                          onsiteMet: false))
        // 0603 紧急: 10:00:30 → 10:15:30 is exactly 15 min (met); no on-site time; resolved 12:00 = 119.5 min.
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0603"),
                       TicketServiceFacts(responseMinutes: 15, onsiteMinutes: nil, resolutionMinutes: 119.5, responseMet: true,
                                          onsiteMet: nil))
        // 0604 still open: nothing known yet.
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0604"),
                       TicketServiceFacts(responseMinutes: nil, onsiteMinutes: nil, resolutionMinutes: nil, responseMet: nil,
                                          onsiteMet: nil))
    }

    func testSLAFactsFollowTheConfiguredTargets() throws {
        var levels = ServiceLevels()
        levels.responseMinutes = 20
        levels.criticalOnsiteMinutes = 45
        let importer = TicketImporter(store: store, options: ImportOptions(serviceLevels: levels, now: testNow, actor: "test"))
        _ = try importer.importFile(at: file("tickets-gb18030-crlf.csv"))
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0602")?.responseMet, true)
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0601")?.onsiteMet, false)
    }

    func testUTF8BOMExportWithEnglishHeadersInAnotherOrderImports() throws {
        let summary = try importer().importFile(at: file("tickets-utf8-bom-english.csv"))
        XCTAssertEqual(summary.encoding, "UTF-8 (BOM)")
        XCTAssertEqual(summary.inserted, 2)
        let tickets = try store.tickets()
        XCTAssertEqual(tickets.map(\.id), ["EN-0001", "EN-0002"])
        XCTAssertEqual(tickets[0].status, .resolved)
        XCTAssertEqual(tickets[1].status, .inProgress)
        XCTAssertEqual(tickets[1].category, .disk)
        XCTAssertEqual(tickets[0].engineer, "Zhang")
        XCTAssertEqual(try store.serviceFacts(ofTicket: "EN-0001")?.onsiteMet, false)  // 80 min on site
    }

    func testAFileWithOneBadRowIsRejectedWholeAndNamesLineAndColumn() throws {
        _ = try importer().importFile(at: file("tickets-utf8-bom-english.csv"))
        let before = try store.dump("ticket"), auditBefore = try store.dump("audit")
        XCTAssertThrowsError(try importer().importFile(at: file("tickets-one-bad-row.csv"))) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.badRowCount, 1)
            let e = rejected.report.errors[0]
            // The first ticket spans lines 2–5 (line breaks inside quoted fields), so the bad one starts on line 7.
            XCTAssertEqual(e.location, .line(7))
            XCTAssertEqual(e.column, "紧急程度")
            XCTAssertEqual(e.value, "非常急")
            XCTAssertTrue(rejected.description.contains("第 7 行，列“紧急程度”，值“非常急”"), rejected.description)
            XCTAssertTrue(rejected.description.contains("没有任何改动"))
        }
        XCTAssertEqual(try store.dump("ticket"), before)
        XCTAssertEqual(try store.dump("audit"), auditBefore)
        XCTAssertFalse(FileManager.default.fileExists(atPath: RejectsFile.url(besides: file("tickets-one-bad-row.csv")).path))
    }

    func testSkipBadImportsTheGoodRowsAndWritesTheRejectsBesideTheInput() throws {
        let summary = try importer(skipBad: true).importFile(at: file("tickets-one-bad-row.csv"))
        XCTAssertEqual([summary.inserted, summary.rejected], [3, 1])
        XCTAssertEqual(try store.tickets().map(\.id), ["GZ-2023-0601", "GZ-2023-0602", "GZ-2023-0604"])
        let rejectsURL = try XCTUnwrap(summary.rejectsFile)
        XCTAssertEqual(rejectsURL.lastPathComponent, "tickets-one-bad-row.csv.rejected.csv")
        let data = try Data(contentsOf: rejectsURL)
        XCTAssertTrue(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
        // The rejects file is itself a CSV with the original header plus 错误原因, readable by the importer.
        let table = try CSVTable.parse(String(decoding: data, as: UTF8.self), file: rejectsURL)
        XCTAssertEqual(table.header.last, "错误原因")
        XCTAssertEqual(Array(table.header.dropLast()), TicketImporter.Column.all.map(\.chinese))
        XCTAssertEqual(table.records.count, 1)
        XCTAssertEqual(table.records[0].fields[0], "GZ-2023-0603")
        XCTAssertTrue(table.records[0].fields.last?.contains("紧急程度") ?? false)
        XCTAssertTrue(try store.dump("audit")[0].contains("拒绝 1"))

        // The operator fixes the row in the rejects file and imports that file: its 错误原因 column is ignored.
        let fixed = String(decoding: data, as: UTF8.self).replacingOccurrences(of: ",非常急,", with: ",紧急,")
        try Data(fixed.utf8).write(to: rejectsURL)
        let second = try importer().importFile(at: rejectsURL)
        XCTAssertEqual([second.inserted, second.rejected], [1, 0])
        XCTAssertEqual(try store.tickets().first { $0.id == "GZ-2023-0603" }?.priority, .urgent)
    }

    func testReimportingTheSameFileChangesNothing() throws {
        _ = try importer().importFile(at: file("tickets-gb18030-crlf.csv"))
        let before = try store.dump("ticket")
        let again = try importer().importFile(at: file("tickets-gb18030-crlf.csv"))
        XCTAssertEqual([again.inserted, again.updated, again.unchanged, again.rejected], [0, 0, 4, 0])
        XCTAssertEqual(try store.dump("ticket"), before)
        // The second run is still recorded, saying nothing changed.
        let audit = try store.dump("audit")
        XCTAssertEqual(audit.count, 2)
        XCTAssertTrue(audit[1].contains("新增 0，更新 0，未变 4"))
    }

    func testARowWithAKnownIDUpdatesThatTicket() throws {
        _ = try importer().importFile(at: file("tickets-gb18030-crlf.csv"))
        let text = "工单编号,报障时间,问题类别,紧急程度,问题描述,状态,响应时间\r\nGZ-2023-0604,2023-06-29 16:40,业务培训,一般,新入职窗口人员需要档案查询系统使用培训,处理中,2023-06-29 16:52\r\n"
        let url = dir.appendingPathComponent("update.csv")
        try Data(text.utf8).write(to: url)
        let summary = try importer().importFile(at: url)
        XCTAssertEqual([summary.inserted, summary.updated, summary.unchanged], [0, 1, 0])
        XCTAssertEqual(try store.tickets().first { $0.id == "GZ-2023-0604" }?.status, .inProgress)
        XCTAssertEqual(try store.serviceFacts(ofTicket: "GZ-2023-0604")?.responseMinutes, 12)
    }

    func testTicketsWhoseTimesAreOutOfOrderAreBadRows() throws {
        XCTAssertThrowsError(try importer().importFile(at: file("tickets-out-of-order.csv"))) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            let e = rejected.report.errors[0]
            XCTAssertEqual(e.location, .line(6))
            XCTAssertEqual(e.column, "到场时间")
            XCTAssertTrue(e.reason.contains("早于响应时间"), e.reason)
        }
        XCTAssertEqual(try store.count("ticket"), 0)
        // A resolution before the report is caught the same way.
        let url = dir.appendingPathComponent("resolved-early.csv")
        try Data(("ticket_id,reported_at,category,priority,description,status,resolved_at\n"
                  + "X1,2023-06-02 10:00,other,normal,测试,resolved,2023-06-02 09:59\n").utf8).write(to: url)
        XCTAssertThrowsError(try importer().importFile(at: url)) { error in
            XCTAssertTrue("\(error)".contains("早于报障时间"), "\(error)")
        }
    }

    func testEveryBadFieldOfARowIsReported() throws {
        let url = dir.appendingPathComponent("many.csv")
        try Data(("工单编号,报障时间,问题类别,紧急程度,问题描述,状态\nA1,昨天,打印机,一般,,已完成\n"
                  + "A1,2023-06-01 08:00,其他,一般,重复编号,已关闭\nA1,2023-06-01 08:00,其他,一般,再次重复,已关闭\n").utf8).write(to: url)
        XCTAssertThrowsError(try importer().importFile(at: url)) { error in
            guard let rejected = error as? ImportRejected else { return XCTFail("\(error)") }
            XCTAssertEqual(rejected.report.badRowCount, 2)
            XCTAssertEqual(rejected.report.errors.map(\.column), ["报障时间", "问题类别", "状态", "问题描述", "工单编号"])
            XCTAssertEqual(rejected.report.errors.last?.location, .line(4))
            XCTAssertTrue(rejected.report.errors.last?.reason.contains("第 3 行") ?? false)
        }
    }

    func testAFileThatIsNotCSVGivesAClearMessage() throws {
        let binary = dir.appendingPathComponent("scan.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]).write(to: binary)
        XCTAssertThrowsError(try importer().importFile(at: binary)) { error in
            XCTAssertEqual(error as? ImportError, .notText(binary.path))
            XCTAssertTrue("\(error)".contains("另存为 CSV"))
        }
        let json = dir.appendingPathComponent("tickets.json")
        try Data(#"{"tickets": [{"id": 1}]}"#.utf8).write(to: json)
        XCTAssertThrowsError(try importer().importFile(at: json)) { error in
            guard case .missingColumns(_, let missing, _)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(missing.first, "工单编号(ticket_id)")
        }
        XCTAssertEqual(try store.count("ticket"), 0)
    }

    func testAnEmptyFileAndAHeaderOnlyFileGiveClearMessages() throws {
        for (name, bytes) in [("empty.csv", Data()), ("bom-only.csv", Data([0xEF, 0xBB, 0xBF])), ("blank.csv", Data("\r\n,,,\r\n".utf8))] {
            let url = dir.appendingPathComponent(name)
            try bytes.write(to: url)
            XCTAssertThrowsError(try importer().importFile(at: url), name) { error in
                XCTAssertEqual(error as? ImportError, .emptyFile(url.path), name)
            }
        }
        let headerOnly = dir.appendingPathComponent("header.csv")
        try Data("工单编号,报障时间,问题类别,紧急程度,问题描述,状态\r\n".utf8).write(to: headerOnly)
        XCTAssertThrowsError(try importer().importFile(at: headerOnly)) { error in
            XCTAssertEqual(error as? ImportError, .noDataRows(headerOnly.path))
        }
        XCTAssertThrowsError(try importer().importFile(at: dir.appendingPathComponent("missing.csv"))) { error in
            XCTAssertEqual(error as? ImportError, .fileNotFound(dir.appendingPathComponent("missing.csv").path))
        }
    }

    func testAnUnterminatedQuoteNamesTheRowWhereItStarts() throws {
        let url = dir.appendingPathComponent("quote.csv")
        try Data(("工单编号,报障时间,问题类别,紧急程度,问题描述,状态\nA1,2023-06-01 08:00,其他,一般,正常,已关闭\n"
                  + "A2,2023-06-01 09:00,其他,一般,\"没有闭合的引号\n第二行,已关闭\n").utf8).write(to: url)
        XCTAssertThrowsError(try importer().importFile(at: url)) { error in
            XCTAssertEqual(error as? ImportError, .unterminatedQuote(url.path, line: 3))
        }
    }

    func testForcingTheWrongEncodingIsAClearErrorNotGarbage() throws {
        XCTAssertThrowsError(try importer(encoding: .utf8).importFile(at: file("tickets-gb18030-crlf.csv"))) { error in
            XCTAssertTrue("\(error)".contains("--encoding"), "\(error)")
        }
        // GBK lacks the four-byte GB18030 character in this export.
        XCTAssertThrowsError(try importer(encoding: .gbk).importFile(at: file("tickets-gb18030-crlf.csv")))
        XCTAssertEqual(try importer(encoding: .gb18030).importFile(at: file("tickets-gb18030-crlf.csv")).inserted, 4)
    }

    func testAllAcceptedDateFormsAndAliasesImport() throws {
        let url = dir.appendingPathComponent("forms.csv")
        try Data("""
            ticket_id,reported_at,category,priority,description,status,responded_at
            F1,2023-06-30 17:05,seal,urgent,a,closed,2023-06-30 17:05:09
            F2,2023/6/30 17:05,签章文件,紧急,b,已关闭,2023-06-30T17:06:00+08:00
            F3,2023-06-30T09:05:00Z,notfound,normal,c,open,

            """.utf8).write(to: url)
        let summary = try importer().importFile(at: url)
        XCTAssertEqual(summary.inserted, 3)
        let tickets = try store.tickets()
        XCTAssertEqual(Set(tickets.map { BureauTime.iso($0.reportedAt) }), ["2023-06-30T17:05:00+08:00"])
        XCTAssertEqual(try store.serviceFacts(ofTicket: "F1")?.responseMinutes, 0.15)
    }
}

final class CSVTableTests: XCTestCase {
    func testLineNumbersCountLineBreaksInsideQuotedFields() throws {
        let text = "a,b\r\n1,\"x\r\ny\r\nz\"\r\n2,\"p\nq\"\r\n\r\n3,r\r\n,\r\n"
        let table = try CSVTable.parse(text, file: URL(fileURLWithPath: "/tmp/t.csv"))
        XCTAssertEqual(table.header, ["a", "b"])
        XCTAssertEqual(table.records.map(\.line), [2, 5, 8])
        XCTAssertEqual(table.records.map { $0.fields[0] }, ["1", "2", "3"])
    }
}
