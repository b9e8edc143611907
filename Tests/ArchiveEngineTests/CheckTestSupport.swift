@testable import ArchiveEngine
import Foundation
import XCTest

/// Runs an inspection of a fixture the way `archive-ops check` does, at the fixture's inspection time.
func inspect(_ fixture: CenterFixture, only: [String]? = nil, full: Bool = false, sealCert: URL? = try? SealFixture.shared().certificate,
             store: OperationsStore? = nil, at: Date = CenterFixture.at, mounts: [String] = [],
             stopAfterBatches: Int? = nil, batchSize: Int = 256, cycleDays: Int = 30) throws -> InspectionReport {
    var options = InspectionOptions(center: fixture.root, at: at)
    options.only = only
    options.full = full
    options.sealCertificate = sealCert
    options.mounts = mounts
    options.host = "ops-test"
    options.batchSize = batchSize
    options.stopAfterBatches = stopAfterBatches
    options.thresholds.fixityCycleDays = cycleDays
    return try InspectionRunner.run(options, store: store ?? OperationsStore.inMemory())
}

/// `code site volume` for every finding — the shape the exact-set assertions compare.
func keys(_ report: InspectionReport) -> Set<String> {
    Set(report.findings.map { "\($0.code) \($0.site ?? "-") \($0.volume ?? "-")" })
}

func keys(_ report: InspectionReport, code prefix: String) -> Set<String> {
    Set(report.findings.filter { $0.code.hasPrefix(prefix) }.map { "\($0.code) \($0.site ?? "-") \($0.volume ?? "-")" })
}
