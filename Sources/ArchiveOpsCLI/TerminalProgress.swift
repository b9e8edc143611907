import Foundation

/// Progress of long work on one stderr line, rewritten in place on a terminal and silent otherwise, so a
/// cron job's mail holds only the result.
final class TerminalProgress {
    private let label: String
    private var shown = false

    init(label: String) { self.label = label }

    /// The callback to hand to an importer; nil when stderr is not a terminal.
    var callback: ((Int) -> Void)? {
        guard Standard.stderrIsTerminal else { return nil }
        return { [self] count in
            shown = true
            FileHandle.standardError.write(Data("\r\(label): \(count)".utf8))
        }
    }

    /// Ends the progress line so the next message starts on a fresh one.
    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
