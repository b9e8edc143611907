import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// Adding a check is one type plus one line in `CheckCatalog.checkTypes`. This test adds a throwaway
/// check the same way — the built-in list plus one type, handed to each consumer through its seam — and
/// proves every consumer picks it up with nothing else written.
final class CheckRegistrationTests: XCTestCase {
    /// The catalogue with the throwaway's line added.
    let types: [any Check.Type] = CheckCatalog.checkTypes + [KioskPingCheck.self]

    func testARegisteredCheckAppearsInTheCatalogueTheRunnerTheManualAndTheLabelsCheck() throws {
        // The catalogue.
        let definitions = CheckCatalog.definitions(of: types)
        XCTAssertEqual(definitions.map(\.id), CheckCatalog.all.map(\.id) + ["kioskping"])
        XCTAssertEqual(definitions.last?.codes.map(\.code), ["kioskping.offline", "kioskping.slow"])

        // The runner's list, and `--only` accepts its id.
        XCTAssertEqual(try InspectionRunner.checks(only: nil, from: types).map { $0.definition.id }, definitions.map(\.id))
        XCTAssertEqual(try InspectionRunner.checks(only: ["kioskping", "sync"], from: types).map { $0.definition.id },
                       ["sync", "kioskping"])

        // The labels check: complete, and it is really looked at (a second registration is a gap).
        XCTAssertEqual(CheckCatalog.gaps(of: types), [])
        XCTAssertTrue(CheckCatalog.gaps(of: types + [KioskPingCheck.self]).contains("检查项 kioskping 重复注册 (check registered twice)"))
        let english = LabelNames(l: [:], language: .en, checks: definitions)
        XCTAssertEqual(english.check("kioskping", "查询终端在线检查"), "Kiosk online")
        XCTAssertEqual(LabelNames(l: [:], language: .zh, checks: definitions).check("kioskping", "查询终端在线检查"), "查询终端在线检查")

        // The manual's check catalogue: its page, its codes' anchors, its row in the overview.
        let fixture = try ManualFixture()
        defer { fixture.remove() }
        let pages = try fixture.build(builtIn: true, checks: definitions)
        let page = try XCTUnwrap(pages["manual/checks/kioskping.html"]).text
        XCTAssertTrue(page.contains("<h1>查询终端在线检查</h1>"))
        for code in ["kioskping.offline", "kioskping.slow"] {
            XCTAssertTrue(page.contains("<h2 id=\"\(code)\">"), code)
        }
        XCTAssertTrue(page.contains("远程重启查询程序"))
        let overview = try XCTUnwrap(pages["manual/checks/index.html"]).text
        XCTAssertTrue(overview.contains("href=\"kioskping.html#kioskping.slow\""))
    }

    func testEnglishPagesNameEveryBuiltInCheckFromItsDefinition() {
        let english = LabelNames(l: [:], language: .en)
        for check in CheckCatalog.all {
            XCTAssertEqual(english.check(check.id, check.name), check.englishName, check.id)
        }
        // A workspace's labels file still overrides the name.
        XCTAssertEqual(LabelNames(l: ["check_sync": "Sync"], language: .en).check("sync", "日常档案同步检查"), "Sync")
    }
}

/// The throwaway check: what a new file under `Sources/ArchiveEngine/Checks/` would hold.
private struct KioskPingCheck: Check {
    static let definition = CheckDefinition(
        id: "kioskping", name: "查询终端在线检查", englishName: "Kiosk online",
        summary: "检查每台自助查询终端是否在线、响应是否及时。",
        englishSummary: "Checks that every kiosk is online and answers in time.", ticketCategory: .kiosk, codes: Code.self)

    enum Code: String, FindingCode {
        case offline = "kioskping.offline"
        case slow = "kioskping.slow"

        var definition: FindingCodeDefinition {
            switch self {
            case .offline:
                describe(title: "终端离线", severity: .warning, meaning: "终端超过 10 分钟没有心跳。",
                         causes: ["终端断电", "网络中断"], resolution: ["电话确认终端现场状态", "远程重启查询程序"],
                         english: .init(title: "Kiosk offline", meaning: "No heartbeat from the kiosk for 10 minutes.",
                                        causes: ["Power cut", "Network outage"],
                                        resolution: ["Phone the site", "Restart the query program remotely"]))
            case .slow:
                describe(title: "终端响应慢", severity: .info, meaning: "终端查询响应超过 5 秒。",
                         causes: ["网络拥塞"], resolution: ["检查终端网络"],
                         english: .init(title: "Kiosk slow", meaning: "Kiosk queries take more than 5 seconds.",
                                        causes: ["Network congestion"], resolution: ["Check the kiosk's network"]))
            }
        }
    }
}
