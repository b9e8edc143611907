@testable import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// The database digest an acceptance bundle records: the same facts give the same digest, any change
/// of a fact changes it, recording a bundle does not.
final class DatabaseContentDigestTests: XCTestCase {
    func testTheDigestFollowsTheFactsNotTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try OperationsStore.open(at: folder.appendingPathComponent("ops.sqlite"))
        try store.recordAudit(AuditEntry(at: Date(timeIntervalSince1970: 1_688_000_000), command: "test", summary: "第一条"))
        let first = try store.contentDigest()
        XCTAssertEqual(first.rowCounts["audit"], 1)
        XCTAssertNil(first.rowCounts["acceptance_bundle"], "the bundle register is not part of the facts")

        // VACUUM rewrites every page of the file; the digest stays.
        try store.dbQueue.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        XCTAssertEqual(try store.contentDigest(), first)

        // Recording a bundle leaves it too, so a second bundle of the same data is identical.
        try store.recordBundle(AcceptanceBundleRecord(periodFrom: "2023-06", periodTo: "2023-06", version: 1, fileName: "x.zip",
                                                      sha256: "0", size: 1, manifestSHA256: "0", createdAt: "2023-07-01", manifest: "{}"))
        XCTAssertEqual(try store.contentDigest(), first)
        XCTAssertEqual(try store.nextBundleVersion(from: "2023-06", to: "2023-06"), 2)

        try store.recordAudit(AuditEntry(at: Date(timeIntervalSince1970: 1_688_000_100), command: "test", summary: "第二条"))
        let second = try store.contentDigest()
        XCTAssertNotEqual(second.sha256, first.sha256)
        XCTAssertEqual(second.rowCounts["audit"], 2)
    }
}
