import ArchiveEngine
import Foundation

/// The center's own disk monitoring history (disk_sample): one sample a day at 06:00 for every storage
/// mount of the processing center, the data center, the offsite backup and each branch's NAS.
///
/// Healthy mounts grow slowly with a little noise and stay far from both thresholds. Injected mounts are
/// exactly linear, so any reasonable fit (least squares, first-to-last) gives the same forecast.
struct SampleDiskHistory {
    struct Mount { var host: String; var mount: String; var totalTB: Double }

    let options: SampleCenterOptions
    private var rng: SplitMix64

    init(options: SampleCenterOptions) {
        self.options = options
        rng = SplitMix64(seed: options.seed, stream: "disk-history")
    }

    static var mounts: [Mount] {
        var m = [Mount(host: "proc-scan-01", mount: "/data", totalTB: 40),
                 Mount(host: "dc-store-01", mount: "/archive", totalTB: 120),
                 Mount(host: "dc-store-01", mount: "/backup", totalTB: 160),
                 Mount(host: "dc-db-01", mount: "/var/lib/mysql", totalTB: 4),
                 Mount(host: "offsite-obs-01", mount: "/archive", totalTB: 200)]
        m += DongguanGazetteer.branches.map { Mount(host: "\($0.tag.lowercased())-nas-01", mount: "/archive", totalTB: 24) }
        return m
    }

    /// The demo's two disk events on mounts without an injected fault, when the history is long enough to
    /// show a series after each: the first big mount (≥ 100 TB) was expanded by half 200 days ago with its
    /// data kept; the first smaller one was cleaned up 90 days ago, freeing 10 % of its disk.
    static func event<S: Sequence>(of index: Int, _ faulty: S, days: Int) -> (daysAgo: Int, totalTBBefore: Double?, freedFraction: Double)?
    where S.Element == Int {
        let healthy = mounts.indices.filter { !faulty.contains($0) }
        let expanded = healthy.first { mounts[$0].totalTB >= 100 }
        let cleaned = healthy.first { mounts[$0].totalTB < 100 }
        if index == expanded && days >= 240 { return (200, mounts[index].totalTB / 1.5, 0) }
        if index == cleaned && days >= 120 { return (90, nil, 0.10) }
        return nil
    }

    /// Writes the samples; returns how many.
    mutating func write(into catalog: SampleCatalogWriter, injected: inout [ExpectedFinding]) throws -> Int {
        let usage = options.faults[DiskCheck.Code.usage.rawValue] ?? 0
        let forecast = options.faults[DiskCheck.Code.forecast.rawValue] ?? 0
        // Faulty mounts are drawn from a seeded shuffle so every seed hits other hosts.
        var order = Array(Self.mounts.indices)
        for i in order.indices.reversed() where i > 0 { order.swapAt(i, rng.int(0...i)) }
        var faultOf: [Int: (code: DiskCheck.Code, k: Int)] = [:]
        var cursor = 0
        for k in 0..<usage where cursor < order.count { faultOf[order[cursor]] = (.usage, k); cursor += 1 }
        for k in 0..<forecast where cursor < order.count { faultOf[order[cursor]] = (.forecast, k); cursor += 1 }

        let lastSample = BureauTime.startOfDay(options.at).addingTimeInterval(6 * 3600) <= options.at
            ? BureauTime.startOfDay(options.at).addingTimeInterval(6 * 3600)
            : BureauTime.startOfDay(options.at).addingTimeInterval(-18 * 3600)
        var written = 0
        for (index, m) in Self.mounts.enumerated() {
            let total = Int64(m.totalTB * 1_000_000_000_000)
            // Fractions of the disk: latest usage, growth per day, noise, days of history.
            var latest = rng.double(0.30..<0.62), slope = rng.double(0.00002..<0.0004), noise = 0.0015
            var days = max(2, options.diskHistoryDays)
            if let fault = faultOf[index] {
                noise = 0
                switch (fault.code, fault.k % 2) {
                case (.usage, 0): latest = 0.84; slope = 0.00005
                case (.usage, _): latest = 0.93; slope = 0.00002
                case (.forecast, 0): latest = 0.62; slope = 0.007; days = min(days, 45)
                default: latest = 0.74; slope = 0.013; days = min(days, 45)
                }
                let percent = Int((latest * 100).rounded())
                let daysToFull = Int(((1 - latest) / slope).rounded())
                let detail = fault.code == .usage
                    ? "最新采样使用率 \(percent)% (latest sample at \(percent) %)"
                    : "使用率 \(percent)%，每天增长 \(String(format: "%.1f", slope * 100))%，约 \(daysToFull) 天写满 (full in about \(daysToFull) days)"
                injected.append(ExpectedFinding(fault.code, host: m.host, mount: m.mount, injection: detail))
            }
            let event = options.diskEvents ? Self.event(of: index, faultOf.keys, days: days) : nil
            for d in stride(from: days - 1, through: 0, by: -1) {
                let t = lastSample.addingTimeInterval(-Double(d) * 86400)
                let jitter = noise > 0 ? rng.double(-noise..<noise) : 0
                var fraction = latest - slope * Double(d) + (d == 0 ? 0 : jitter)
                var capacity = total
                if let event, d >= event.daysAgo {
                    // Before a clean-up the disk held more; before an expansion the same bytes sat on a smaller disk.
                    fraction += event.freedFraction
                    if let smaller = event.totalTBBefore { capacity = Int64(smaller * 1_000_000_000_000) }
                }
                let used = Double(total) * min(0.999, max(0.01, fraction))
                try catalog.insert(SampleCatalogWriter.insertDiskSample,
                                   [m.host, m.mount, BureauTime.iso(t), capacity, Int64(min(used, Double(capacity) * 0.999).rounded())])
                written += 1
            }
        }
        return written
    }
}
