import Foundation

/// Commits each checked batch to the coverage ledger on a thread of its own, so that the next batch's files
/// are read while the last one's commit waits for the disk (a commit is a journal write and its syncs:
/// 5–25 ms, during which both workers would otherwise stand idle).
///
/// Batches that finish while a commit is in flight are not queued one transaction each: they wait
/// together and go to the ledger in one transaction once the commit in flight ends (group commit). When
/// the files are read faster than the disk syncs (a fixity run over small pages), the run therefore never
/// waits for the ledger, and makes fewer, larger commits; when the disk keeps up, every batch is still
/// committed on its own as soon as it is done. Entries reach the ledger in batch order either way.
///
/// A failed commit stops the run at the next batch: ``commit(_:)`` throws the first error, and nothing
/// more is written after it. ``wait()`` must be called before the run relies on the ledger (finishing, or
/// stopping early); a run killed meanwhile loses at most the entries not yet written, which the next run
/// resumes as pending.
final class CoverageCommitQueue: @unchecked Sendable {
    typealias Entry = (volumeID: String, fingerprint: Int64, findings: [Finding])

    private let write: @Sendable ([Entry]) throws -> Void
    private let queue = DispatchQueue(label: "archive-ops.coverage-commit")
    private let condition = NSCondition()
    /// Entries of finished batches not yet handed to `write`, in batch order.
    private var waiting: [Entry] = []
    /// True while the commit thread is writing (or about to write) entries.
    private var busy = false
    private var failure: Error?

    /// - Parameter write: writes entries to the ledger in one transaction; runs on the commit thread.
    init(write: @escaping @Sendable ([Entry]) throws -> Void) {
        self.write = write
    }

    /// Hands a finished batch's entries to the commit thread; throws the error of an earlier commit.
    func commit(_ entries: [Entry]) throws {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        waiting += entries
        guard !busy else { return }  // the commit in flight takes them when it ends
        busy = true
        queue.async { self.drain() }
    }

    /// Writes whatever is waiting, one transaction at a time, until nothing is.
    private func drain() {
        while true {
            condition.lock()
            let next = waiting
            waiting = []
            if next.isEmpty || failure != nil {
                busy = false
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            do { try write(next) } catch {
                condition.lock()
                if failure == nil { failure = error }
                condition.unlock()
            }
        }
    }

    /// Waits until every entry handed over is written; throws the first commit error.
    func wait() throws {
        condition.lock()
        defer { condition.unlock() }
        while busy { condition.wait() }
        if let failure { throw failure }
    }
}
