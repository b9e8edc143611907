import Foundation

/// Runs independent pieces of a build on several threads and returns their results in index order, so
/// the outcome (and every published byte) is the same as running them one by one. Used where the work is
/// pure or touches distinct files: rendering pages, comparing and writing them. The first error wins and
/// is rethrown after every worker has stopped.
enum ParallelMap {
    static func run<T>(count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                       _ body: (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(workers, count))
        var slots = [T?](repeating: nil, count: count)
        var firstError: Error?
        let lock = NSLock()
        slots.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            withoutActuallyEscaping(body) { body in
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var i = worker
                    while i < count {
                        do {
                            (base + i).pointee = try body(i)
                        } catch {
                            lock.lock()
                            if firstError == nil { firstError = error }
                            lock.unlock()
                            return
                        }
                        i += workers
                    }
                }
            }
        }
        if let firstError { throw firstError }
        return slots.map { $0! }
    }

    /// Runs `first` and `second` at the same time and returns both results (the first error wins, as
    /// above): for two different kinds of work that need not wait for each other, such as publishing the
    /// site while the caches for the next build are made.
    static func both<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        var a: A?
        var b: B?
        _ = try run(count: 2, workers: 2) { i in
            if i == 0 { a = try first() } else { b = try second() }
        }
        return (a!, b!)
    }
}
