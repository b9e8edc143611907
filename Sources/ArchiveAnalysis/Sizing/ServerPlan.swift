import ArchiveEngine
import Foundation

/// 服务器硬件参数评估: the cores and memory the query service needs at its design peak, and how the
/// inventory's servers compare.
///
/// design peak (queries/s) = busiest hour ÷ 3600 × burst factor × growth reserve;
/// cores = ⌈design peak × seconds per query ÷ target utilisation⌉ (at least the minimum);
/// queries in flight = design peak × seconds per query (Little's law);
/// memory = base + queries in flight × memory per query, rounded up to a usual size.
/// Seconds per query is the measured 95th-percentile latency where the log has latencies — conservative,
/// since it counts waiting as CPU time — and an assumed value otherwise, marked as such.
public struct ServerPlan: Codable, Hashable, Sendable {
    public var load: QueryLoad?
    public var peakRate: SizingFigure
    public var designRate: SizingFigure
    public var secondsPerQuery: SizingFigure
    public var cores: SizingFigure
    public var concurrency: SizingFigure
    public var memory: SizingFigure
    public var servers: [ServerCheck]

    public struct ServerCheck: Codable, Hashable, Sendable {
        public var name: String
        public var role: String?
        public var model: String?
        public var cores: Int?
        public var ramGB: Double?
        public var coresMark: CheckMark
        public var memoryMark: CheckMark
    }

    static let memorySizes: [Double] = [16, 32, 64, 128, 256, 512, 1024]

    static func make(load: QueryLoad?, inventory: HardwareInventory, assumptions a: SizingAssumptions) -> ServerPlan {
        guard let load, load.queries > 0 else {
            let none = { (label: String, unit: SizingFigure.Unit) in
                SizingFigure(label: label, value: nil, unit: unit, formula: "—",
                             missing: ["运维数据库中没有查询明细（query_event），无法得出查询负载 (no detailed query log)"])
            }
            return ServerPlan(load: load, peakRate: none("高峰小时平均查询率", .queriesPerSecond),
                              designRate: none("设计峰值查询率", .queriesPerSecond),
                              secondsPerQuery: none("每次查询耗时", .milliseconds), cores: none("所需 CPU 核心", .cores),
                              concurrency: none("同时处理的查询", .count), memory: none("所需内存", .gigabytes),
                              servers: checks(inventory, cores: nil, memory: nil))
        }
        let peak = Double(load.peakHourQueries) / 3600
        let design = peak * a.burstFactor * a.queryGrowthReserve
        let measured = load.latencyP95.map { $0 / 1000 }
        let seconds = measured ?? a.assumedQuerySeconds
        let cores = max(Double(a.minimumServerCores), (design * seconds / a.targetUtilisation).rounded(.up))
        let inFlight = design * seconds
        let rawMemory = a.baseMemoryGB + inFlight.rounded(.up) * a.memoryPerConcurrentQueryGB
        let memory = memorySizes.first { $0 >= rawMemory } ?? rawMemory.rounded(.up)
        func n(_ v: Double, _ digits: Int = 1) -> String { SizingText.number(v, digits: digits) }
        let peakText = load.peakHourStart.map { " (\(BureauTime.display($0)) 起的一小时)" } ?? ""
        return ServerPlan(
            load: load,
            peakRate: SizingFigure(label: "高峰小时平均查询率", value: peak, unit: .queriesPerSecond,
                                   formula: "\(load.peakHourQueries) 次\(peakText) ÷ 3600 秒 = \(n(peak, 3)) 次/秒",
                                   assumptions: ["查询明细覆盖 \(load.days) 天、共 \(load.queries) 次"]),
            designRate: SizingFigure(label: "设计峰值查询率", value: design, unit: .queriesPerSecond,
                                     formula: "\(n(peak, 3)) × 突发系数 \(n(a.burstFactor)) × 增长预留 \(n(a.queryGrowthReserve)) = " +
                                         "\(n(design, 3)) 次/秒",
                                     assumptions: ["最忙一分钟约为高峰小时平均的 \(n(a.burstFactor)) 倍（终端排队）",
                                                   "为规划期内查询量增长预留 \(Int(((a.queryGrowthReserve - 1) * 100).rounded())) %"]),
            secondsPerQuery: SizingFigure(
                label: "每次查询耗时", value: seconds * 1000, unit: .milliseconds,
                formula: measured != nil ? "实测 95 分位延迟 \(n(seconds * 1000, 0)) ms（\(load.latencySamples) 次有延迟记录）"
                                         : "假设 \(n(seconds * 1000, 0)) ms",
                assumptions: ["把整段延迟都算作 CPU 时间（偏保守）"],
                missing: measured == nil ? ["查询明细中没有延迟（latency_ms），使用假设值 (no latency recorded: assumed)"] : []),
            cores: SizingFigure(label: "所需 CPU 核心", value: cores, unit: .cores,
                                formula: "max(\(a.minimumServerCores), ⌈\(n(design, 3)) × \(n(seconds, 3)) 秒 ÷ " +
                                    "\(Int(a.targetUtilisation * 100)) %⌉) = \(Int(cores)) 核",
                                assumptions: ["CPU 在设计峰值时最多 \(Int(a.targetUtilisation * 100)) % 繁忙",
                                    "数据库与查询服务至少 \(a.minimumServerCores) 核"]),
            concurrency: SizingFigure(label: "同时处理的查询", value: inFlight, unit: .count,
                                      formula: "\(n(design, 3)) 次/秒 × \(n(seconds, 3)) 秒 = \(n(inFlight, 2))（利特尔法则）"),
            memory: SizingFigure(label: "所需内存", value: memory, unit: .gigabytes,
                                 formula: "\(n(a.baseMemoryGB)) GB + ⌈\(n(inFlight, 2))⌉ × \(n(a.memoryPerConcurrentQueryGB)) GB = " +
                                     "\(n(rawMemory)) GB → 取常用规格 \(n(memory)) GB",
                                 assumptions: ["操作系统、数据库与缓存基础 \(n(a.baseMemoryGB)) GB", "每个进行中的查询 \(n(a.memoryPerConcurrentQueryGB)) GB"]),
            servers: checks(inventory, cores: cores, memory: memory))
    }

    /// The inventory's query, database and application servers (all servers when no role says so).
    static func checks(_ inventory: HardwareInventory, cores: Double?, memory: Double?) -> [ServerCheck] {
        let serving = inventory.servers.filter { s in
            ["查询", "数据库", "应用", "query", "database", "app"].contains { (s.role ?? "").lowercased().contains($0) }
        }
        return (serving.isEmpty ? inventory.servers : serving).map { s in
            ServerCheck(name: s.name, role: s.role, model: s.model, cores: s.cores, ramGB: s.ramGB,
                        coresMark: cores.map { CheckMark.atLeast(s.cores.map(Double.init), $0) } ?? .unknown,
                        memoryMark: memory.map { CheckMark.atLeast(s.ramGB, $0) } ?? .unknown)
        }
    }
}
