#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// 服务器空间监控: usage of every mount the center's monitoring samples (`disk_sample`, latest sample at or
/// before the inspection time) and of every mount configured on the inspecting host (statvfs, now), plus
/// a forecast of when a sampled mount fills up from its recent growth.
public struct DiskCheck: Check {

    /// How much history the forecast fits a line through.
    static let forecastHistoryDays = 90.0

    public init() {}

    public func run(_ context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        let samples = try context.catalog.diskSamples().filter { $0.at <= context.at }
        let byMount = Dictionary(grouping: samples) { MountKey(host: $0.host, mount: $0.mount) }
        for key in byMount.keys.sorted() {
            let history = (byMount[key] ?? []).sorted { $0.at < $1.at }
            guard let latest = history.last else { continue }
            if let f = usage(host: key.host, mount: key.mount, used: latest.usedBytes, total: latest.totalBytes,
                             source: "监控采样 \(BureauTime.display(latest.at))", context) { findings.append(f) }
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
            if let f = usage(host: context.host, mount: mount, used: used, total: usable,
                             source: "本机 statvfs", context) { findings.append(f) }
        }
        return findings
    }

    private func usage(host: String, mount: String, used: Int64, total: Int64, source: String,
                       _ context: InspectionContext) -> Finding? {
        guard total > 0 else { return nil }
        let percent = Double(used) / Double(total) * 100
        let t = context.thresholds
        let severity: Severity
        if percent >= t.diskCriticalPercent { severity = .critical } else if percent >= t.diskWarningPercent { severity = .warning } else { return nil }
        return finding(.usage, severity: severity, detail: "主机 \(host) 挂载点 \(mount) 使用率 \(String(format: "%.1f", percent))%（已用 \(gib(used)) / 共 \(gib(total))，\(source)），达到\(severity == .critical ? "严重" : "警告")阈值 \(formatted(severity == .critical ? t.diskCriticalPercent : t.diskWarningPercent))% (disk usage)", host: host, mount: mount)
    }

    /// Least-squares growth over the last ``forecastHistoryDays`` of samples; only a growing mount with at
    /// least a day of history is forecast.
    private func forecast(_ key: MountKey, _ history: [DiskSample], _ context: InspectionContext) -> Finding? {
        guard let latest = history.last, latest.totalBytes > 0 else { return nil }
        let recent = history.filter { latest.at.timeIntervalSince($0.at) <= Self.forecastHistoryDays * 86_400 }
        guard recent.count >= 2, let first = recent.first,
              latest.at.timeIntervalSince(first.at) >= 86_400 else { return nil }
        let xs = recent.map { $0.at.timeIntervalSince(first.at) / 86_400 }
        let ys = recent.map { Double($0.usedBytes) }
        let n = Double(xs.count)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        guard sxx > 0 else { return nil }
        let perDay = sxy / sxx
        guard perDay > 0 else { return nil }
        // Project from the fitted line at the latest sample, so one noisy sample does not decide alone.
        let fittedNow = my + perDay * (xs[xs.count - 1] - mx)
        let daysLeft = max(0, (Double(latest.totalBytes) - fittedNow) / perDay)
        let t = context.thresholds
        let severity: Severity
        if daysLeft <= t.forecastCriticalDays { severity = .critical } else if daysLeft <= t.forecastWarningDays { severity = .warning } else { return nil }
        return finding(.forecast, severity: severity, detail: "主机 \(key.host) 挂载点 \(key.mount) 按近 \(Int((xs.last ?? 0).rounded())) 天每天约 \(gib(Int64(perDay))) 的增长，预计 \(Int(daysLeft.rounded(.down))) 天后写满（\(recent.count) 个采样） (projected full in \(Int(daysLeft)) days)", host: key.host, mount: key.mount)
    }

    private func gib(_ bytes: Int64) -> String { String(format: "%.1f GiB", Double(bytes) / 1_073_741_824) }
    private func formatted(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}

/// A (host, mount) pair of the center's disk monitoring.
struct MountKey: Hashable, Comparable {
    let host: String
    let mount: String
    static func < (a: MountKey, b: MountKey) -> Bool { (a.host, a.mount) < (b.host, b.mount) }
}
