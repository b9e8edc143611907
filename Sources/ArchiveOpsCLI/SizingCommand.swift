import ArchiveAnalysis
import ArchiveEngine
import ArgumentParser
import Forecasting
import Foundation
import SiteBuilder

/// `archive-ops sizing` — 系统硬件选型建议 on the terminal or as JSON: each mount's forecast, the storage to
/// buy per site, server cores and memory for the query load, client minimums and the peripheral checklist.
/// The same figures as the site's 硬件选型建议 page, from the same functions.
struct SizingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sizing",
        abstract: "硬件选型建议：容量预测、存储采购、服务器与客户端配置。 (Hardware sizing advice.)",
        discussion: """
        数据来自运维数据库中的容量历史（check 记录的磁盘采样与档案增长、导入的其他主机采样、查询明细）和配置文件中的硬件清单 (hardware:)。
        Works from the capacity history in the operations database and the hardware inventory of archive-ops.yaml.
        """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("规划年限：1y、3y 或 5y（默认三者都给出）。 Planning horizon (default: all three).", valueName: "HORIZON"))
    var horizon: String?

    @Flag(name: .long, help: "输出一个 JSON 文档（键名为英文）。 Print one JSON document.")
    var json = false

    func validate() throws {
        if let horizon, Self.years(horizon) == nil {
            throw ValidationError("--horizon 应为 1y、3y 或 5y，而不是 “\(horizon)”。 (horizon must be 1y, 3y or 5y)")
        }
    }

    static func years(_ text: String) -> Int? {
        ["1y": 1, "3y": 3, "5y": 5, "1": 1, "3": 3, "5": 5][text.lowercased()]
    }

    func run() throws {
        let workspace = options.value
        guard FileManager.default.fileExists(atPath: workspace.databaseURL.path) else {
            throw ValidationError("找不到运维数据库 \(workspace.databaseURL.path)。请先运行 archive-ops init 并导入数据。 (no operations database)")
        }
        let configuration = try workspace.configuration()
        let store = try workspace.openStore()
        let data = try CapacityData.load(from: store, thresholds: configuration.thresholds, keepHistories: false)
        var assumptions = SizingAssumptions()
        if let horizon, let y = Self.years(horizon) { assumptions.horizonsYears = [y] }
        guard let advice = data.advice(inventory: configuration.hardware, thresholds: configuration.thresholds,
                                       assumptions: assumptions) else {
            throw ValidationError("运维数据库中还没有容量历史。请先运行 archive-ops check（记录磁盘采样与档案增长）或导入其他主机的巡检结果。 (no capacity history yet)")
        }
        print(json ? try SizingJSON.encode(advice) : SizingTerminal.render(advice))
    }
}

/// The JSON form: snake_case keys, times in bureau ISO 8601, keys sorted (same database → same bytes).
enum SizingJSON {
    static func encode(_ advice: SizingAdvice) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(BureauTime.iso(date))
        }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(advice), as: UTF8.self)
    }
}

/// The terminal form: the figures a reader needs first, each with its formula.
enum SizingTerminal {
    static func render(_ a: SizingAdvice) -> String {
        var out: [String] = []
        out.append("硬件选型建议 (hardware sizing advice) — 截至 \(BureauTime.display(a.asOf))，预测区间 \(Int(a.policy.intervalLevel * 100)) %")
        out.append("")
        out.append("磁盘容量预测 (disk forecasts):")
        if a.mounts.isEmpty { out.append("  没有磁盘采样 (no disk readings)") }
        for m in a.mounts {
            let f = m.forecast
            var line = "  \(m.host) \(m.mount)"
            if let l = f.latest, let total = l.total, total > 0 {
                line += "  使用率 \(String(format: "%.1f", l.used / total * 100))%（\(bytes(l.used)) / \(bytes(total))）"
            }
            out.append(line)
            guard f.isForecast, let model = f.model, let b = f.backtest?.chosenError else {
                out.append("    \(f.reasonText ?? "")")
                continue
            }
            out.append("    方法 \(model.method.displayName)，回测 MAE " +
                "\(bytes(b.mae))\(b.mape.map { String(format: "，MAPE %.2f%%", $0) } ?? "")，每天约 \(bytes(model.growthPerDay))")
            for c in f.crossings {
                let when = c.reached ? "已达到" : c.wholeDays.map { d in
                    "\(d) 天后（\(c.date.map(BureauTime.day) ?? "")，区间 \(c.earliestDays.map { String(Int($0)) } ?? "—")–" +
                        "\(c.latestDays.map { String(Int($0)) } ?? "∞") 天）"
                } ?? "预测期内不会达到"
                out.append("    \(c.line.displayName) \(String(format: "%.0f", c.percent))%: \(when)")
            }
            for e in f.events { out.append("    \(BureauTime.day(e.at)) \(e.description)") }
        }
        out.append("")
        out.append("站点存储规划 (storage per site):")
        if a.storage.isEmpty { out.append("  没有档案增长记录 (no archive growth recorded)") }
        for plan in a.storage {
            out.append("  \(plan.siteName) (\(plan.siteID))  档案 \(plan.archiveBytes.map(bytes) ?? "—")，\(plan.volumes) 卷 \(plan.pages) 页")
            for h in plan.horizons {
                out.append("    \(h.years) 年: 增长 \(figure(h.growth))；需新增可用容量 \(figure(h.buyUsable))；裸容量 \(figure(h.buyRaw))")
                out.append("      \(h.buyRaw.formula)")
            }
            for note in Set(plan.storages.flatMap(\.missing)).sorted() { out.append("    ! \(note)") }
        }
        out.append("")
        out.append("服务器 (servers):")
        for f in [a.server.peakRate, a.server.designRate, a.server.secondsPerQuery, a.server.cores, a.server.memory] {
            out.append("  \(f.label): \(f.formula)")
            for m in f.missing { out.append("    ! \(m)") }
        }
        for s in a.server.servers {
            out.append("  \(s.name)\(s.role.map { "（\($0)）" } ?? ""): CPU \(s.cores.map { "\($0) 核" } ?? "—") " +
                "\(s.coresMark.displayName)，内存 \(s.ramGB.map { "\(SizingNumber.text($0)) GB" } ?? "—") \(s.memoryMark.displayName)")
        }
        out.append("")
        out.append("客户端与自助终端 (clients and kiosks):")
        for r in a.clients.requirements {
            out.append("  \(r.kind.displayName) 最低配置: \(r.cores) 核，\(SizingNumber.text(r.ramGB)) GB 内存，" +
                "\(SizingNumber.text(r.diskGB)) GB 硬盘，接口 \(r.interfaces.joined(separator: "、"))")
        }
        for g in a.clients.groups {
            out.append("  \(g.name)（\(g.count.map { "\($0) 台" } ?? "台数未填")）: CPU \(g.cores.displayName)，内存 \(g.memory.displayName)，硬" +
                "盘 \(g.disk.displayName)，USB \(g.usb.displayName)，网口 \(g.network.displayName)")
        }
        out.append("")
        out.append("外围设备适配 (peripherals):")
        for i in a.peripherals.items {
            out.append("  \(i.kind.displayName) \(i.model): 接口 \(i.interface.displayName)，驱动 " +
                "\(i.driver.displayName)\(i.speed.map { "，速度 \($0.displayName)" } ?? "")")
            for n in i.notes { out.append("    \(n)") }
        }
        for g in a.peripherals.gaps { out.append("  ! \(g)") }
        return out.joined(separator: "\n")
    }

    static func figure(_ f: SizingFigure) -> String {
        guard let v = f.value else { return "—（\(f.missing.first ?? "")）" }
        let range = f.low.flatMap { lo in f.high.map { hi in "（区间 \(bytes(lo))–\(bytes(hi))）" } } ?? ""
        return bytes(v) + range
    }

    static func bytes(_ b: Double) -> String {
        ByteText.binary(b)
    }
}

/// 8.0 → "8", 7.5 → "7.5".
enum SizingNumber {
    static func text(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
