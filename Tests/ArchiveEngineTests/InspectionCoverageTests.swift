@testable import ArchiveEngine
import Foundation
import XCTest

final class InspectionCoverageTests: XCTestCase {
    private let day: TimeInterval = 86_400

    /// Six clean volumes of one enterprise.
    private func sixVolumes() throws -> CenterFixture {
        let f = try CenterFixture()
        try f.addEnterprise(CenterFixture.code(1), name: "东莞市甲电子科技有限公司")
        for i in 1...6 { try f.addVolume(String(format: "V%03d", i), uscc: CenterFixture.code(1), seq: i, pages: 2) }
        return f
    }

    func testTheNextRunVerifiesOnlyChangedVolumesPlusTheOldestSlice() throws {
        let f = try sixVolumes()
        let store = try OperationsStore.inMemory()
        let first = try inspect(f, store: store, cycleDays: 3)
        XCTAssertEqual(first.plan?.mode, .full)
        XCTAssertEqual(first.plan?.selection.count, 6)

        // Day 2: V005's catalog row changes (a new e-file hash) — it is verified with a slice of ⌈6/3⌉ = 2.
        try f.execute("UPDATE volume SET efile_sha256 = 'ff' WHERE id = 'V005'")
        let second = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(day), cycleDays: 3)
        XCTAssertEqual(second.plan?.mode, .incremental)
        XCTAssertEqual(second.plan?.changed, 1)
        XCTAssertEqual(second.plan?.slice, 2)
        XCTAssertEqual(second.plan?.selection, ["V001", "V002", "V005"])
        XCTAssertEqual(keys(second, code: "sync"), ["sync.corrupt processing V005", "sync.corrupt dc V005", "sync.corrupt offsite V005",
                                                    "sync.corrupt branch-humen V005"])
        XCTAssertTrue(second.run.coverage?.contains("增量 1 卷") ?? false, second.run.coverage ?? "")
        XCTAssertTrue(second.run.coverage?.contains("轮转切片 2 卷（第 1/3 片）") ?? false, second.run.coverage ?? "")

        // Day 3: V005 still has a problem, so it is verified again; the slice moves on to V003, V004.
        let third = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(2 * day), cycleDays: 3)
        XCTAssertEqual(third.plan?.reverified, 1)
        XCTAssertEqual(third.plan?.selection, ["V003", "V004", "V005"])
    }

    func testEveryVolumeIsVerifiedWithinTheCycleAndAFaultIsFoundWhenItsSliceComes() throws {
        let f = try sixVolumes()
        let store = try OperationsStore.inMemory()
        _ = try inspect(f, store: store, cycleDays: 3)
        // A silent fault in V006 at dc after the first run.
        let page = f.folder("dc", "V006").appendingPathComponent("page-0001.jpg")
        var bytes = try Data(contentsOf: page)
        bytes[0] ^= 0xFF
        try bytes.write(to: page)

        var verified = Set<String>()
        var foundOn: Int?
        for d in 1...3 {
            let report = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(Double(d) * day), cycleDays: 3)
            verified.formUnion(report.plan?.selection ?? [])
            if foundOn == nil, keys(report).contains("fixity.mismatch dc V006") { foundOn = d }
        }
        XCTAssertEqual(verified, ["V001", "V002", "V003", "V004", "V005", "V006"])
        XCTAssertEqual(foundOn, 3)
        // --full finds it on any day.
        XCTAssertTrue(keys(try inspect(f, full: true, store: store, at: CenterFixture.at.addingTimeInterval(4 * day), cycleDays: 3))
            .contains("fixity.mismatch dc V006"))
    }

    func testAnInterruptedRunIsResumedAndReportsTheWholeSelection() throws {
        let f = try sixVolumes()
        try FileManager.default.removeItem(at: f.folder("branch-humen", "V001"))
        try FileManager.default.removeItem(at: f.folder("offsite", "V006"))
        let store = try OperationsStore.inMemory()
        XCTAssertThrowsError(try inspect(f, store: store, stopAfterBatches: 2, batchSize: 2)) { error in
            XCTAssertTrue("\(error)".contains("4/6"), "\(error)")
        }
        let resumed = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(600), batchSize: 2)
        XCTAssertEqual(resumed.plan?.mode, .resumed)
        XCTAssertEqual(resumed.plan?.selection, ["V005", "V006"])
        XCTAssertEqual(resumed.plan?.alreadyDone, 4)
        XCTAssertEqual(keys(resumed, code: "sync"), ["sync.missing branch-humen V001", "sync.missing offsite V006"])
        XCTAssertTrue(resumed.run.coverage?.contains("续传") ?? false)
        // After it, the center counts as fully covered: the next day is incremental.
        let next = try inspect(f, store: store, at: CenterFixture.at.addingTimeInterval(day), batchSize: 2)
        XCTAssertEqual(next.plan?.mode, .incremental)
    }

    func testCatalogOnlyChecksDoNotTouchTheRotation() throws {
        let f = try sixVolumes()
        let store = try OperationsStore.inMemory()
        let report = try inspect(f, only: ["notfound"], store: store)
        XCTAssertNil(report.plan)
        XCTAssertTrue(report.run.coverage?.contains("未读取存储文件") ?? false)
        let rows = try store.dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM coverage_volume") }
        XCTAssertEqual(rows, 0)
    }
}
