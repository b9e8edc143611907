#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one progress line of a long inspection, redrawn in place on a terminal's stderr and silent
/// otherwise (cron mail stays clean).
public final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private var last = Date.distantPast
    private var drawn = false

    /// Enabled only when stderr is a terminal, unless `force` says otherwise.
    public init(force: Bool? = nil) {
        enabled = force ?? (isatty(STDERR_FILENO) == 1)
    }

    public func update(_ text: String, final: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard final || now.timeIntervalSince(last) >= 0.2 else { return }
        last = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    public func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
