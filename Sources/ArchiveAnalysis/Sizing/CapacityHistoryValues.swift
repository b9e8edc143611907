import ArchiveEngine
import Forecasting
import Foundation

extension SiteArchiveGrowth {
    /// Each site's cumulative archive from the monthly growth the store keeps: one point per month at the
    /// month's end — or at the time the month was read, for the month still running — so the forecast sees
    /// how much the site held, not how much it added.
    public static func cumulative(_ months: [ArchiveGrowthMonth]) -> [SiteArchiveGrowth] {
        let bySite = Dictionary(grouping: months, by: \.siteID)
        return bySite.keys.sorted().map { site in
            let rows = (bySite[site] ?? []).sorted { $0.month < $1.month }
            var bytes = 0.0, volumes = 0, pages = 0
            var points: [CapacitySample] = []
            for row in rows {
                bytes += Double(row.bytes); volumes += row.volumes; pages += row.pages
                let monthEnd = nextMonth(row.month).flatMap(BureauTime.parseDate) ?? row.recordedAt
                points.append(CapacitySample(at: min(monthEnd, row.recordedAt), used: bytes))
            }
            return SiteArchiveGrowth(siteID: site, siteName: rows.last?.siteName ?? site, bytes: points,
                                     volumes: volumes, pages: pages)
        }
    }

    /// `2023-12` → `2024-01-01`.
    static func nextMonth(_ month: String) -> String? {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        let (y, m) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return String(format: "%04d-%02d-01", y, m)
    }
}

extension QueryLoad {
    /// The advice's view of the store's query-load facts.
    public init(_ facts: QueryLoadFacts) {
        self.init(days: facts.days, queries: facts.queries,
                  peakHourStart: facts.peakHour.flatMap { BureauTime.parse("\($0):00:00+08:00") },
                  peakHourQueries: facts.peakHourQueries, busiestDayQueries: facts.busiestDayQueries,
                  latencyP50: facts.latencyP50.map(Double.init), latencyP95: facts.latencyP95.map(Double.init),
                  latencyP99: facts.latencyP99.map(Double.init), latencySamples: facts.latencySamples)
    }
}

extension MountForecast {
    /// Forecasts every mount with the one forecast function and the workspace thresholds: what the
    /// dashboard, the monthly summary and the sizing page show.
    public static func make(_ mounts: [MountHistory], thresholds: Thresholds, asOf: Date) -> [MountForecast] {
        mounts.sorted { ($0.host, $0.mount) < ($1.host, $1.mount) }.map {
            MountForecast(host: $0.host, mount: $0.mount,
                          forecast: CapacityForecaster.forecast($0.samples, asOf: asOf, policy: thresholds.forecastPolicy))
        }
    }
}
