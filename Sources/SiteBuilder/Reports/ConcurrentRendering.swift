import Foundation

extension SiteBuild {
    /// Renders `count` pages on every core and returns them in index order, so the result (and the
    /// published bytes) is the same as rendering them one by one. Rendering is pure — it reads the report
    /// data and the templates only — which is what makes this safe. The first error wins and is rethrown.
    func renderPages(count: Int, _ make: (Int) throws -> SitePage) throws -> [SitePage] {
        guard count > 0 else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        var slots = [SitePage?](repeating: nil, count: count)
        var firstError: Error?
        let lock = NSLock()
        slots.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            withoutActuallyEscaping(make) { make in
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var i = worker
                    while i < count {
                        do {
                            (base + i).pointee = try make(i)
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
        return slots.compactMap { $0 }
    }
}
