import Foundation

/// Commits each checked batch to the coverage ledger on a thread of its own, so that the next batch's files
/// are read while the last one's commit waits for the disk (a commit is a journal write and two syncs:
/// about 25 ms, during which both workers would otherwise stand idle).
///
/// At most one commit is in flight: ``commit(_:)`` first waits for the previous one, and its error (if
/// any) is thrown there, so commits stay in batch order and a failed commit stops the run at the next
/// batch. ``wait()`` must be called before the run relies on the ledger (finishing, or stopping early).
final class CoverageCommitQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "archive-ops.coverage-commit")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    /// Waits for the commit in flight, then starts `body` on the commit thread.
    func commit(_ body: @escaping @Sendable () throws -> Void) throws {
        try wait()
        queue.async(group: group) {
            do { try body() } catch {
                self.lock.lock()
                if self.failure == nil { self.failure = error }
                self.lock.unlock()
            }
        }
    }

    /// Waits until every commit started has ended; throws the first commit error.
    func wait() throws {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }
}
