@testable import ArchiveEngine
import Foundation
import XCTest

/// The coverage ledger's commit thread: every batch's entries reach the ledger, in batch order; batches that
/// finish while a commit is in flight go together in the next one; a failed commit stops the run.
final class CoverageCommitQueueTests: XCTestCase {
    private final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var writes: [[String]] = []
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var holdFirst = false
        var failOn: String?

        func write(_ entries: [CoverageCommitQueue.Entry]) throws {
            lock.lock()
            writes.append(entries.map(\.volumeID))
            let first = writes.count == 1
            lock.unlock()
            if first && holdFirst {
                started.signal()
                release.wait()
            }
            if let failOn, entries.contains(where: { $0.volumeID == failOn }) {
                throw StoreError.cannotOpen("ledger", "disk full")
            }
        }
    }

    private func entries(_ ids: String...) -> [CoverageCommitQueue.Entry] {
        ids.map { (volumeID: $0, fingerprint: 1, findings: []) }
    }

    func testBatchesFinishedDuringASlowCommitGoTogetherInTheNextOneInOrder() throws {
        let r = Recorder()
        r.holdFirst = true
        let queue = CoverageCommitQueue { try r.write($0) }
        try queue.commit(entries("V001", "V002"))
        r.started.wait()  // the first commit is writing and holds the disk
        try queue.commit(entries("V003"))
        try queue.commit(entries("V004", "V005"))
        try queue.commit(entries("V006"))
        r.release.signal()
        try queue.wait()
        XCTAssertEqual(r.writes, [["V001", "V002"], ["V003", "V004", "V005", "V006"]])
    }

    func testABatchIsCommittedOnItsOwnWhenTheDiskKeepsUp() throws {
        let r = Recorder()
        let queue = CoverageCommitQueue { try r.write($0) }
        for k in 1...5 {
            try queue.commit(entries(String(format: "V%03d", k)))
            try queue.wait()
        }
        XCTAssertEqual(r.writes, [["V001"], ["V002"], ["V003"], ["V004"], ["V005"]])
    }

    func testAFailedCommitStopsTheRunAtTheNextBatchAndWritesNothingAfterIt() throws {
        let r = Recorder()
        r.failOn = "V002"
        let queue = CoverageCommitQueue { try r.write($0) }
        try queue.commit(entries("V001"))
        try queue.wait()
        try queue.commit(entries("V002"))
        XCTAssertThrowsError(try queue.wait())
        XCTAssertThrowsError(try queue.commit(entries("V003")))
        XCTAssertThrowsError(try queue.wait())
        XCTAssertEqual(r.writes, [["V001"], ["V002"]])
    }
}
