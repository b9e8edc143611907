import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// The page inputs that write their own fingerprint bytes (``FingerprintFeed``) write every field: a row
/// that differs in any one field gives other bytes, so its pages are rendered again. A field added to a
/// row type fails the field count here until its feed writes it.
final class FingerprintFeedTests: XCTestCase {
    private func assertEveryFieldCounts<Row: FingerprintFeed>(_ row: Row, fields: Int, _ changes: [(String, (inout Row) -> Void)],
                                                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Mirror(reflecting: row).children.count, fields, "a new field of \(Row.self): write it in its feed",
                       file: file, line: line)
        XCTAssertEqual(changes.count, fields, "one change per field", file: file, line: line)
        let base = FingerprintBytes.of(row)
        XCTAssertEqual(FingerprintBytes.of(row), base, "the same row, the same bytes", file: file, line: line)
        var seen: [[UInt8]: String] = [:]
        for (name, change) in changes {
            var changed = row
            change(&changed)
            let bytes = FingerprintBytes.of(changed)
            XCTAssertNotEqual(bytes, base, "\(Row.self).\(name) changed but the fingerprint did not", file: file, line: line)
            XCTAssertNil(seen[bytes], "\(name) and \(seen[bytes] ?? "") give the same bytes", file: file, line: line)
            seen[bytes] = name
        }
    }

    func testEveryFieldOfATicketChangesItsFingerprint() {
        let t = TicketRecord(id: "T-1", reportedAt: "2023-06-01T09:00:00+08:00", unit: "虎门分局", reporter: "王工", category: .sync,
                             priority: .urgent, status: .closed, description: "同步失败", respondedAt: "2023-06-01T09:10:00+08:00",
                             onsiteAt: "2023-06-01T09:40:00+08:00", resolvedAt: "2023-06-01T11:00:00+08:00", actions: "重启",
                             resolution: "已恢复", engineer: "张工", responseMinutes: 10, onsiteMinutes: 40, resolutionMinutes: 120,
                             responseMet: true, onsiteMet: true)
        assertEveryFieldCounts(t, fields: 19, [
            ("id", { $0.id = "T-2" }), ("reportedAt", { $0.reportedAt = "2023-06-02T09:00:00+08:00" }), ("unit", { $0.unit = nil }),
            ("reporter", { $0.reporter = "" }), ("category", { $0.category = .seal }), ("priority", { $0.priority = .critical }),
            ("status", { $0.status = .open }), ("description", { $0.description += " " }), ("respondedAt", { $0.respondedAt = nil }),
            ("onsiteAt", { $0.onsiteAt = "2023-06-01T09:41:00+08:00" }), ("resolvedAt", { $0.resolvedAt = nil }),
            ("actions", { $0.actions = "重启 " }), ("resolution", { $0.resolution = nil }), ("engineer", { $0.engineer = "李工" }),
            ("responseMinutes", { $0.responseMinutes = 10.5 }), ("onsiteMinutes", { $0.onsiteMinutes = nil }),
            ("resolutionMinutes", { $0.resolutionMinutes = 121 }), ("responseMet", { $0.responseMet = false }),
            ("onsiteMet", { $0.onsiteMet = nil }),
        ])
        // Values that run into each other stay apart: ("ab", nil) is not ("a", "b").
        var a = t, b = t
        a.unit = "ab"; a.reporter = nil
        b.unit = "a"; b.reporter = "b"
        XCTAssertNotEqual(FingerprintBytes.of(a), FingerprintBytes.of(b))
    }

    func testEveryFieldOfARunChangesItsFingerprint() {
        let start = BureauTime.parse("2023-06-30 07:30")!
        let run = InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(600), host: "inspector", center: "dongguan",
                                window: "07:30-08:30", checks: ["sync", "disk"], coverageDetail: "全部", source: "local", sites: ["dc"])
        assertEveryFieldCounts(run, fields: 10, [
            ("id", { $0.id += ".2" }), ("startedAt", { $0.startedAt += 1 }), ("finishedAt", { $0.finishedAt += 1 }),
            ("host", { $0.host = "h2" }), ("center", { $0.center = "c2" }), ("window", { $0.window = nil }),
            ("checks", { $0.checks = ["sync"] }), ("coverageDetail", { $0.coverageDetail = "部分" }), ("source", { $0.source = "import" }),
            ("sites", { $0.sites = nil }),
        ])
    }

    func testEveryFieldOfAFindingChangesItsFingerprint() {
        let f = Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", uscc: "91441900MA4UJ5XY2K",
                        detail: "缺失 V1", query: 7, host: "h1", mount: "/data", path: "a/b",
                        params: FindingMessage("sync.missing.files", ["files": .list(["a", "b"]), "site": .site(name: "数据中心", id: "dc")]))
        assertEveryFieldCounts(f, fields: 12, [
            ("check", { $0.check = "seal" }), ("code", { $0.code = "sync.corrupt" }), ("severity", { $0.severity = .warning }),
            ("site", { $0.site = nil }), ("volume", { $0.volume = "V2" }), ("uscc", { $0.uscc = nil }), ("detail", { $0.detail = "" }),
            ("query", { $0.query = 8 }), ("host", { $0.host = nil }), ("mount", { $0.mount = "/" }), ("path", { $0.path = "a" }),
            ("params", { $0.params?.values["files"] = .list(["a"]) }),
        ])
        // A value's kind counts, not only its text.
        let data = FingerprintBytes.of(FindingMessage("k", ["v": .data("x")]))
        XCTAssertNotEqual(data, FingerprintBytes.of(FindingMessage("k", ["v": .term("x")])))
        XCTAssertNotEqual(data, FingerprintBytes.of(FindingMessage("k", ["w": .data("x")])))
    }

    func testTheServiceLevelsAndAServiceReportsInputsCountEveryField() {
        var levels = ServiceLevels()
        let base = FingerprintBytes.of(levels)
        levels.responseMinutes = 20
        XCTAssertNotEqual(FingerprintBytes.of(levels), base)
        levels = ServiceLevels()
        levels.criticalOnsiteMinutes = 90
        XCTAssertNotEqual(FingerprintBytes.of(levels), base)
        let inputs = ServiceReportPages.Inputs(ticket: .init(type: "t", sha256: "00"), levels: ServiceLevels(),
                                               enterprises: [.init(path: "enterprises/a.html", uscc: "9144", name: nil)])
        assertEveryFieldCounts(inputs, fields: 3, [
            ("ticket", { $0.ticket.sha256 = "01" }), ("levels", { $0.levels.responseMinutes = 16 }),
            ("enterprises", { $0.enterprises[0].name = "某公司" }),
        ])
    }

    func testEveryFieldOfAnEnterpriseIndexRowChangesItsFingerprint() {
        let row = EnterprisePages.IndexInputs.Row(uscc: "91441900MA4UJ5XY2K", path: "enterprises/91441900MA4UJ5XY2K.html", name: "甲公司",
                                                  formerNames: ["乙公司"], open: 1, findings: 2, notFound: 3, tickets: 4)
        assertEveryFieldCounts(row, fields: 8, [
            ("uscc", { $0.uscc = "91441900MA4UJ5XY2L" }), ("path", { $0.path += "x" }), ("name", { $0.name = nil }),
            ("formerNames", { $0.formerNames = [] }), ("open", { $0.open = 0 }), ("findings", { $0.findings = 3 }),
            ("notFound", { $0.notFound = 4 }), ("tickets", { $0.tickets = 5 }),
        ])
    }
}
