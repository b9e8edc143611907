import Foundation

/// Where an inspection spends its time, for tuning and for `bench/`: set `ARCHIVEOPS_PHASE_TIMES=1` and the
/// run prints each phase's seconds to stderr when it ends. Phases run by the workers are summed over all
/// workers (busy time, so with two workers they may add up to twice the wall time). Off, a measurement
/// costs one branch.
public final class PhaseTimes: @unchecked Sendable {
    public let enabled: Bool
    private let lock = NSLock()
    private var seconds: [String: Double] = [:]
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    public init(enabled: Bool = ProcessInfo.processInfo.environment["ARCHIVEOPS_PHASE_TIMES"] == "1") {
        self.enabled = enabled
    }

    /// Runs `body`, adding its wall time to `phase`.
    @inline(__always)
    public func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    func add(_ phase: String, _ s: Double) {
        lock.lock()
        if seconds[phase] == nil { order.append(phase) }
        seconds[phase, default: 0] += s
        counts[phase, default: 0] += 1
        lock.unlock()
    }

    /// `phase  12.345 s  (n calls)` lines in first-seen order.
    public var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return order.map { phase in
            phase.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: " %9.3f s  (%d)", seconds[phase] ?? 0, counts[phase] ?? 0)
        }
    }

    public func printIfEnabled() {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("阶段耗时 (phase times):\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n").utf8))
    }
}
