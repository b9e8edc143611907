import ArchiveEngine
import Foundation

/// What `compare` prints: a Chinese summary with each difference and what to do, or the JSON lines header.
enum ComparisonOutput {
    struct Header: Encodable {
        struct Run: Encodable {
            let id: String
            let old: String
            let new: String
            let sites: [String]
            let host: String
            let started_at: String
            let finished_at: String
            let enterprise_folders: Int
            let volumes: Int
            let files: Int
            let bytes_read: Int64
            let resumed: Bool
            let status: String
            let differences: Int
        }
        let comparison: Run
    }

    static func status(_ c: Comparison) -> String {
        switch c.exitCode {
        case 0: "OK"
        case 1: "WARNING"
        case 2: "CRITICAL"
        default: "UNKNOWN"
        }
    }

    static func header(_ c: Comparison) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let h = Header(comparison: .init(id: c.id, old: c.oldSide, new: c.newSide, sites: c.sites, host: c.host,
                                         started_at: BureauTime.iso(c.startedAt), finished_at: BureauTime.iso(c.finishedAt),
                                         enterprise_folders: c.enterpriseFolders, volumes: c.volumes, files: c.files,
                                         bytes_read: c.bytesRead, resumed: c.resumed, status: status(c),
                                         differences: c.differences.count))
        return (try? encoder.encode(h)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func text(_ c: Comparison, quiet: Bool) -> String {
        let verdict = c.differences.isEmpty && c.notes.isEmpty
            ? "两侧一致"
            : "\(c.differences.count) 处差异" + (c.notes.isEmpty ? "" : "，\(c.notes.count) 处无法核对")
        let read = "\(c.volumes) 卷，\(c.files) 个文件，读取 \(c.bytesRead / 1_000_000) MB\(c.resumed ? "，续传" : "")"
        var lines = ["数据迁移核对 \(status(c))：\(verdict)（\(read)） (compare \(c.id))"]
        if quiet { return lines[0] }
        lines.append("旧 (old): \(c.oldSide)")
        lines.append("新 (new): \(c.newSide)")
        for d in c.differences {
            let title = ComparisonCode(rawValue: d.code)?.definition.title ?? d.code
            let place = (d.path ?? "") + (d.newPath.map { " → \($0)" } ?? "")
            lines.append("[\(d.severity.chineseName)] \(title) \(d.code)  \(d.site ?? "目录")  \(place)")
            lines.append("    \(d.detail)")
            if let cause = d.cause { lines.append("    处理 (what to do): \(cause.advice)") }
        }
        for note in c.notes { lines.append("无法核对 UNKNOWN \(note)") }
        return lines.joined(separator: "\n")
    }
}
