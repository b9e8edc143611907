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
