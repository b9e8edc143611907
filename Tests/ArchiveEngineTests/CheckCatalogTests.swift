@testable import ArchiveEngine
import Foundation
import XCTest

/// The catalogue is one list of check types, each carrying its own definition: the runner runs exactly
/// that list, the codes are the contract's, and every code has the texts an operator reads about it.
final class CheckCatalogTests: XCTestCase {
    func testEveryCheckAndCodeHasItsLabelGuidanceAndEnglishName() {
        // A failure line names the check or code and the text to add in its Code enum or definition.
        XCTAssertEqual(CheckCatalog.gaps(), [])
    }

    func testTheCodesAreExactlyTheContractsInCatalogueOrder() {
        // spec/archive-center.md, "Findings the engine must report": renaming a case's raw value breaks this.
        XCTAssertEqual(CheckCatalog.all.flatMap { $0.codes.map(\.code) }, [
            "sync.missing", "sync.corrupt", "sync.misplaced",
            "efile.failed", "efile.stuck", "efile.backlog", "efile.broken",
            "seal.failed", "seal.backlog", "seal.invalid",
            "disk.usage", "disk.forecast",
            "notfound.invalid_code", "notfound.former_name", "notfound.name_variant", "notfound.not_synced",
            "notfound.no_volume", "notfound.unknown",
            "anomaly.stale_lock", "anomaly.misfiled", "anomaly.page_sequence", "anomaly.volume_sequence",
            "anomaly.invalid_uscc", "anomaly.orphan",
            "fixity.mismatch",
        ])
        XCTAssertEqual(CheckCatalog.all.map(\.id), ["sync", "efile", "seal", "disk", "notfound", "anomaly", "fixity"])
    }

    func testTheRunnerRunsTheCataloguesListInItsOrder() throws {
        XCTAssertEqual(try InspectionRunner.checks(only: nil).map { $0.definition.id }, CheckCatalog.all.map(\.id))
        XCTAssertEqual(try InspectionRunner.checks(only: ["fixity", "sync"]).map { $0.definition.id }, ["sync", "fixity"])
        XCTAssertThrowsError(try InspectionRunner.checks(only: ["sync", "kioskping"])) { error in
            XCTAssertTrue("\(error)".contains("未知的检查项 kioskping"), "\(error)")
        }
    }

    func testAFindingTakesItsUsualSeverityAndCheckFromTheTypedCode() {
        let f = SyncCheck().finding(.missing, site: "dc", uscc: "91441900000000001X", detail: "d")
        XCTAssertEqual([f.check, f.code, f.severity.rawValue, f.uscc], ["sync", "sync.missing", "critical", "91441900000000001X"])
        XCTAssertEqual(DiskCheck().finding(.usage, detail: "d").severity, .warning)
        XCTAssertEqual(DiskCheck().finding(.usage, severity: .critical, detail: "d").severity, .critical)
    }

    func testAGapInARegisteredCheckIsReportedByName() {
        // A check registered without its English name and with a code lacking causes and steps.
        XCTAssertEqual(CheckCatalog.gaps(of: CheckCatalog.checkTypes + [HalfWrittenCheck.self]), [
            "检查项 halfwritten 缺少英文名称 englishName (no English name)",
            "检查项 halfwritten 缺少英文说明 englishSummary (no English summary)",
            "问题代码 halfwritten.late 缺少常见原因 causes (no causes)",
            "问题代码 halfwritten.late 缺少处理步骤 resolution (no resolution)",
            "问题代码 halfwritten.late 缺少英文说明 english (no English guidance)",
        ])
        XCTAssertEqual(CheckCatalog.gaps(of: [SyncCheck.self, SyncCheck.self]), ["检查项 sync 重复注册 (check registered twice)"]
            + SyncCheck.Code.allCases.map { "问题代码 \($0.rawValue) 重复 (code defined twice)" })
    }

    func testARegisteredCheckRunsAndReportsInCatalogueOrder() throws {
        let fixture = try standardFixture()
        var options = InspectionOptions(center: fixture.root, at: CenterFixture.at)
        options.host = "ops-test"
        let types = CheckCatalog.checkTypes + [VolumeCountCheck.self]
        let report = try InspectionRunner.run(options, store: try OperationsStore.inMemory(), checkTypes: types)
        XCTAssertEqual(report.checks.map(\.id), CheckCatalog.all.map(\.id) + ["volumecount"])
        let mine = report.findings.filter { $0.check == "volumecount" }
        XCTAssertEqual(mine.map(\.code), ["volumecount.total"])
        XCTAssertEqual(mine.first?.severity, .info, "the usual severity of its definition")
        XCTAssertEqual(report.findings.last, mine.last, "listed after the catalogue's checks")

        options.only = ["volumecount"]
        let only = try InspectionRunner.run(options, store: try OperationsStore.inMemory(), checkTypes: types)
        XCTAssertEqual(only.findings.map(\.code), ["volumecount.total"])
    }
}

/// A throwaway check, registered only by the test above: one file's worth, like a new check would be.
private struct VolumeCountCheck: Check {
    static let definition = CheckDefinition(
        id: "volumecount", name: "案卷数量统计", englishName: "Volume count", summary: "统计目录中的案卷数量。",
        ticketCategory: .other, codes: Code.self)

    enum Code: String, FindingCode {
        case total = "volumecount.total"

        var definition: FindingCodeDefinition {
            switch self {
            case .total:
                describe(title: "案卷数量", severity: .info, meaning: "目录中的案卷数量。", causes: ["每次巡检都报告"],
                         resolution: ["无需处理"])
            }
        }
    }

    func run(_ context: InspectionContext) throws -> [Finding] {
        [finding(.total, detail: "目录中有 \(context.volumes.count) 卷")]
    }
}

/// A check whose definition is not finished: no English name, a code without causes or steps.
private struct HalfWrittenCheck: Check {
    static let definition = CheckDefinition(
        id: "halfwritten", name: "未写完的检查", summary: "用于测试。", ticketCategory: .other,
        codes: Code.allCases.map(\.definition))

    enum Code: String, FindingCode {
        case late = "halfwritten.late"

        var definition: FindingCodeDefinition {
            describe(title: "迟到", severity: .warning, meaning: "用于测试。", causes: [], resolution: [])
        }
    }
}
