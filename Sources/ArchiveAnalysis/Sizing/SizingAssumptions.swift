import Foundation

/// The rules of thumb the sizing advice rests on. Each is printed beside the figures it affects, so a
/// reader who disagrees can see what to change; none is hidden in code.
public struct SizingAssumptions: Codable, Hashable, Sendable {
    /// The busiest minute carries this many times the busiest hour's average rate (kiosks queue up).
    public var burstFactor: Double = 3
    /// Reserve on top of today's peak for growth in queries over the planning horizon.
    public var queryGrowthReserve: Double = 1.5
    /// CPU is planned to run at most this busy at the design peak.
    public var targetUtilisation: Double = 0.6
    /// CPU seconds per query when the query log has no latency (see ``perQueryFromLatency``).
    public var assumedQuerySeconds: Double = 0.2
    /// Fewest cores and GiB of memory for a query/database server, whatever the load.
    public var minimumServerCores: Int = 4
    public var baseMemoryGB: Double = 16
    /// Memory per query in flight (sessions, buffers, result pages).
    public var memoryPerConcurrentQueryGB: Double = 0.5
    /// Client computer minimums (业务客户端): cores, GiB of memory, GB of disk, USB ports.
    public var clientCores: Int = 4
    public var clientRAMGB: Double = 8
    public var clientDiskGB: Double = 256
    /// Kiosk minimums (自助查询终端).
    public var kioskCores: Int = 4
    public var kioskRAMGB: Double = 8
    public var kioskDiskGB: Double = 128
    /// A "high-speed" printer prints at least this many A4 pages per minute.
    public var printerPagesPerMinute: Int = 60
    /// Planning horizons in years.
    public var horizonsYears: [Int] = [1, 3, 5]

    public init() {}
}
