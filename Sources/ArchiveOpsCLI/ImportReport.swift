import ArchiveEngine
import Foundation

/// How the CLI reports an import: the summary on stdout (it is the command's result), rejected rows and
/// warnings on stderr.
enum ImportReport {
    static func print(_ s: ImportSummary) {
        var line = "已导入\(s.kind.chineseName) \(s.file.path): \(s.counts)"
        if let encoding = s.encoding { line += "（编码 \(encoding)）" }
        Swift.print(line)
        for note in s.notes { Swift.print("  " + note) }
        if s.changed == 0 && s.rejected == 0 { Swift.print("  数据库没有变化 (nothing changed)") }
        if let rejects = s.rejectsFile {
            var lines = ["警告: \(s.rejected) 行有误未导入，已写入 \(rejects.path) (rows rejected)"]
            lines += s.rowErrors.errors.prefix(20).map { "  " + $0.description }
            if s.rowErrors.errorCount > 20 { lines.append("  ……共 \(s.rowErrors.errorCount) 处错误，详见错误行文件 (see the rejects file)") }
            Standard.error(lines.joined(separator: "\n"))
        }
    }
}

/// An error whose description is the whole message for the operator.
struct CLIMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Standard {
    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

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
