import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// Every finding code of the catalogue has a fault in the sample center that injects it, so the demo and
/// the acceptance test (``InspectionSampleCenterTests``) exercise it. A new code without one fails here
/// until its injection is written in `ArchiveSamples/SampleCenter/` (SampleFault and
/// SampleFaultInjection) or it is listed below with the reason.
final class SampleFaultCoverageTests: XCTestCase {
    /// Codes the sample center does not inject, each with why. Empty today: every code has a fault.
    static let exemptCodes: [String: String] = [:]

    func testEveryCodeIsInjectedByDefaultOrExplicitlyExempt() throws {
        let codes = CheckCatalog.all.flatMap { $0.codes.map(\.code) }
        XCTAssertEqual(Set(Self.exemptCodes.keys).subtracting(codes), [], "an exemption for a code that no longer exists")
        let injected = Set(try SampleCenterFixtures.faulty.get().manifest.injected.map(\.code))
        for code in codes where Self.exemptCodes[code] == nil {
            XCTAssertGreaterThan(SampleCenterOptions.defaultFaults[code] ?? 0, 0, "\(code) is not among the default faults")
            XCTAssertTrue(injected.contains(code), "no sample-center fault injects \(code)")
        }
    }
}
