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
///
/// No barrier between batches: the workers take slices from one queue that already holds the next batch,
/// so a worker that finishes early (or whose partner was descheduled by a busy host) goes on with the next
/// batch instead of waiting at the end of this one; the batches are still handed back, and committed, in
/// order. Memory stays bounded by two batches: a worker holds one slice's listings and digests at a time.
/// The read-rate cap is one throttle shared by all workers; `--nice` is applied on every worker thread,
/// because on Linux a thread's priority is its own.
final class BatchWorkers {
    private let contexts: [InspectionContext]
    private let checks: [[any Check]]
    private let nice: Int32?
    private let lock = NSLock()
    /// The order the checks run in on each slice: those that hash files last (``Check/hashesFiles``), so that
    /// they find the digests of files the others read whole. Findings are still returned in check order.
    private let order: [Int]
    /// Bytes each worker had read when it last finished a slice (for the progress line while workers run).
    private var bytesAfterSlice: [Int64]

    /// - Parameters:
    ///   - count: workers wanted; 1 runs everything on the calling thread with `context` itself.
    ///   - types: the file checks, in catalogue order.
    init(count: Int, context: InspectionContext, types: [any Check.Type], first: [any Check], nice: Int32?) {
        let n = max(1, count)
        contexts = [context] + (1..<n).map { _ in context.worker() }
        checks = [first] + (1..<n).map { _ in types.map { $0.init() } }
        self.nice = nice
        order = types.indices.filter { !types[$0].hashesFiles } + types.indices.filter { types[$0].hashesFiles }
        bytesAfterSlice = Array(repeating: 0, count: n)
    }

    var count: Int { contexts.count }

    /// Files read and bytes read by every worker (exact once the workers are done).
    var filesRead: Int { contexts.reduce(0) { $0 + $1.reader.filesRead } }
    var bytesRead: Int64 { contexts.reduce(0) { $0 + $1.reader.bytesRead } }

    /// Bytes read by the slices finished so far: safe to ask while the workers run.
    var bytesReadSoFar: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return bytesAfterSlice.reduce(0, +)
    }

    /// Inspects `batchCount` batches, made by `prepare` (batch number → volumes and pages), and hands each
    /// one's findings (in check order, then volume order) to `finished` on the calling thread, in batch
    /// order. An error from a worker, `prepare` or `finished` stops the workers (each ends its slice) and is
    /// thrown once all have stopped; slices not yet started are dropped.
    func inspect(batchCount: Int, prepare: (Int) throws -> VolumeBatch,
                 finished: (VolumeBatch, [Finding]) throws -> Void) throws {
        guard contexts.count > 1 else {
            for k in 0..<batchCount {
                let batch = try prepare(k)
                try finished(batch, try inspect(batch))
            }
            return
        }
        guard batchCount > 0 else { return }
        let queue = SliceQueue(workers: self)
        queue.start()
        defer { queue.stop() }
        var prepared = 0
        for k in 0..<batchCount {
            // Batch k and the next one are queued before waiting for k, so the workers never run dry.
            while prepared < batchCount && prepared <= k + 1 {
                queue.add(try prepare(prepared), number: prepared)
                prepared += 1
            }
            let (batch, results) = try queue.wait(for: k)
            try finished(batch, Self.byCheck(results, checkCount: checks[0].count))
        }
    }

    /// The findings of every file check over `batch` on the calling thread (one worker), in check order,
    /// then volume order.
    func inspect(_ batch: VolumeBatch) throws -> [Finding] {
        let slices = Self.slices(batch.volumes, count: 1)
        let results = try slices.map { try inspectSlice(VolumeBatch(volumes: $0, pages: batch.pages), worker: 0) }
        return Self.byCheck(results, checkCount: checks[0].count)
    }

    /// One slice on one worker: the findings of each check, in check order.
    fileprivate func inspectSlice(_ slice: VolumeBatch, worker: Int) throws -> [[Finding]] {
        let context = contexts[worker]
        context.beginBatch()
        var found = [[Finding]](repeating: [], count: order.count)
        for c in order {
            let check = checks[worker][c]
            let phase = "file check " + type(of: check).definition.id
            found[c] = try context.phases.measure(phase) { try check.inspect(slice, in: context) }
        }
        let bytes = context.reader.bytesRead
        lock.lock()
        bytesAfterSlice[worker] = bytes
        lock.unlock()
        return found
    }

    /// Slice results put back together: every slice's findings of the first check, then of the second…
    fileprivate static func byCheck(_ results: [[[Finding]]], checkCount: Int) -> [Finding] {
        (0..<checkCount).flatMap { c in results.flatMap { $0.count > c ? $0[c] : [] } }
    }

    fileprivate var slicesPerBatch: Int { contexts.count * 4 }

    fileprivate func runWorker(_ worker: Int, _ take: () -> (VolumeBatch, number: Int, slice: Int)?,
                               _ give: (Int, Int, Result<[[Finding]], Error>) -> Void) {
        Self.applyNice(nice)
        while let next = take() {
            give(next.number, next.slice, Result { try inspectSlice(next.0, worker: worker) })
        }
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

/// The queue of slices the workers of a parallel check take their work from, across batches, and the
/// results of each batch until the run takes them back in order.
private final class SliceQueue: @unchecked Sendable {
    private struct Pending {
        var batch: VolumeBatch
        var results: [[[Finding]]]
        var remaining: Int
    }

    private let workers: BatchWorkers
    private let condition = NSCondition()
    private var slices: [(slice: VolumeBatch, number: Int, index: Int)] = []
    private var pending: [Int: Pending] = [:]
    private var failure: Error?
    private var stopping = false
    private let running = DispatchGroup()

    init(workers: BatchWorkers) { self.workers = workers }

    /// Starts one thread per worker (threads of their own, so that a worker waiting for work never holds
    /// a thread another part of the program needs).
    func start() {
        for w in 0..<workers.count {
            running.enter()
            let thread = Thread { [self] in
                workers.runWorker(w, take, give)
                running.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues batch `number`, cut into slices.
    func add(_ batch: VolumeBatch, number: Int) {
        let cut = BatchWorkers.slices(batch.volumes, count: workers.slicesPerBatch)
        condition.lock()
        pending[number] = Pending(batch: batch, results: Array(repeating: [], count: cut.count), remaining: cut.count)
        for (i, volumes) in cut.enumerated() { slices.append((VolumeBatch(volumes: volumes, pages: batch.pages), number, i)) }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every slice of batch `number` is done; throws the first worker error.
    func wait(for number: Int) throws -> (VolumeBatch, [[[Finding]]]) {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, let p = pending[number], p.remaining > 0 { condition.wait() }
        if let failure { throw failure }
        guard let done = pending.removeValue(forKey: number) else { preconditionFailure("batch \(number) was never queued") }
        return (done.batch, done.results)
    }

    /// Lets each worker end its slice, drops the rest and waits for every worker thread to end.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        running.wait()
    }

    private func take() -> (VolumeBatch, number: Int, slice: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while slices.isEmpty && !stopping && failure == nil { condition.wait() }
        guard !stopping, failure == nil, !slices.isEmpty else { return nil }
        let next = slices.removeFirst()
        return (next.slice, next.number, next.index)
    }

    private func give(_ number: Int, _ index: Int, _ result: Result<[[Finding]], Error>) {
        condition.lock()
        switch result {
        case .success(let found):
            pending[number]?.results[index] = found
            pending[number]?.remaining -= 1
        case .failure(let error):
            if failure == nil { failure = error }
        }
        condition.broadcast()
        condition.unlock()
    }
}
