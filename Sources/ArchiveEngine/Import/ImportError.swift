import Foundation

/// Why a whole import file could not be read, each with the message an operator needs: which file, what
/// is wrong, and what to do next (Chinese first, English after). Row-level problems are ``RowError``s,
/// collected into ``ImportRejected``.
public enum ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    case fileNotFound(String)
    case isDirectory(String)
    case unreadable(String, String)
    case emptyFile(String)
    case notText(String)
    case undecodable(String, String)
    case unterminatedQuote(String, line: Int)
    case missingColumns(String, missing: [String], found: [String])
    case duplicateColumn(String, String)
    case noDataRows(String)
    case notACatalog(String, String)
    case invalidJSONLines(String, String)
    case cannotWriteRejects(String)
    case centerNeedsQueryLog(String)
    case anotherCentersQueryLog(String, center: String, moved: Int, alreadyStored: Int, example: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "找不到文件 \(path)。请检查路径是否正确。 (file not found)"
        case .isDirectory(let path):
            "\(path) 是一个目录，不是文件。请指定要导入的文件。 (is a directory, not a file)"
        case .unreadable(let path, let reason):
            "无法读取文件 \(path): \(reason)。请检查文件权限。 (cannot read file)"
        case .emptyFile(let path):
            "文件 \(path) 是空的（没有表头和数据）。请重新从平台导出。 (the file is empty)"
        case .notText(let path):
            "文件 \(path) 不是文本（CSV）文件，可能是 Excel 工作簿或其他二进制文件。请在 Excel 中“另存为 CSV”后再导入。 (not a CSV text file; save it as CSV first)"
        case .undecodable(let path, let tried):
            "无法按 \(tried) 编码读取文件 \(path)。请确认文件编码，或用 --encoding utf-8|gb18030|gbk 指定。 (cannot decode the file; use --encoding)"
        case .unterminatedQuote(let path, let line):
            "文件 \(path) 第 \(line) 行开始的引号没有闭合，之后的内容无法分列。请检查该行的双引号。 (unterminated quote starting at line \(line))"
        case .missingColumns(let path, let missing, let found):
            "文件 \(path) 缺少必需的列: \(missing.joined(separator: "、"))。表头为: \(found.joined(separator: ", "))。"
                + "请确认导入的是正确的文件类型，表头可用中文或英文别名。 (missing required columns)"
        case .duplicateColumn(let path, let column):
            "文件 \(path) 的表头中“\(column)”出现了不止一次，无法确定使用哪一列。请删除重复的列。 (duplicate column)"
        case .noDataRows(let path):
            "文件 \(path) 只有表头，没有数据行。 (the file has a header but no rows)"
        case .notACatalog(let path, let reason):
            "\(path) 不是可导入的查询明细数据库: \(reason)。应为中心快照的 catalog.sqlite（含 query_log 表）或查询量汇总 CSV。 (not a catalog with query_log)"
        case .cannotWriteRejects(let path):
            "无法写入错误行文件 \(path)。请检查输入文件所在目录是否可写，或把输入文件复制到可写目录后再用 --skip-bad 导入。 (cannot write the rejects file)"
        case .centerNeedsQueryLog(let path):
            "--center 只用于导入中心快照的 catalog.sqlite（查询明细），\(path) 是查询量汇总 CSV。请去掉 --center 后再导入。"
                + " (--center applies to a catalog's query_log only)"
        case .anotherCentersQueryLog(let path, let center, let moved, let stored, let example):
            "\(path) 中已导入过的 \(stored) 条查询里有 \(moved) 条的查询时间与运维数据库中\(center.isEmpty ? "未命名中心" : "中心“\(center)”")"
                + "已存的同一 id 不同（例: \(example)）。查询日志 id 只在一个中心内唯一，这很可能是另一个中心的日志或重建过的目录；"
                + "整个文件未导入，数据库没有改动。请用 --center 名称 为它单独命名后再导入，例如 archive-ops import queries --center 二中心 \(path)。"
                + " (most stored ids arrive at another time: another center's log; import it with --center NAME)"
        case .invalidJSONLines(let path, let reason):
            "\(path) 不是巡检结果 JSON lines 文件: \(reason)。应为 archive-ops check --json 的输出，首行为 {\"run\": {…}}。 (not inspection JSON lines)"
        }
    }
}

/// A file rejected because some of its rows are bad: nothing was written. Carries every bad row (up to
/// ``RowErrorReport/storedLimit``) so the operator can fix them all in one go.
public struct ImportRejected: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var report: RowErrorReport
    public var totalRows: Int

    public var description: String {
        var lines = ["文件 \(file) 有 \(report.badRowCount) 行数据有误（共 \(totalRows) 行），整个文件未导入，运维数据库没有任何改动。"
                     + " (\(report.badRowCount) bad rows; nothing was imported)"]
        lines += report.errors.map { "  " + $0.description }
        if report.errors.count < report.errorCount {
            lines.append("  ……另有 \(report.errorCount - report.errors.count) 处错误未列出 (more errors not shown)")
        }
        lines.append("请修正以上各行后重新导入；或加 --skip-bad 只导入正确的行，错误行写入 \(file).rejected.csv。 (fix the rows, or use --skip-bad)")
        return lines.joined(separator: "\n")
    }
}
