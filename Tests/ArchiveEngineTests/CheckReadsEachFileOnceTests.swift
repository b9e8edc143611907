@testable import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// A full check reads each store file once: volume.pdf and the sealed PDF at the processing site are parsed
/// by the e-file and seal checks and hashed by the sync check from that same read; fixity takes the sync
/// check's page digests. The findings are those each check gives when it runs alone, faults included.
final class CheckReadsEachFileOnceTests: XCTestCase {
    private func run(_ center: SampleCenterFixtures.Center, _ types: [any Check.Type], workers: Int = 1) throws -> InspectionReport {
        var options = center.inspectionOptions(full: true)
        options.recordedStart = SampleCenterFixtures.inspection
        options.workers = workers
        return try InspectionRunner.run(options, store: OperationsStore.inMemory(), checkTypes: types)
    }

    func testTheFullCheckReadsNoFileTwice() throws {
        let center = try SampleCenterFixtures.clean.get()
        let all = try run(center, CheckCatalog.checkTypes)
        let sync = try run(center, [SyncCheck.self])
        let anomaly = try run(center, [AnomalyCheck.self])
        let efile = try run(center, [EfileCheck.self])
        let seal = try run(center, [SealCheck.self])
        XCTAssertGreaterThan(efile.filesRead, 0)
        XCTAssertGreaterThan(seal.filesRead, 0)
        // Sync hashes every file but metadata.xml, anomaly reads metadata.xml: together they are every read.
        XCTAssertEqual(all.filesRead, sync.filesRead + anomaly.filesRead,
                       "efile read \(efile.filesRead), seal \(seal.filesRead) files again")
        XCTAssertEqual(try run(center, CheckCatalog.checkTypes, workers: 2).filesRead, all.filesRead)
    }

    func testFindingsFromSharedReadsAreThoseEachCheckFindsAlone() throws {
        let center = try SampleCenterFixtures.faulty.get()
        let all = try run(center, CheckCatalog.checkTypes)
        for type in [SyncCheck.self, EfileCheck.self, SealCheck.self, AnomalyCheck.self, FixityCheck.self] as [any Check.Type] {
            let id = type.definition.id
            let alone = try run(center, [type])
            XCTAssertEqual(all.findings.filter { $0.check == id }, alone.findings.filter { $0.check == id }, id)
        }
        // The shared reads judged damaged files too.
        for code in ["seal.invalid", "efile.broken", "sync.corrupt"] {
            XCTAssertTrue(all.findings.contains { $0.code == code }, code)
        }
        let two = try run(center, CheckCatalog.checkTypes, workers: 2)
        XCTAssertEqual(two.findings, all.findings)
        XCTAssertEqual(two.filesRead, all.filesRead)
    }
}
