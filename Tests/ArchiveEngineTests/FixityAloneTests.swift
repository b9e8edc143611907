@testable import ArchiveEngine
import Foundation
import XCTest

/// Fixity run alone opens every page by its path, without listing the folder: what it reports about damaged,
/// missing, .tif and symlinked pages and folders, and that it agrees with fixity run beside the sync check.
final class FixityAloneTests: XCTestCase {
    /// A bit flipped at dc, a page missing offsite, a page kept as .tif, a volume folder that is a symlink,
    /// and a volume folder that is not there at all.
    private func damaged() throws -> CenterFixture {
        let f = try standardFixture()
        try f.addVolume("V004", uscc: CenterFixture.code(2), seq: 2, branch: "branch-changan", pages: 3)
        try f.addVolume("V005", uscc: CenterFixture.code(2), seq: 3, branch: "branch-changan", pages: 2)
        let flipped = f.folder("dc", "V001").appendingPathComponent("page-0002.jpg")
        var bytes = try Data(contentsOf: flipped)
        bytes[3] ^= 0x20
        try bytes.write(to: flipped)
        try FileManager.default.removeItem(at: f.folder("offsite", "V002").appendingPathComponent("page-0003.jpg"))
        let jpg = f.folder("dc", "V003").appendingPathComponent("page-0001.jpg")
        try FileManager.default.moveItem(at: jpg, to: jpg.deletingPathExtension().appendingPathExtension("tif"))
        // V004 at offsite lives elsewhere, reached through a symlinked volume folder; one of its pages is bad.
        let elsewhere = f.root.appendingPathComponent("moved-V004")
        try FileManager.default.moveItem(at: f.folder("offsite", "V004"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: f.folder("offsite", "V004"), withDestinationURL: elsewhere)
        try Data("not the page".utf8).write(to: elsewhere.appendingPathComponent("page-0002.jpg"))
        try FileManager.default.removeItem(at: f.folder("dc", "V005"))
        return f
    }

    func testFixityAloneReportsDamagedPagesAndLeavesMissingOnesToSync() throws {
        let f = try damaged()
        let report = try inspect(f, only: ["fixity"])
        XCTAssertEqual(report.findings.map { "\($0.code) \($0.site ?? "-") \($0.volume ?? "-") \($0.path ?? "-")" }, [
            "fixity.mismatch dc V001 \(CenterFixture.code(1))/001/page-0002.jpg",
            "fixity.mismatch offsite V004 \(CenterFixture.code(2))/002/page-0002.jpg",
        ])
        XCTAssertEqual(report.notes, [])
        // Every page that is there was read once: dc 3+4+2+3 (V005's folder is gone), offsite 3+3+2+3+2.
        XCTAssertEqual(report.filesRead, 12 + 13)
    }

    func testFixityAloneAndFixityBesideSyncAgreeWhereSyncCanListTheFolder() throws {
        let f = try damaged()
        // The symlinked folder is a sync finding of its own (sync lists without following links); leave it out.
        try FileManager.default.removeItem(at: f.folder("offsite", "V004"))
        let alone = try inspect(f, only: ["fixity"]).findings
        let beside = try inspect(f, only: ["sync", "fixity"]).findings.filter { $0.check == "fixity" }
        XCTAssertEqual(alone, beside)
        XCTAssertEqual(alone.map(\.volume), ["V001"])
    }

    func testAnUnreadablePageIsANoteAsBefore() throws {
        let f = try damaged()
        let page = f.folder("dc", "V002").appendingPathComponent("page-0001.jpg")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)  // a folder where a page should be
        let report = try inspect(f, only: ["fixity"])
        XCTAssertEqual(report.notes.map(\.path), ["\(CenterFixture.code(1))/002/page-0001.jpg"])
    }
}
