@testable import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// The acceptance test of the engine: on a generated center with injected faults it reports exactly the
/// injected problems — no more, no fewer — for every finding code of the contract, and nothing at all on
/// a clean center.
final class InspectionSampleCenterTests: XCTestCase {
    private func run(_ center: SampleCenterFixtures.Center, full: Bool = false,
                     store: OperationsStore? = nil) throws -> InspectionReport {
        let options = center.inspectionOptions(full: full)
        return try InspectionRunner.run(options, store: store ?? OperationsStore.inMemory())
    }

    private func matchKeys(_ findings: [Finding]) -> Set<String> {
        Set(findings.map {
            "\($0.check) " + ExpectedFinding.matchKey(code: $0.code, site: $0.site, volume: $0.volume, uscc: $0.uscc,
                                                      query: $0.query, host: $0.host, mount: $0.mount, path: $0.path)
        })
    }

    func testTheEngineReportsExactlyTheInjectedProblemsForEveryCode() throws {
        let center = try SampleCenterFixtures.faulty.get()
        let expected = Set(center.manifest.injected.map { "\($0.check) \($0.matchKey)" })
        // The manifest exercises every code of the contract.
        XCTAssertEqual(Set(center.manifest.injected.map(\.code)), Set(CheckCatalog.all.flatMap { $0.codes.map(\.code) }))

        let store = try OperationsStore.inMemory()
        let first = try run(center, store: store)
        XCTAssertEqual(first.plan?.mode, .full)
        for check in CheckCatalog.all {
            let found = matchKeys(first.findings.filter { $0.check == check.id })
            let wanted = expected.filter { $0.hasPrefix(check.id + " ") }
            XCTAssertEqual(found, wanted,
                           "check \(check.id): missing \(wanted.subtracting(found).sorted()), extra \(found.subtracting(wanted).sorted())")
        }
        XCTAssertEqual(matchKeys(first.findings), expected)
        XCTAssertEqual(first.notes, [])
        XCTAssertEqual(first.exitCode, 2)

        // The weekend --full run on the same snapshot gives the same answer.
        XCTAssertEqual(matchKeys(try run(center, full: true, store: store).findings), expected)
    }

    func testACleanSampleCenterYieldsNoFindings() throws {
        let center = try SampleCenterFixtures.clean.get()
        let report = try run(center)
        XCTAssertEqual(report.findings.map(\.detail), [])
        XCTAssertEqual(report.notes, [])
        XCTAssertEqual(report.exitCode, 0)
    }
}
