#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The file checks of one run spread over the host's cores (`check --workers`, default all cores): each
/// batch is cut into slices at enterprise boundaries and the slices are inspected in parallel, each by a
/// worker with its own context (reader, listing and digest caches, notes) and its own check instances.
///
/// Why the answer cannot depend on the number of workers: every file check judges a volume from that
/// volume's own files and its enterprise folder, and a slice always holds whole enterprises, so a slice
/// sees what the whole batch would have seen; the batch's findings are put back together by check, then
/// slice (the order a single worker produces), and the run sorts them into report order anyway.
/// Memory stays bounded by the batch: a worker holds one slice's listings and digests at a time.
/// The read-rate cap is one throttle shared by all workers; `--nice` is applied on every worker thread,
/// because on Linux a thread's priority is its own.
final class BatchWorkers {
    private let contexts: [InspectionContext]
    private let checks: [[any Check]]
    private let nice: Int32?
    private let lock = NSLock()

    /// - Parameters:
    ///   - count: workers wanted; 1 runs everything on the calling thread with `context` itself.
    ///   - types: the file checks, in catalogue order.
    init(count: Int, context: InspectionContext, types: [any Check.Type], first: [any Check], nice: Int32?) {
        let n = max(1, count)
        contexts = [context] + (1..<n).map { _ in context.worker() }
        checks = [first] + (1..<n).map { _ in types.map { $0.init() } }
        self.nice = nice
    }

    var count: Int { contexts.count }

    /// Files read and bytes read by every worker so far.
    var filesRead: Int { contexts.reduce(0) { $0 + $1.reader.filesRead } }
    var bytesRead: Int64 { contexts.reduce(0) { $0 + $1.reader.bytesRead } }

    /// The findings of every file check over `batch`, in check order, then volume order.
    func inspect(_ batch: VolumeBatch) throws -> [Finding] {
        let slices = Self.slices(batch.volumes, count: contexts.count == 1 ? 1 : contexts.count * 4)
        var results = [[[Finding]]](repeating: [], count: slices.count)
        var failure: Error?
        var next = 0
        // Each worker takes the next slice until none is left or one of them has failed.
        let work = { (worker: Int) in
            let context = self.contexts[worker]
            while true {
                self.lock.lock()
                let index = failure == nil && next < slices.count ? next : nil
                next += 1
                self.lock.unlock()
                guard let index else { return }
                context.beginBatch()
                let slice = VolumeBatch(volumes: slices[index], pages: batch.pages)
                do {
                    var found: [[Finding]] = []
                    for check in self.checks[worker] {
                        let phase = "file check " + type(of: check).definition.id
                        found.append(try context.phases.measure(phase) { try check.inspect(slice, in: context) })
                    }
                    self.lock.lock()
                    results[index] = found
                    self.lock.unlock()
                } catch {
                    self.lock.lock()
                    if failure == nil { failure = error }
                    self.lock.unlock()
                    return
                }
            }
        }
        if contexts.count == 1 || slices.count <= 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: min(contexts.count, slices.count)) { worker in
                Self.applyNice(self.nice)
                work(worker)
            }
        }
        if let failure { throw failure }
        let checkCount = checks[0].count
        return (0..<checkCount).flatMap { c in results.flatMap { $0.count > c ? $0[c] : [] } }
    }

    /// Brings every worker's notes back into the run's context.
    func collectNotes() {
        for worker in contexts.dropFirst() { contexts[0].absorb(worker) }
    }

    /// Cuts the batch into about `count` runs of consecutive volumes, never splitting an enterprise (the
    /// orphan folders under it are judged once, by the slice holding it).
    static func slices(_ volumes: [CatalogVolume], count: Int) -> [[CatalogVolume]] {
        guard count > 1, volumes.count > 1 else { return volumes.isEmpty ? [] : [volumes] }
        let target = max(1, (volumes.count + count - 1) / count)
        var result: [[CatalogVolume]] = []
        var current: [CatalogVolume] = []
        for v in volumes {
            if current.count >= target, let last = current.last, last.uscc != v.uscc {
                result.append(current)
                current = []
            }
            current.append(v)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Lowers this thread's priority to `nice` (on Linux `setpriority(PRIO_PROCESS, 0, …)` is per thread);
    /// a thread already lower is left alone.
    static func applyNice(_ nice: Int32?) {
        guard let nice else { return }
        let wanted = max(0, min(19, nice))
        errno = 0
        let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        if errno == 0 && current >= wanted { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, wanted)
    }
}
