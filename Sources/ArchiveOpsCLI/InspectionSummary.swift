import ArchiveEngine
import Foundation

/// The Chinese summary `archive-ops check` prints: the status line, what was covered, counts per check
/// and severity, then every finding and every part that could not be judged.
enum InspectionSummary {
    static func text(_ report: InspectionReport, quiet: Bool) -> String {
        let run = report.run
        var lines = ["巡检结果: \(report.status) — \(report.findings.count) 个问题（严重 \(count(report, .critical))，警告 \(count(report, .warning))，提示 \(count(report, .info))）"]
        if quiet { return lines[0] }
        lines.append("中心快照: \(run.center)；巡检记录 \(run.id)")
        if let window = run.window { lines.append("查询窗口: \(window)") }
        if let coverage = run.coverage { lines.append("覆盖范围: \(coverage)") }
        lines.append("")
        for check in report.checks {
            let mine = report.findings.filter { $0.check == check.id }
            let counts = Severity.allCases.reversed().map { s in "\(s.chineseName) \(mine.filter { $0.severity == s }.count)" }
            lines.append("\(check.name)（\(check.id)）: \(mine.isEmpty ? "正常" : counts.joined(separator: "，"))")
        }
        if !report.findings.isEmpty {
            lines.append("")
            lines.append("问题清单 (findings):")
            for f in report.findings {
                let title = CheckCatalog.definition(code: f.code)?.title ?? f.code
                var place: [String] = []
                if let s = f.site { place.append("站点 \(s)") }
                if let v = f.volume { place.append("案卷 \(v)") }
                if let u = f.uscc { place.append("企业 \(u)") }
                if let q = f.query { place.append("查询 #\(q)") }
                lines.append("[\(f.severity.chineseName)] \(f.code) \(title) \(place.joined(separator: " ")) — \(f.detail)")
            }
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines.append("无法检查 (UNKNOWN):")
            for n in report.notes { lines.append("  \(n.line)") }
        }
        return lines.joined(separator: "\n")
    }

    private static func count(_ report: InspectionReport, _ s: Severity) -> Int {
        report.findings.filter { $0.severity == s }.count
    }
}

/// The first line of `check --json`: the run header that the inspection-results import reads
/// (`spec/imports.md`), plus the run's id as stored here, the checks it performed (as data) and its
/// coverage sentence.
enum InspectionJSONLines {
    struct Header: Encodable {
        struct Run: Encodable {
            let id: String
            let started_at: String
            let finished_at: String
            let host: String
            let center: String
            let window: String?
            let checks: [String]?
            let coverage: String?
            /// The sites this run inspected (`check --site`); absent for the whole center.
            let sites: [String]?
            /// This host's statvfs readings of its configured mounts, so the center host keeps their history.
            let disk_samples: [Sample]?
        }
        struct Sample: Encodable {
            let host: String
            let mount: String
            let at: String
            let total_bytes: Int64
            let used_bytes: Int64
        }
        let run: Run
    }

    static func header(_ run: InspectionRun, diskSamples: [DiskReading] = []) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = Header(run: .init(id: run.id, started_at: BureauTime.iso(run.startedAt), finished_at: BureauTime.iso(run.finishedAt),
                                       host: run.host, center: run.center, window: run.window, checks: run.checks,
                                       coverage: run.coverage, sites: run.sites,
                                       disk_samples: diskSamples.isEmpty ? nil : diskSamples.map {
                                           .init(host: $0.host, mount: $0.mount, at: BureauTime.iso($0.at),
                                                 total_bytes: $0.totalBytes, used_bytes: $0.usedBytes)
                                       }))
        return (try? encoder.encode(header)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The one line of a run that could not be completed: `{"status":"UNKNOWN","reason":"…"}`.
    static func unknown(reason: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = ["status": "UNKNOWN", "reason": reason]
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"status":"UNKNOWN"}"#
    }
}
