#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// `--max-read-mbps` and `--nice`: how gently a command that reads whole stores (`check`, `compare`) reads,
/// so that it never starves the kiosks' queries (最小影响原则). One definition for every such command.
struct ReadingPace: ParsableArguments {
    @Option(name: .customLong("max-read-mbps"), help: ArgumentHelp("读取速率上限（MB/s）。 Cap the read rate.", valueName: "N"))
    var maxReadMBps: Double?

    @Option(name: .long, help: ArgumentHelp("降低进程优先级（nice 值 0–19，同时降低默认的 I/O 优先级）。 Lower the process priority.", valueName: "N"))
    var nice: Int32?

    /// Lowers this process's CPU priority as asked; with the default I/O scheduler class the I/O priority
    /// follows it.
    func applyPriority() {
        guard let nice else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, max(0, min(19, nice)))
    }
}
