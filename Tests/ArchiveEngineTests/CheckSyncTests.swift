@testable import ArchiveEngine
import Foundation
import XCTest

final class CheckSyncTests: XCTestCase {
    func testACleanCenterHasNoFindingsAndExitsOK() throws {
        let f = try standardFixture()
        let report = try inspect(f)
        XCTAssertEqual(report.findings, [], report.findings.map(\.detail).joined(separator: "\n"))
        XCTAssertEqual(report.notes, [])
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertTrue(report.run.coverage?.contains("全量检查 3 卷") ?? false, report.run.coverage ?? "")
    }

    func testMissingFolderMissingPageCorruptPageAndMisplacedCopyAreEachReportedOnce() throws {
        let f = try standardFixture()
        let fm = FileManager.default
        try fm.removeItem(at: f.folder("branch-humen", "V001"))                                      // whole folder
        try fm.removeItem(at: f.folder("dc", "V002").appendingPathComponent("page-0004.jpg"))        // one page
        try fm.removeItem(at: f.folder("dc", "V002").appendingPathComponent("volume.pdf"))           // and the e-file
        try Data("changed".utf8).write(to: f.folder("branch-changan", "V003").appendingPathComponent("page-0001.jpg"))
        // A copy of a Humen volume in the Chang'an branch.
        let stray = f.folder("branch-changan", "V002")
        try fm.createDirectory(at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: f.folder("processing", "V002"), to: stray)

        let report = try inspect(f, only: ["sync"])
        XCTAssertEqual(keys(report), [
            "sync.missing branch-humen V001", "sync.missing dc V002",
            "sync.corrupt branch-changan V003", "sync.misplaced branch-changan V002",
        ])
        let missing = try XCTUnwrap(report.findings.first { $0.code == "sync.missing" && $0.site == "dc" })
        XCTAssertTrue(missing.detail.contains("page-0004.jpg") && missing.detail.contains("volume.pdf"), missing.detail)
        XCTAssertEqual(missing.path, "\(CenterFixture.code(1))/002")
        XCTAssertEqual(report.findings.first { $0.code == "sync.corrupt" }?.path, "\(CenterFixture.code(2))/001/page-0001.jpg")
        XCTAssertEqual(report.exitCode, 2)
    }

    func testAVolumeInsideItsGracePeriodIsNotYetMissing() throws {
        let f = try standardFixture()
        try f.addVolume("V004", uscc: CenterFixture.code(2), seq: 2, branch: "branch-changan",
                        created: "2023-06-30T01:00:00+08:00", writeFiles: false)
        XCTAssertEqual(keys(try inspect(f, only: ["sync"])), [])
        // The same snapshot judged a day later: now it is due everywhere.
        let later = try inspect(f, only: ["sync"], at: CenterFixture.at.addingTimeInterval(86_400))
        XCTAssertEqual(keys(later), ["sync.missing processing V004", "sync.missing dc V004", "sync.missing offsite V004",
                                     "sync.missing branch-changan V004"])
    }

    func testACorruptedPageAtTheDataCenterIsReportedBySyncAndByFixityFromOneRead() throws {
        let f = try standardFixture()
        let page = f.folder("dc", "V001").appendingPathComponent("page-0002.jpg")
        var bytes = try Data(contentsOf: page)
        bytes[5] ^= 0x01
        try bytes.write(to: page)
        let short = f.folder("offsite", "V002").appendingPathComponent("page-0001.jpg")
        try Data(try Data(contentsOf: short).prefix(10)).write(to: short)

        let both = try inspect(f, only: ["sync", "fixity"])
        XCTAssertEqual(keys(both), ["sync.corrupt dc V001", "sync.corrupt offsite V002",
                                    "fixity.mismatch dc V001", "fixity.mismatch offsite V002"])
        XCTAssertEqual(both.findings.map(\.check), ["sync", "sync", "fixity", "fixity"])
        let syncOnly = try inspect(f, only: ["sync"])
        XCTAssertEqual(keys(syncOnly), ["sync.corrupt dc V001", "sync.corrupt offsite V002"])
        XCTAssertEqual(keys(try inspect(f, only: ["fixity"])), ["fixity.mismatch dc V001", "fixity.mismatch offsite V002"])
        // Fixity took its digests from sync's reads: no page was read twice.
        XCTAssertTrue(both.run.coverage?.contains(syncOnly.run.coverage?.components(separatedBy: "；读取 ").last ?? "?") ?? false,
                      "\(both.run.coverage ?? "") vs \(syncOnly.run.coverage ?? "")")
    }

    func testAMissingBranchStoreIsUnknownNotAThousandFindings() throws {
        let f = try standardFixture()
        try FileManager.default.removeItem(at: f.store("branch-changan"))
        let report = try inspect(f, only: ["sync"])
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.notes.map(\.site), ["branch-changan"])
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertTrue(report.run.coverage?.contains("UNKNOWN") ?? false)
    }

    func testUnknownCheckIdIsAClearErrorListingTheValidOnes() throws {
        let f = try standardFixture()
        XCTAssertThrowsError(try inspect(f, only: ["sync", "sael"])) { error in
            XCTAssertTrue("\(error)".contains("未知的检查项 sael"), "\(error)")
            XCTAssertTrue("\(error)".contains("sync, efile, seal, disk, notfound, anomaly, fixity"), "\(error)")
        }
    }
}
