import Forecasting
import Foundation

/// A site's archive size over time (档案增长): cumulative bytes, volumes and pages at the end of each month,
/// read from the catalog by `check` and kept in the operations database.
public struct SiteArchiveGrowth: Codable, Hashable, Sendable {
    public var siteID: String
    public var siteName: String
    /// One point per month: `used` = the site's archive bytes at the month's end (no capacity).
    public var bytes: [CapacitySample]
    public var volumes: Int
    public var pages: Int

    public init(siteID: String, siteName: String, bytes: [CapacitySample], volumes: Int, pages: Int) {
        self.siteID = siteID; self.siteName = siteName; self.bytes = bytes; self.volumes = volumes; self.pages = pages
    }
}

/// A mount's disk readings (host, mount, used, total over time).
public struct MountHistory: Codable, Hashable, Sendable {
    public var host: String
    public var mount: String
    public var samples: [CapacitySample]

    public init(host: String, mount: String, samples: [CapacitySample]) {
        self.host = host; self.mount = mount; self.samples = samples
    }
}

/// The query load (查询负载) measured from the detailed query log.
public struct QueryLoad: Codable, Hashable, Sendable {
    /// Days the log covers and the queries in them.
    public var days: Int
    public var queries: Int
    /// The busiest clock hour and its queries.
    public var peakHourStart: Date?
    public var peakHourQueries: Int
    public var busiestDayQueries: Int
    /// Latency percentiles in milliseconds over the queries that recorded one; nil when none did.
    public var latencyP50: Double?
    public var latencyP95: Double?
    public var latencyP99: Double?
    public var latencySamples: Int

    public init(days: Int, queries: Int, peakHourStart: Date?, peakHourQueries: Int, busiestDayQueries: Int,
                latencyP50: Double? = nil, latencyP95: Double? = nil, latencyP99: Double? = nil, latencySamples: Int = 0) {
        self.days = days; self.queries = queries; self.peakHourStart = peakHourStart
        self.peakHourQueries = peakHourQueries; self.busiestDayQueries = busiestDayQueries
        self.latencyP50 = latencyP50; self.latencyP95 = latencyP95; self.latencyP99 = latencyP99
        self.latencySamples = latencySamples
    }

    public var meanDailyQueries: Double { days > 0 ? Double(queries) / Double(days) : 0 }
}
