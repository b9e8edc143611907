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
            return ServerPlan(load: load, peakRate: none("高峰小时平均查询率 (mean query rate of the peak hour)", .queriesPerSecond),
                              designRate: none("设计峰值查询率 (design peak query rate)", .queriesPerSecond),
                              secondsPerQuery: none("每次查询耗时 (time per query)", .milliseconds),
                              cores: none("所需 CPU 核心 (CPU cores needed)", .cores),
                              concurrency: none("同时处理的查询 (queries in flight)", .count),
                              memory: none("所需内存 (memory needed)", .gigabytes),
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
        let peakTextEN = load.peakHourStart.map { " in the hour from \(BureauTime.display($0))" } ?? ""
        return ServerPlan(
            load: load,
            peakRate: SizingFigure(label: "高峰小时平均查询率 (mean query rate of the peak hour)", value: peak, unit: .queriesPerSecond,
                                   formula: "\(load.peakHourQueries) 次\(peakText) ÷ 3600 秒 = \(n(peak, 3)) 次/秒"
                                       + " (\(load.peakHourQueries) queries\(peakTextEN) ÷ 3600 s = \(n(peak, 3))/s)",
                                   assumptions: ["查询明细覆盖 \(load.days) 天、共 \(load.queries) 次"
                                       + " (the query log covers \(load.days) days, \(load.queries) queries)"]),
            designRate: SizingFigure(label: "设计峰值查询率 (design peak query rate)", value: design, unit: .queriesPerSecond,
                                     formula: "\(n(peak, 3)) × 突发系数 \(n(a.burstFactor)) × 增长预留 \(n(a.queryGrowthReserve)) = " +
                                         "\(n(design, 3)) 次/秒 (\(n(peak, 3)) × burst factor \(n(a.burstFactor)) × growth reserve " +
                                         "\(n(a.queryGrowthReserve)) = \(n(design, 3))/s)",
                                     assumptions: ["最忙一分钟约为高峰小时平均的 \(n(a.burstFactor)) 倍（终端排队）"
                                                       + " (the busiest minute is about \(n(a.burstFactor)) × the peak-hour mean:"
                                                       + " kiosks queue)",
                                                   "为规划期内查询量增长预留 \(Int(((a.queryGrowthReserve - 1) * 100).rounded())) %"
                                                       + " (\(Int(((a.queryGrowthReserve - 1) * 100).rounded())) %"
                                                       + " reserved for query growth)"]),
            secondsPerQuery: SizingFigure(
                label: "每次查询耗时 (time per query)", value: seconds * 1000, unit: .milliseconds,
                formula: measured != nil ? "实测 95 分位延迟 \(n(seconds * 1000, 0)) ms（\(load.latencySamples) 次有延迟记录）"
                    + " (measured 95th percentile latency \(n(seconds * 1000, 0)) ms, \(load.latencySamples) queries with a latency)"
                                         : "假设 \(n(seconds * 1000, 0)) ms (assumed \(n(seconds * 1000, 0)) ms)",
                assumptions: ["把整段延迟都算作 CPU 时间（偏保守） (the whole latency counted as CPU time: conservative)"],
                missing: measured == nil ? ["查询明细中没有延迟（latency_ms），使用假设值 (no latency recorded: assumed)"] : []),
            cores: SizingFigure(label: "所需 CPU 核心 (CPU cores needed)", value: cores, unit: .cores,
                                formula: "max(\(a.minimumServerCores), ⌈\(n(design, 3)) × \(n(seconds, 3)) 秒 ÷ " +
                                    "\(Int(a.targetUtilisation * 100)) %⌉) = \(Int(cores)) 核 " +
                                    "(max(\(a.minimumServerCores), ⌈\(n(design, 3)) × " +
                                    "\(n(seconds, 3)) s ÷ \(Int(a.targetUtilisation * 100)) %⌉) = \(Int(cores)) cores)",
                                assumptions: ["CPU 在设计峰值时最多 \(Int(a.targetUtilisation * 100)) % 繁忙"
                                                  + " (CPU at most \(Int(a.targetUtilisation * 100)) % busy at the design peak)",
                                    "数据库与查询服务至少 \(a.minimumServerCores) 核"
                                        + " (at least \(a.minimumServerCores) cores for the database and query service)"]),
            concurrency: SizingFigure(label: "同时处理的查询 (queries in flight)", value: inFlight, unit: .count,
                                      formula: "\(n(design, 3)) 次/秒 × \(n(seconds, 3)) 秒 = \(n(inFlight, 2))（利特尔法则）"
                                          + " (\(n(design, 3))/s × \(n(seconds, 3)) s = \(n(inFlight, 2)), Little's law)"),
            memory: SizingFigure(label: "所需内存 (memory needed)", value: memory, unit: .gigabytes,
                                 formula: "\(n(a.baseMemoryGB)) GB + ⌈\(n(inFlight, 2))⌉ × \(n(a.memoryPerConcurrentQueryGB)) GB = " +
                                     "\(n(rawMemory)) GB → 取常用规格 \(n(memory)) GB (\(n(a.baseMemoryGB)) GB + ⌈\(n(inFlight, 2))⌉ × " +
                                     "\(n(a.memoryPerConcurrentQueryGB)) GB = \(n(rawMemory)) GB → common size \(n(memory)) GB)",
                                 assumptions: ["操作系统、数据库与缓存基础 \(n(a.baseMemoryGB)) GB"
                                                   + " (\(n(a.baseMemoryGB)) GB base for the system, database and cache)",
                                               "每个进行中的查询 \(n(a.memoryPerConcurrentQueryGB)) GB"
                                                   + " (\(n(a.memoryPerConcurrentQueryGB)) GB per query in flight)"]),
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
