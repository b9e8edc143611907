import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// The check catalogue is generated from the engine's definitions: it cannot drift from the code.
final class ManualCheckCatalogueTests: XCTestCase {
    func testEveryCheckAndFindingCodeOfTheEngineHasItsEntry() throws {
        let fixture = try ManualFixture()
        defer { fixture.remove() }
        let pages = try fixture.build(builtIn: true)
        let overview = try XCTUnwrap(pages["manual/checks/index.html"]).text
        for check in CheckCatalog.all {
            let page = try XCTUnwrap(pages["manual/checks/\(check.id).html"], check.id).text
            XCTAssertTrue(overview.contains(check.name))
            for code in check.codes {
                XCTAssertTrue(page.contains("<h2 id=\"\(code.code)\">"), code.code)
                XCTAssertTrue(page.contains(code.resolution[0]), code.code)
                XCTAssertTrue(overview.contains("href=\"\(check.id).html#\(code.code)\""), code.code)
            }
            XCTAssertTrue(page.contains(check.ticketCategory.chineseName))
        }
    }

    func testAddingACheckToTheEngineAddsItsPageWithNoEditUnderContent() throws {
        let fixture = try ManualFixture()
        defer { fixture.remove() }
        let kiosk = CheckDefinition(
            id: "kioskping", name: "查询终端在线检查", summary: "检查每台自助查询终端是否在线。", ticketCategory: .kiosk,
            codes: [.init(code: "kioskping.offline", title: "终端离线", severity: .warning,
                          meaning: "终端超过 10 分钟没有心跳。", causes: ["终端断电", "网络中断"],
                          resolution: ["电话确认终端现场状态", "远程重启查询程序"])])
        let before = try fixture.build(builtIn: true)
        XCTAssertNil(before["manual/checks/kioskping.html"])
        let after = try fixture.build(builtIn: true, checks: CheckCatalog.all + [kiosk])
        let page = try XCTUnwrap(after["manual/checks/kioskping.html"]).text
        XCTAssertTrue(page.contains("<h1>查询终端在线检查</h1>"))
        XCTAssertTrue(page.contains("<h2 id=\"kioskping.offline\">"))
        XCTAssertTrue(page.contains("远程重启查询程序"))
        XCTAssertTrue(page.contains("查询终端故障"), "its ticket category is named")
        let overview = try XCTUnwrap(after["manual/checks/index.html"]).text
        XCTAssertTrue(overview.contains("href=\"kioskping.html#kioskping.offline\""))
        XCTAssertTrue(overview.contains("<a href=\"../../manual/checks/kioskping.html\">查询终端在线检查</a>"),
                      "it appears in the catalogue's navigation")
    }

    func testARenamedFindingCodeBreaksTheManualLinksToIt() throws {
        let fixture = try ManualFixture()
        defer { fixture.remove() }
        let renamed = CheckCatalog.all.map { check -> CheckDefinition in
            guard check.id == "seal" else { return check }
            let codes = check.codes.map { c in
                c.code == "seal.invalid"
                    ? FindingCodeDefinition(code: "seal.untrusted", title: c.title, severity: c.severity, meaning: c.meaning,
                                            causes: c.causes, resolution: c.resolution)
                    : c
            }
            return CheckDefinition(id: check.id, name: check.name, summary: check.summary, ticketCategory: check.ticketCategory,
                                   codes: codes)
        }
        let message = try XCTUnwrap(manualBuildError { try fixture.build(builtIn: true, checks: renamed) })
        XCTAssertTrue(message.contains("Content/training/troubleshooting.md 第"), message)
        XCTAssertTrue(message.contains("#seal.invalid"), message)
    }
}
