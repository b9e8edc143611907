@testable import ArchiveEngine
import Foundation
import XCTest

/// `site.root` comes from the production catalog: a root outside the center is read only under a store
/// root the configuration allows; anything else is an UNKNOWN note naming the row, and is never listed.
final class SiteRootTests: XCTestCase {
    func testARootPointingAtHostFoldersIsRefusedNamedAndNeverListed() throws {
        let f = try standardFixture()
        try f.execute("UPDATE site SET root = '/etc' WHERE id = 'offsite'")
        try f.execute("UPDATE site SET root = '../../root' WHERE id = 'branch-changan'")
        let report = try inspect(f)
        let published = report.findings.map { "\($0.code) \($0.site ?? "-") \($0.path ?? "-") \($0.detail)" }.joined(separator: "\n")
        XCTAssertFalse(report.findings.contains { $0.site == "offsite" || $0.site == "branch-changan" }, published)
        XCTAssertFalse(published.contains("passwd") || published.contains("/etc"), published)
        let offsite = try XCTUnwrap(report.notes.first { $0.site == "offsite" && $0.text.contains("id=offsite") }, "\(report.notes)")
        XCTAssertTrue(offsite.text.contains("/etc") && offsite.text.contains("store_roots"), offsite.text)
        XCTAssertTrue(report.notes.contains { $0.site == "branch-changan" && $0.text.contains("id=branch-changan") }, "\(report.notes)")
        XCTAssertEqual(report.exitCode, 3, "a refused site makes the run UNKNOWN")
    }

    func testASymlinkedStoreLeavingTheCenterIsRefusedUnlessItsPlaceIsAllowed() throws {
        let f = try standardFixture()
        let fm = FileManager.default
        // The offsite store moved to a mount of its own and linked back into the center.
        let mount = fm.temporaryDirectory.appendingPathComponent("mount-\(UUID().uuidString)")
        try fm.createDirectory(at: mount, withIntermediateDirectories: true)
        addTeardownBlock { try? fm.removeItem(at: mount) }
        try fm.moveItem(at: f.store("offsite"), to: mount.appendingPathComponent("offsite"))
        try fm.createSymbolicLink(at: f.store("offsite"), withDestinationURL: mount.appendingPathComponent("offsite"))

        let refused = try inspect(f)
        XCTAssertTrue(refused.notes.contains { $0.site == "offsite" && $0.text.contains("id=offsite") }, "\(refused.notes)")
        XCTAssertFalse(refused.findings.contains { $0.site == "offsite" })

        var options = InspectionOptions(center: f.root, at: CenterFixture.at)
        options.sealCertificate = try SealFixture.shared().certificate
        options.storeRoots = [mount]
        let allowed = try InspectionRunner.run(options, store: OperationsStore.inMemory())
        XCTAssertEqual(allowed.notes, [])
        XCTAssertEqual(allowed.findings, [])

        // Written as an absolute path under the allowed place, it is read the same way.
        try f.execute("UPDATE site SET root = ? WHERE id = 'offsite'", [mount.appendingPathComponent("offsite").path])
        XCTAssertEqual(try InspectionRunner.run(options, store: OperationsStore.inMemory()).notes, [])
        try fm.removeItem(at: f.store("offsite"))
        XCTAssertTrue(try inspect(f).notes.contains { $0.text.contains("id=offsite") })
    }
}
