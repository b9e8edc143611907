import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import SiteBuilder
import XCTest

/// An enterprise's whole story (企业档案全貌) as the clerk and the auditor read it: one page per enterprise
/// met in a finding, a not-found query or a ticket, found by the site search by code, by any part of a
/// name or former name, and by volume id; and an index that never holds an ID number.
final class EnterprisePagesTests: XCTestCase {
    static let code = "91441900MA4UJ5XY2K"
    static let name = "东莞市某某电子科技有限公司"
    static let former = "东莞市旧名电子厂"
    /// A code that appears only in the detail of a not-found finding (the suggested correction).
    static let suggested = "91441900MA51QW8E3P"
    static let idNumber = "441900198503151234"  // synthetic

    static var site: ClassSite?
    static var output: URL? { site?.output }

    override class func setUp() { site = ClassSite("enterprise", fill: fill) }

    override class func tearDown() { site?.remove() }

    static func run(_ day: String) -> InspectionRun {
        let start = BureauTime.parse("\(day) 07:30")!
        return InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(600), host: "inspector", center: "dongguan")
    }

    /// Three mornings: on the 28th dc lacks V100 and a kiosk query for the former name found nothing; on
    /// the 29th V100 is still missing and V101's seal failed; on the 30th V100 is back (cleared) and the
    /// seal still failed (open). A ticket names the enterprise and carries an ID number.
    static func fill(_ store: OperationsStore) throws {
        let sites = ["processing", "dc", "offsite", "branch-humen"]
        try store.recordEnterprises([
            EnterpriseFacts(uscc: code, name: name, formerNames: [former], branchID: "branch-humen",
                            volumes: [EnterpriseVolume(id: "V100", seq: 1, pages: 12, sites: sites),
                                      EnterpriseVolume(id: "V101", seq: 2, pages: 3, sites: sites)],
                            recordedAt: BureauTime.parse("2023-06-30 07:30")!),
        ])
        let missing = Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V100", uscc: code,
                              detail: "V100 不在 dc")
        let seal = Finding(check: "seal", code: "seal.failed", severity: .critical, volume: "V101", detail: "V101 签章失败")
        try store.saveInspection(run("2023-06-28"), findings: [
            missing,
            Finding(check: "notfound", code: "notfound.former_name", severity: .info, uscc: code,
                    detail: "“\(former)”：是企业的曾用名，现名称为 \(name)", query: 501),
            Finding(check: "notfound", code: "notfound.invalid_code", severity: .info, uscc: suggested,
                    detail: "“91441900MA51QW8E3Q”：代码校验位错误，目录中有相近代码 \(suggested)", query: 502),
        ])
        try store.saveInspection(run("2023-06-29"), findings: [missing, seal])
        try store.saveInspection(run("2023-06-30"), findings: [seal])
        try store.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO ticket (id, reported_at, unit, category, priority, description, status, actions)
                VALUES ('T-0701', '2023-06-28T10:00:00+08:00', '虎门分局', 'notfound', 'normal', ?, 'closed', '已告知窗口')
                """, arguments: ["自助终端查不到“\(name)”，办事人身份证 \(idNumber)"])
        }
    }

    private func page(_ path: String) throws -> String {
        let output = try XCTUnwrap(Self.output, "site build failed")
        return try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func testTheEnterprisePageTellsTheWholeStory() throws {
        let html = try page("enterprises/\(Self.code).html")
        XCTAssertTrue(html.contains("企业档案 \(Self.name)（\(Self.code)）"), "title with name and code")
        XCTAssertTrue(html.contains(Self.former), "former name")
        // Volumes per site: every site that must hold them, V100 back to normal at dc, V101's seal open.
        for site in ["processing", "dc", "offsite", "branch-humen"] { XCTAssertTrue(html.contains("<th scope=\"col\">\(site)</th>"), site) }
        let volumes = try XCTUnwrap(html.components(separatedBy: "id=\"volumes\"").last?.components(separatedBy: "id=\"findings\"").first)
        let v101 = try XCTUnwrap(volumes.components(separatedBy: "<tr>").first { $0.contains("V101") })
        XCTAssertEqual(v101.components(separatedBy: "sev-ok").count - 1, 4, "V101's seal problem has no site: every copy is fine")
        // The missing volume: found on the 28th, cleared by the run of the 30th, reported twice.
        let history = try XCTUnwrap(html.components(separatedBy: "id=\"findings\"").last)
        let missingRow = try XCTUnwrap(history.components(separatedBy: "<tr>").first { $0.contains("sync.missing") })
        XCTAssertTrue(missingRow.contains(">2023-06-28</a>"), missingRow)
        XCTAssertTrue(missingRow.contains(">2023-06-30</a>"), missingRow)
        XCTAssertTrue(missingRow.contains(">2</td>"), missingRow)
        // The seal failure reaches the enterprise through its volume and is still open.
        let sealRow = try XCTUnwrap(history.components(separatedBy: "<tr>").first { $0.contains("seal.failed") })
        XCTAssertTrue(sealRow.contains("尚未消除"), sealRow)
        let open = try XCTUnwrap(html.components(separatedBy: "id=\"open\"").last?.components(separatedBy: "id=\"volumes\"").first)
        XCTAssertTrue(open.contains("seal.failed") && !open.contains("sync.missing"), open)
        // The not-found query with its cause, and the ticket that names the enterprise (ID number masked).
        let notFound = try XCTUnwrap(html.components(separatedBy: "id=\"notfound\"").last)
        XCTAssertTrue(notFound.contains("notfound.former_name") && notFound.contains("查询 #501"), notFound)
        XCTAssertTrue(html.contains("href=\"../tickets/T-0701.html\""), "links to the ticket")
        XCTAssertFalse(html.contains(Self.idNumber), "the ID number in the ticket is masked")
        XCTAssertTrue(html.contains("4419**********1234"))
    }

    func testTheEnglishTwinIndexAndLinksFromReportsAndTickets() throws {
        let english = try page("en/enterprises/\(Self.code).html")
        XCTAssertTrue(english.contains("Problems over time") && english.contains(Self.name), "English twin")
        let index = try page("enterprises/index.html")
        XCTAssertTrue(index.contains("href=\"../enterprises/\(Self.code).html\""), "index lists the enterprise")
        XCTAssertTrue(index.contains("href=\"../enterprises/\(Self.suggested).html\""),
                      "a code met only in a not-found finding has a page too")
        let reports = try FileManager.default.contentsOfDirectory(atPath: Self.output!.appendingPathComponent("inspections").path)
        let report = try XCTUnwrap(reports.first { $0.contains("20230628") }, "\(reports)")
        XCTAssertTrue(try page("inspections/\(report)").contains("href=\"../enterprises/\(Self.code).html\""), "daily report links")
        XCTAssertTrue(try page("tickets/T-0701.html").contains("href=\"../enterprises/\(Self.code).html\""), "ticket links")
        XCTAssertTrue(try page("queries/index.html").contains("enterprises/index.html"), "statistics link to the index")
    }

    func testNoIndexShardHoldsTheIDNumberOfATicket() throws {
        let output = try XCTUnwrap(Self.output)
        let files = try SearchIndexFiles.allFiles(output)
        XCTAssertGreaterThan(files.count, 3)
        for file in files {
            XCTAssertFalse(file.text.contains(Self.idNumber), file.path)
            XCTAssertFalse(file.text.contains("19850315"), "not even the birth date as a term: \(file.path)")
        }
        let terms = try SearchIndexFiles.terms(output)
        XCTAssertTrue(terms.contains(Self.code.lowercased()), "the code is a term")
        XCTAssertFalse(terms.contains(Self.idNumber))
        // An ID number written in a ticket is not taken for an enterprise's code: no page is made for it.
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("enterprises").path)
        XCTAssertEqual(pages.filter { !$0.hasPrefix("9") }.sorted(), ["index.html"])
        // The ticket's words are indexed (masked): its text shard holds the masked number.
        XCTAssertTrue(files.contains { $0.path.hasPrefix("search/x/") && $0.text.contains("4419**********1234") })
    }

    func testSearchingACodeSeenOnlyInAFindingDetailFindsItsEnterprisePageFirst() throws {
        let output = try XCTUnwrap(Self.output)
        let links = SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: Self.suggested))
        XCTAssertEqual(links.first, "enterprises/\(Self.suggested).html", "\(links)")
        XCTAssertTrue(links.contains { $0.hasPrefix("inspections/") }, "the daily report that shows it is found too: \(links)")
    }

    func testSearchFindsTheEnterpriseByCodeNamePartFormerNamePartAndVolume() throws {
        let output = try XCTUnwrap(Self.output)
        let page = "enterprises/\(Self.code).html"
        XCTAssertEqual(SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: Self.code)).first, page)
        XCTAssertEqual(SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: "某某电子")).first, page)
        XCTAssertTrue(SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: "旧名电子")).contains(page))
        XCTAssertTrue(SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: "v100")).contains(page))
        // The start of a code (up to 9 characters) finds it as well; a longer query is matched whole.
        XCTAssertTrue(SearchPageQuery.resultLinks(in: try SearchPageQuery.dom(output: output, query: "91441900")).contains(page))
    }
}
