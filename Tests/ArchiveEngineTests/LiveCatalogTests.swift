@testable import ArchiveEngine
import Foundation
import XCTest

/// A live catalog (the production system writing while the morning inspection runs) gives findings from
/// one consistent committed state, WAL included, creates nothing inside the center, and ends UNKNOWN
/// rather than report from a torn state.
final class LiveCatalogTests: XCTestCase {
    /// A transaction big enough to spill its changes into catalog.sqlite before it commits.
    private static let spillingFailure = """
        PRAGMA cache_size=1;
        BEGIN;
        UPDATE volume SET efile_status='failed';
        CREATE TABLE junk AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<3000) SELECT i, randomblob(1000) AS b FROM n;
        """

    func testAWriterKilledMidTransactionLeavesNoFalseFindings() throws {
        let f = try standardFixture()
        let writer = try CatalogWriterProcess(catalog: f.catalogURL)
        try writer.run(Self.spillingFailure)
        writer.kill()
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.catalogURL.path + "-journal"), "the dead writer left a hot journal")
        let before = treeListing(f.root)

        let report = try inspect(f, only: ["efile"])
        XCTAssertEqual(keys(report, code: "efile.failed"), [], "the unfinished transaction is not the catalog's state")
        XCTAssertEqual(report.notes, [])
        XCTAssertEqual(treeListing(f.root), before, "nothing created or removed inside the center")
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.catalogURL.path + "-journal"), "the center's journal is left alone")
    }

    func testACommitStillInTheWALIsSeenAndNothingIsCreatedInTheCenter() throws {
        let f = try standardFixture()
        let writer = try CatalogWriterProcess(catalog: f.catalogURL)
        try writer.run("""
            PRAGMA journal_mode=WAL;
            PRAGMA wal_autocheckpoint=0;
            UPDATE volume SET efile_status='failed' WHERE id='V002';
            """)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.catalogURL.path + "-wal"))
        let before = treeListing(f.root)

        // The writer alive, its commit only in the WAL.
        XCTAssertEqual(keys(try inspect(f, only: ["efile"]), code: "efile.failed"), ["efile.failed - V002"])
        XCTAssertEqual(treeListing(f.root), before)

        // The writer killed: the WAL and its index stay behind, uncheckpointed.
        writer.kill()
        XCTAssertEqual(keys(try inspect(f, only: ["efile"]), code: "efile.failed"), ["efile.failed - V002"])
        XCTAssertEqual(treeListing(f.root), before)

        // A copied snapshot that kept the WAL but not its index: reading in place would create one.
        try FileManager.default.removeItem(atPath: f.catalogURL.path + "-shm")
        let withoutIndex = treeListing(f.root)
        let report = try inspect(f, only: ["efile"])
        XCTAssertEqual(keys(report, code: "efile.failed"), ["efile.failed - V002"])
        XCTAssertEqual(treeListing(f.root), withoutIndex, "no -shm created inside the center")
    }

    func testRunsDuringALiveWriterSeeOnlyCommittedStatesOrSayUnknown() throws {
        let f = try standardFixture()
        for n in 4...12 {
            try f.addVolume(String(format: "V%03d", n), uscc: CenterFixture.code(2), seq: n - 2, branch: "branch-changan", writeFiles: false)
        }
        let writer = try CatalogWriterProcess(catalog: f.catalogURL)
        try writer.run("PRAGMA cache_size=1;")
        // Every transaction marks all volumes failed, spills, then puts them back: a committed state never
        // has a failed volume, a torn one does.
        let transaction = """
            BEGIN;
            UPDATE volume SET efile_status='failed';
            CREATE TABLE junk AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<400) SELECT i, randomblob(1000) AS b FROM n;
            DROP TABLE junk;
            UPDATE volume SET efile_status='done';
            COMMIT;
            .shell sleep 0.05

            """
        let stop = ManagedAtomicFlag()
        let feeding = DispatchGroup()
        DispatchQueue.global().async(group: feeding) {
            while !stop.isSet { writer.send(String(repeating: transaction, count: 5)) }
        }
        defer {
            stop.set()
            writer.kill()
            feeding.wait()
        }

        var clean = 0, unknown: [String] = []
        for _ in 0..<4 {
            do {
                var options = InspectionOptions(center: f.root, at: CenterFixture.at)
                options.only = ["efile"]
                options.thresholds.catalogLockWaitSeconds = 2
                let report = try InspectionRunner.run(options, store: OperationsStore.inMemory())
                XCTAssertEqual(keys(report, code: "efile.failed"), [], "a torn state leaked into the findings")
                clean += 1
            } catch let error as CenterError {
                switch error {
                case .catalogLocked, .catalogChanging: unknown.append("\(error)")
                default: XCTFail("\(error)")
                }
            }
        }
        XCTAssertGreaterThan(clean, 0, "runs between the writer's commits must succeed: \(unknown)")
    }

    func testAWriterHoldingItsLockBeyondTheWaitEndsTheRunUnknownWithTheReason() throws {
        let f = try standardFixture()
        let writer = try CatalogWriterProcess(catalog: f.catalogURL)
        try writer.run("BEGIN EXCLUSIVE; UPDATE volume SET efile_status='failed';")
        var options = InspectionOptions(center: f.root, at: CenterFixture.at)
        options.only = ["efile"]
        options.thresholds.catalogLockWaitSeconds = 0.5
        XCTAssertThrowsError(try InspectionRunner.run(options, store: OperationsStore.inMemory())) { error in
            XCTAssertTrue("\(error)".contains("正被写入进程锁定"), "\(error)")
        }
        writer.kill()
        XCTAssertEqual(keys(try inspect(f, only: ["efile"]), code: "efile.failed"), [])
    }
}

/// A flag one thread sets and another polls.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
