#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Forecasting
import Foundation

/// 服务器空间监控: usage of every mount the center's monitoring samples (`disk_sample`, latest sample at or
/// before the inspection time) and of every mount configured on the inspecting host (statvfs, now), plus
/// a forecast of when a sampled mount fills up from its recent growth.
public struct DiskCheck: Check {

    public init() {}

    public func run(_ context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        let samples = try context.catalog.diskSamples().filter { $0.at <= context.at }
        let byMount = Dictionary(grouping: samples) { MountKey(host: $0.host, mount: $0.mount) }
        for key in byMount.keys.sorted() {
            let history = (byMount[key] ?? []).sorted { $0.at < $1.at }
            for s in history {
                context.record(DiskReading(host: s.host, mount: s.mount, at: s.at, totalBytes: s.totalBytes,
                                           usedBytes: s.usedBytes, source: .center))
            }
            guard let latest = history.last else { continue }
            if let f = usage(host: key.host, mount: key.mount, used: latest.usedBytes, total: latest.totalBytes,
                             source: Phrase.sampled(["at": .data(BureauTime.display(latest.at))]), context) { findings.append(f) }
            if let f = forecast(key, history, context) { findings.append(f) }
        }
        for mount in context.mounts.sorted() {
            var st = statvfs()
            guard statvfs(mount, &st) == 0 else {
                context.note(Self.definition.id, path: mount, "挂载点无法读取: \(String(cString: strerror(errno))) (statvfs failed)")
                continue
            }
            let frsize = Int64(st.f_frsize)
            let used = (Int64(st.f_blocks) - Int64(st.f_bfree)) * frsize
            // Like df: the blocks reserved for root are not available to the archive service.
            let usable = used + Int64(st.f_bavail) * frsize
            context.record(DiskReading(host: context.host, mount: mount, at: context.at, totalBytes: usable,
                                       usedBytes: used, source: .statvfs))
            if let f = usage(host: context.host, mount: mount, used: used, total: usable,
                             source: Phrase.statvfs(), context) { findings.append(f) }
        }
        return findings
    }

    private func usage(host: String, mount: String, used: Int64, total: Int64, source: FindingMessage,
                       _ context: InspectionContext) -> Finding? {
        guard total > 0 else { return nil }
        let percent = Double(used) / Double(total) * 100
        let t = context.thresholds
        let severity: Severity
        if percent >= t.diskCriticalPercent { severity = .critical } else if percent >= t.diskWarningPercent { severity = .warning } else { return nil }
        let threshold = severity == .critical ? t.diskCriticalPercent : t.diskWarningPercent
        return finding(.usage, severity: severity, phrase: Phrase.usage,
                       ["host": .data(host), "mount": .data(mount), "percent": .data(String(format: "%.1f", percent)),
                        "used": .data(gib(used)), "total": .data(gib(total)), "source": .phrases([source]),
                        "level": .term(severity.rawValue), "threshold": .data(formatted(threshold))],
                       host: host, mount: mount)
    }

    /// The one capacity forecast (``CapacityForecaster``), the same the dashboard, the monthly summary and
    /// the sizing page show: a mount is reported when it is expected to be full within the forecast
    /// thresholds. A mount with too little history gets no forecast (and no finding), as the forecast says.
    private func forecast(_ key: MountKey, _ history: [DiskSample], _ context: InspectionContext) -> Finding? {
        let f = CapacityForecaster.forecast(history.map(\.capacitySample), asOf: context.at,
                                            policy: context.thresholds.forecastPolicy)
        guard let full = f.crossing(.full), let days = full.days, let model = f.model else { return nil }
        let t = context.thresholds
        let severity: Severity
        if days <= t.forecastCriticalDays { severity = .critical } else if days <= t.forecastWarningDays { severity = .warning } else { return nil }
        var values: [String: FindingValue] = [
            "host": .data(key.host), "mount": .data(key.mount), "method": .term(model.method.rawValue),
            "points": .data(String(f.pointsUsed)), "growth": .data(gib(Int64(model.growthPerDay))),
            "days": .data(String(full.wholeDays ?? Int(days))),
        ]
        if let e = f.backtest?.chosenError { values["mae"] = .data(gib(Int64(e.mae))) }
        if let e = full.earliestDays {
            values["level"] = .data(String(Int(f.intervalLevel * 100)))
            values["earliest"] = .data(String(Int(e)))
            values["latest"] = .data(full.latestDays.map { String(Int($0)) } ?? "∞")
        }
        if let date = full.date { values[full.earliestDays == nil ? "date" : "dateAfter"] = .data(BureauTime.day(date)) }
        return finding(.forecast, severity: severity, phrase: Phrase.forecast, values, host: key.host, mount: key.mount)
    }

    private func gib(_ bytes: Int64) -> String { String(format: "%.1f GiB", Double(bytes) / 1_073_741_824) }
    private func formatted(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}

extension DiskSample {
    /// The reading as the forecast takes it.
    public var capacitySample: CapacitySample {
        CapacitySample(at: at, used: Double(usedBytes), total: Double(totalBytes))
    }
}

/// A (host, mount) pair of the center's disk monitoring.
struct MountKey: Hashable, Comparable {
    let host: String
    let mount: String
    static func < (a: MountKey, b: MountKey) -> Bool { (a.host, a.mount) < (b.host, b.mount) }
}
