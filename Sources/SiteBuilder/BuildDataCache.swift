import Foundation

/// One value a build loads from the store on first use (the report data, the capacity history), shared by
/// every step — and by every copy of the ``SiteBuild`` value, which is why it is a class — so that the
/// dashboard, the monthly summaries and the indexes read the store once and show the very same rows.
/// A build that changes what the value is cut to (``SiteBuild/scope``) gets a new, empty cache.
final class BuildDataCache<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let lock = NSLock()

    /// The value, loaded by `load` the first time it is asked for; later callers wait for the first load.
    func get(_ load: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let loaded = try load()
        value = loaded
        return loaded
    }
}
