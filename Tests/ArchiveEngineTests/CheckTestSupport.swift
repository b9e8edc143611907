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

/// A fixture with two enterprises in two branches and three clean volumes.
func standardFixture(sealFiles: Bool = true) throws -> CenterFixture {
    let f = try CenterFixture(sealFiles: sealFiles)
    try f.addEnterprise(CenterFixture.code(1), name: "东莞市甲电子科技有限公司", branch: "branch-humen", former: ["东莞市甲电子厂"])
    try f.addEnterprise(CenterFixture.code(2), name: "东莞市乙贸易有限公司（分公司）", branch: "branch-changan")
    try f.addVolume("V001", uscc: CenterFixture.code(1), seq: 1, branch: "branch-humen")
    try f.addVolume("V002", uscc: CenterFixture.code(1), seq: 2, branch: "branch-humen", pages: 4)
    try f.addVolume("V003", uscc: CenterFixture.code(2), seq: 1, branch: "branch-changan", pages: 2)
    return f
}
