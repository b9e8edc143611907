import ArchiveAnalysis
import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops stats` — the figures the reports are built from: tickets by month, category and priority,
/// SLA compliance per month and query totals per period and channel. `--json` prints them as one JSON
/// document for scripts and monitoring systems; without it, Chinese tables for a terminal.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "输出报告所用的统计数据（任务单、服务级别、查询量）。 (Print the figures the reports are built from.)")

    @OptionGroup var options: WorkspaceOptions

    @Flag(name: .long, help: "输出一个 JSON 文档（键名为英文，便于脚本和监控系统读取）。 Print one JSON document.")
    var json = false

    func run() throws {
        let workspace = options.value
        guard FileManager.default.fileExists(atPath: workspace.databaseURL.path) else {
            throw ValidationError("找不到运维数据库 \(workspace.databaseURL.path)。请先运行 archive-ops init 并导入数据。 (no operations database)")
        }
        let store = try workspace.openStore()
        let stats = try OperationsStats.load(from: store, levels: try workspace.configuration().sla)
        print(json ? try stats.json() : StatsTable.render(stats))
    }
}

/// The human form of ``OperationsStats``: plain-text tables with Chinese headings.
enum StatsTable {
    static func render(_ s: OperationsStats) -> String {
        var out: [String] = []
        out.append("运维任务单 (tickets): 共 \(s.tickets.total)，未完成 \(s.tickets.open)")
        out.append("响应达标率 (response SLA): \(rate(s.tickets.sla.response))；特急到场达标率 (on-site SLA): \(rate(s.tickets.sla.onsite))")
        out.append("")
        out.append(row(["月份", "任务单", "未完成", "一般", "紧急", "特急", "响应达标率", "特急到场达标率"]))
        for (m, sla) in zip(s.ticketsByMonth, s.slaByMonth) {
            out.append(row([m.month, "\(m.total)", "\(m.open)", "\(m.byPriority["normal"] ?? 0)", "\(m.byPriority["urgent"] ?? 0)",
                            "\(m.byPriority["critical"] ?? 0)", rate(sla.sla.response), rate(sla.sla.onsite)]))
        }
        out.append("")
        out.append("档案查询量 (query figures; 每行一个层级和来源，不相加):")
        out.append(row(["统计期间", "层级", "来源", "渠道", "查询量", "查无结果"]))
        for q in s.queries {
            out.append(row([q.period, q.level.chineseName, QuerySource.chineseName(q.source), q.channel.chineseName,
                            "\(q.queries)", q.notFound.map(String.init) ?? "—"]))
        }
        if let t = s.queryBureauTotal {
            out.append("市局汇总合计 (bureau total) \(t.periods.joined(separator: " + ")) = \(t.total)")
        }
        if let t = s.queryDetailTotal {
            out.append("查询明细合计 (query log total) \(t.periods.first ?? "")…\(t.periods.last ?? "") = \(t.total)")
        }
        if !s.queryLevelDisagreements.isEmpty {
            out.append("层级不一致 (levels disagree; 各自保留，不相加):")
            for d in s.queryLevelDisagreements {
                out.append("  \(QuerySource.chineseName(d.source)) \(d.channel.chineseName): \(d.sentence)")
            }
        }
        if !s.queryRevisions.isEmpty {
            out.append("修订记录 (revised figures):")
            for r in s.queryRevisions {
                let notFound = r.notFoundBefore == r.notFoundAfter ? "" : "，查无结果 \(r.notFoundBefore.map(String.init) ?? "—") → \(r.notFoundAfter.map(String.init) ?? "—")"
                out.append("  \(r.period) \(r.channel.chineseName): 查询量 \(r.queriesBefore) → \(r.queriesAfter)\(notFound)（\(r.fileBefore ?? "?") → \(r.fileAfter ?? "?")）")
            }
        }
        out.append("")
        out.append("巡检 (inspections): \(s.inspections.runs) 次，最近一次 \(s.inspections.latestRun ?? "—")，发现问题 \(s.inspections.latestFindings)")
        return out.joined(separator: "\n")
    }

    static func rate(_ r: SLACompliance.Rate) -> String {
        r.percent.map { "\($0)% (\(r.met)/\(r.judged))" } ?? "— (0/0)"
    }

    static func row(_ cells: [String]) -> String { cells.joined(separator: "\t") }
}
