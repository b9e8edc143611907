import ArchiveEngine
import Forecasting
import Foundation

/// The capacity section of a monthly summary (月度总结·容量): each mount's usage at the month's end, how
/// much it grew in the month, and the forecast as it stood at the month's end; each site's archive added
/// in the month. The forecast is the one function the disk check and the sizing page use.
public struct MonthlyCapacity: Codable, Hashable, Sendable {
    public var month: String
    /// The moment the month's figures describe: the month's end, or the latest data in a running month.
    public var asOf: Date
    public var mounts: [Mount]
    public var sites: [Site]

    public struct Mount: Codable, Hashable, Sendable {
        public var host: String
        public var mount: String
        public var usedAtEnd: Double?
        public var totalAtEnd: Double?
        /// Usage at the month's end minus usage at its start (the last reading before it); nil without both.
        public var growthInMonth: Double?
        public var forecast: CapacityForecast
    }

    public struct Site: Codable, Hashable, Sendable {
        public var siteID: String
        public var siteName: String
        public var volumes: Int
        public var pages: Int
        public var bytes: Double
        /// The site's whole archive at the month's end.
        public var totalBytes: Double
    }

    /// The month's capacity; nil when no mount or site has history up to the month's end.
    public static func make(month: String, mounts: [MountHistory], growth: [ArchiveGrowthMonth],
                            thresholds: Thresholds, latest: Date) -> MonthlyCapacity? {
        guard let start = BureauTime.parseDate("\(month)-01"),
              let end = SiteArchiveGrowth.nextMonth(month).flatMap(BureauTime.parseDate) else { return nil }
        let asOf = min(end, latest)
        let mountRows = mounts.sorted { ($0.host, $0.mount) < ($1.host, $1.mount) }.compactMap { m -> Mount? in
            let upToEnd = m.samples.filter { $0.at < end && $0.at <= asOf }
            guard let last = upToEnd.last, last.at >= start else { return nil }
            let before = upToEnd.last { $0.at < start }
            let f = MountForecast.make([MountHistory(host: m.host, mount: m.mount, samples: upToEnd)],
                                       thresholds: thresholds, asOf: asOf)[0].forecast
            return Mount(host: m.host, mount: m.mount, usedAtEnd: last.used, totalAtEnd: last.total,
                         growthInMonth: before.map { last.used - $0.used }, forecast: f)
        }
        let bySite = Dictionary(grouping: growth.filter { $0.month <= month }, by: \.siteID)
        let siteRows = bySite.keys.sorted().compactMap { id -> Site? in
            let rows = bySite[id] ?? []
            guard let this = rows.first(where: { $0.month == month }) else { return nil }
            return Site(siteID: id, siteName: this.siteName, volumes: this.volumes, pages: this.pages,
                        bytes: Double(this.bytes), totalBytes: rows.reduce(0) { $0 + Double($1.bytes) })
        }
        guard !mountRows.isEmpty || !siteRows.isEmpty else { return nil }
        return MonthlyCapacity(month: month, asOf: asOf, mounts: mountRows, sites: siteRows)
    }
}
