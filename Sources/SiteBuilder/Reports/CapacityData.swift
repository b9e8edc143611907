import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation

/// The capacity history a build or `archive-ops sizing` works from: every mount's forecast (made one
/// mount at a time, so years of hourly readings never sit in memory together), each site's cumulative
/// archive, the query load, and the moment it all describes.
public struct CapacityData: Sendable {
    public let mounts: [MountForecast]
    /// Every mount's readings (the monthly summaries forecast as of each month's end from them).
    public let histories: [MountHistory]
    /// Each site's monthly growth as stored.
    public let growth: [ArchiveGrowthMonth]
    public let sites: [SiteArchiveGrowth]
    public let load: QueryLoad?
    /// The latest disk reading or growth record (the inspection time of the check that recorded it) —
    /// never the wall clock, nor a run's start (which is one) — so the same database always gives the same
    /// advice. nil when the database holds no capacity history at all.
    public let asOf: Date?

    /// `keepHistories` false keeps only the forecasts (the sizing command), so memory does not grow with
    /// the years of readings. `until` cuts the history at a moment (an acceptance bundle's period end), so
    /// the advice reads as it did then.
    public static func load(from store: OperationsStore, thresholds: Thresholds,
                            keepHistories: Bool = true, until end: Date? = nil) throws -> CapacityData {
        let months = try store.archiveGrowth().filter { end == nil || $0.recordedAt <= end! }
        func history(_ m: (host: String, mount: String)) throws -> MountHistory {
            let samples = try store.diskHistory(host: m.host, mount: m.mount)
            return MountHistory(host: m.host, mount: m.mount, samples: end.map { e in samples.filter { $0.at <= e } } ?? samples)
        }
        var latest = months.map(\.recordedAt).max()
        // The moment first (a reading newer than the latest run still counts), then the forecasts as of it.
        let mountKeys = try store.diskMounts()
        for m in mountKeys {
            let last = end == nil ? try store.latestDiskReading(host: m.host, mount: m.mount) : try history(m).samples.last?.at
            if let last { latest = max(latest ?? last, last) }
        }
        let asOf = latest
        var loaded: [MountHistory] = []
        let mounts = try mountKeys.compactMap { m -> MountForecast? in
            let history = try history(m)
            if end != nil && history.samples.isEmpty { return nil }  // a mount first seen after the cut
            if keepHistories { loaded.append(history) }
            return MountForecast.make([history], thresholds: thresholds, asOf: asOf ?? .distantPast)[0]
        }
        return CapacityData(mounts: mounts, histories: loaded, growth: months, sites: SiteArchiveGrowth.cumulative(months),
                            load: try store.queryLoad().map(QueryLoad.init), asOf: asOf)
    }

    /// The capacity section of `month`'s summary.
    public func monthly(_ month: String, thresholds: Thresholds) -> MonthlyCapacity? {
        guard let asOf else { return nil }
        return MonthlyCapacity.make(month: month, mounts: histories, growth: growth, thresholds: thresholds, latest: asOf)
    }

    public func advice(inventory: HardwareInventory, thresholds: Thresholds,
                       assumptions: SizingAssumptions = SizingAssumptions()) -> SizingAdvice? {
        guard let asOf else { return nil }
        return SizingAdvice.make(sites: sites, mounts: mounts, load: load, inventory: inventory,
                                 thresholds: thresholds, asOf: asOf, assumptions: assumptions)
    }
}

extension SiteBuild {
    /// The capacity history of this build, loaded on first use.
    public func capacityData() throws -> CapacityData {
        try capacityCache.get {
            try CapacityData.load(from: store, thresholds: thresholds, until: scope.flatMap(\.end))
        }
    }
}

extension SiteBuild {
    /// `body` for each month, spread over the cores (each month's forecasts are independent), in order.
    func parallelMonthly<T: Sendable>(_ months: [String], _ body: @Sendable (String) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: months.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: months.count) { i in results[i] = body(months[i]) }
        return results.map { $0! }
    }
}
