import ArchiveEngine
import Foundation
import GRDB
@testable import SiteBuilder
import XCTest

/// One field of one stored row changed (by hand in the database, as a repair would) and the site built
/// again: the pages that show the row are rendered again, and the site equals a full build from scratch.
/// The rows' fingerprints are written field by field (``FingerprintFeed``), so these guard its completeness
/// from the user's side.
final class RowChangeRebuildTests: RebuildTestCase {
    private func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Builds, runs `sql` on the database, builds again: returns what the second build wrote, after checking
    /// that the site equals a full build of the changed database.
    private func rebuild(after sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> OutputWriter.Summary {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        try store.dbQueue.write { db in
            try db.execute(sql: sql)
            XCTAssertEqual(db.changesCount, 1, "one row changed", file: file, line: line)
        }
        let summary = try build(store)
        try assertSameAsFullBuild(store, file: file, line: line)
        XCTAssertGreaterThan(summary.written, 0, file: file, line: line)
        return summary
    }

    func testATicketsEngineerChangedInTheDatabaseIsShownOnItsServiceReport() throws {
        try rebuild(after: "UPDATE ticket SET engineer = '李工' WHERE id = 'T-0604'")
        XCTAssertTrue(try page("tickets/T-0604.html").contains("李工"))
        XCTAssertTrue(try page("en/tickets/T-0604.html").contains("李工"))
    }

    func testATicketsMinutesChangedInTheDatabaseAreShownOnItsServiceReport() throws {
        try rebuild(after: "UPDATE ticket SET response_minutes = 14.5 WHERE id = 'T-0602'")
        XCTAssertTrue(try page("tickets/T-0602.html").contains("14.5"))
    }

    func testARunsHostChangedInTheDatabaseIsShownOnItsDailyReport() throws {
        let store = try SiteFixture.store()
        let id = try XCTUnwrap(store.inspectionRuns().last?.id)
        try rebuild(after: "UPDATE inspection_run SET host = 'inspector-b' WHERE id = '\(id)'")
        XCTAssertTrue(try page("inspections/\(id).html").contains("inspector-b"))
    }

    func testAFindingsVolumeChangedInTheDatabaseIsShownOnItsDailyReport() throws {
        let store = try SiteFixture.store()
        let id = try XCTUnwrap(store.inspectionRuns().first?.id)
        try rebuild(after: "UPDATE finding SET volume = 'V9' WHERE run_id = '\(id)' AND seq = 1")
        XCTAssertTrue(try page("inspections/\(id).html").contains("V9"))
    }
}
