import Foundation

/// Caps the read rate of an inspection (`--max-read-mbps`), so that the morning check never starves the
/// kiosks' queries of disk bandwidth (最小影响原则). A simple pacing bucket: after each read the caller
/// sleeps until the bytes read so far fit the allowed rate. One throttle may pace several readers on
/// several threads (a parallel comparison): the cap is for the process, not per thread.
public final class ReadThrottle: @unchecked Sendable {
    private let bytesPerSecond: Double?
    private var start: Date?
    private var total: Double = 0
    private let lock = NSLock()

    /// `megabytesPerSecond` nil or ≤ 0 means unthrottled.
    public init(megabytesPerSecond: Double?) {
        if let m = megabytesPerSecond, m > 0 { bytesPerSecond = m * 1_000_000 } else { bytesPerSecond = nil }
    }

    func consumed(_ bytes: Int) {
        guard let rate = bytesPerSecond else { return }
        let now = Date()
        lock.lock()
        if start == nil { start = now }
        total += Double(bytes)
        let due = total / rate - now.timeIntervalSince(start ?? now)
        lock.unlock()
        if due > 0.001 { Thread.sleep(forTimeInterval: due) }
    }
}
