import ArchiveEngine
import Forecasting
import Foundation

/// 存储设备空间规划 for one site: how much its archive grows in 1, 3 and 5 years, and what storage to buy
/// so that every copy still fits under the warning line.
///
/// For each storage of the site (a mount in the inventory's `storage:`):
/// need = (used now + growth × copies) ÷ warning line; buy (usable) = need − capacity now;
/// buy (raw disk) = buy (usable) × RAID overhead. The growth comes with its prediction interval, and so
/// does every figure derived from it.
public struct StoragePlan: Codable, Hashable, Sendable {
    public var siteID: String
    public var siteName: String
    public var volumes: Int
    public var pages: Int
    /// The site's archive bytes at the latest month end.
    public var archiveBytes: Double?
    /// The forecast of the site's archive bytes (monthly series).
    public var growthForecast: CapacityForecast
    public var storages: [Storage]
    public var horizons: [Horizon]

    /// One storage that holds copies of the site's archive.
    public struct Storage: Codable, Hashable, Sendable {
        public var host: String?
        public var mount: String?
        public var copies: Int
        public var raid: RAIDLevel?
        public var raidDisks: Int?
        /// Raw ÷ usable (1.2 for RAID 6 over 12 disks).
        public var raidOverhead: Double
        /// The mount's latest reading, when disk samples exist for it.
        public var usedNow: Double?
        public var capacityNow: Double?
        /// What the inventory did not say about this storage.
        public var missing: [String]
    }

    public struct Horizon: Codable, Hashable, Sendable {
        public var years: Int
        public var growth: SizingFigure
        public var needUsable: SizingFigure
        public var buyUsable: SizingFigure
        public var buyRaw: SizingFigure
    }

    static func make(_ site: SiteArchiveGrowth, inventory: HardwareInventory, mounts: [MountForecast],
                     policy: ForecastPolicy, asOf: Date, assumptions: SizingAssumptions) -> StoragePlan {
        let forecast = CapacityForecaster.forecast(site.bytes, asOf: asOf, policy: policy)
        let archiveBytes = forecast.latest?.used
        let line = policy.warningPercent / 100
        var storages = inventory.storage.filter { $0.site == site.siteID }.map { s -> Storage in
            let reading = mounts.first { $0.host == s.host && $0.mount == s.mount }?.forecast.latest
            var missing: [String] = []
            if s.raid == nil { missing.append("清单未填写 RAID 级别，按无冗余计 (RAID level not in the inventory)") }
            if s.raid == .raid5 || s.raid == .raid6, s.raidDisks == nil {
                missing.append("清单未填写 RAID 组盘数，按该级别最少盘数计 (RAID group size not in the inventory)")
            }
            if reading == nil {
                missing.append(s.host == nil || s.mount == nil
                               ? "清单未填写该存储的主机与挂载点，无法对照磁盘采样 (host/mount not in the inventory)"
                               : "没有 \(s.host ?? "") \(s.mount ?? "") 的磁盘采样 (no disk samples for \(s.host ?? "") \(s.mount ?? ""))")
            }
            let level = s.raid ?? .none
            return Storage(host: s.host, mount: s.mount, copies: s.copies, raid: s.raid, raidDisks: s.raidDisks,
                           raidOverhead: 1 / level.usableFraction(disks: s.raidDisks ?? level.minimumDisks),
                           usedNow: reading?.used, capacityNow: reading?.total, missing: missing)
        }
        if storages.isEmpty {
            storages = [Storage(host: nil, mount: nil, copies: 1, raid: nil, raidDisks: nil, raidOverhead: 1,
                                usedNow: nil, capacityNow: nil,
                                missing: ["清单未填写该站点的存储（storage），按 1 份、无 RAID、只存档案本身计 (site storage not in the inventory)"])]
        }
        let horizons = assumptions.horizonsYears.map { years -> Horizon in
            horizon(years: years, forecast: forecast, archiveBytes: archiveBytes, storages: storages, line: line, policy: policy)
        }
        return StoragePlan(siteID: site.siteID, siteName: site.siteName, volumes: site.volumes, pages: site.pages,
                           archiveBytes: archiveBytes, growthForecast: forecast, storages: storages, horizons: horizons)
    }

    static func horizon(years: Int, forecast: CapacityForecast, archiveBytes: Double?, storages: [Storage],
                        line: Double, policy: ForecastPolicy) -> Horizon {
        let days = 365.25 * Double(years)
        let label = "\(years) 年"
        let yearsEN = years == 1 ? "1 year" : "\(years) years"
        let method = forecast.model?.method
        let methodEN = method?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "—"
        let linePercent = SizingText.percent(line * 100)
        let assumptions = [
            "增长取站点档案字节数的预测（\(method?.chineseName ?? "—")），区间为 \(Int(policy.intervalLevel * 100)) % 预测区间"
                + " (growth is the forecast of the site's archive bytes (\(methodEN)),"
                + " with its \(Int(policy.intervalLevel * 100)) % prediction interval)",
            "每份副本增长相同；使用率保持在警告线 \(linePercent) 以下 (every copy grows the same; usage kept under the warning line of \(linePercent))",
        ]
        guard let p = forecast.projection(afterDays: days), let now = forecast.model?.value(afterDays: 0) else {
            let reason = forecast.reasonText ?? "无法预测 (no forecast)"
            let none = { (name: String) in
                SizingFigure(label: name, value: nil, unit: .bytes, formula: "—", assumptions: assumptions, missing: [reason])
            }
            return Horizon(years: years, growth: none("\(label)增长 (growth in \(yearsEN))"),
                           needUsable: none("\(label)所需可用容量 (usable capacity needed in \(yearsEN))"),
                           buyUsable: none("\(label)需新增可用容量 (usable capacity to add in \(yearsEN))"),
                           buyRaw: none("\(label)需新增裸容量 (raw capacity to add in \(yearsEN))"))
        }
        let growth = (max(0, p.expected - now), max(0, p.low - now), max(0, p.high - now))
        let growthFigure = SizingFigure(
            label: "\(label)增长 (growth in \(yearsEN))", value: growth.0, low: growth.1, high: growth.2, unit: .bytes,
            formula: "预测值(\(SizingText.number(days, digits: 0)) 天后) \(SizingText.bytes(p.expected)) − 当前拟合值 " +
                "\(SizingText.bytes(now)) = \(SizingText.bytes(growth.0))" +
                " (forecast after \(SizingText.number(days, digits: 0)) days \(SizingText.bytes(p.expected)) − fitted value now " +
                "\(SizingText.bytes(now)) = \(SizingText.bytes(growth.0)))",
            assumptions: assumptions)
        // Each bound of the interval goes through the same arithmetic, storage by storage.
        func need(_ g: Double) -> [Double] {
            storages.map { s in ((s.usedNow ?? (archiveBytes ?? 0) * Double(s.copies)) + g * Double(s.copies)) / line }
        }
        func buy(_ g: Double) -> [Double] {
            zip(need(g), storages).map { n, s in max(0, n - (s.capacityNow ?? 0)) }
        }
        func raw(_ g: Double) -> [Double] { zip(buy(g), storages).map { $0 * $1.raidOverhead } }
        let sum = { (v: [Double]) in v.reduce(0, +) }
        let missing = storages.flatMap(\.missing)
        let needTerms = storages.map { s in
            "(\(SizingText.bytes(s.usedNow ?? (archiveBytes ?? 0) * Double(s.copies))) + \(SizingText.bytes(growth.0)) × " +
                "\(s.copies)) ÷ \(linePercent)"
        }
        let buyTerms = zip(need(growth.0), storages).map { n, s in
            "max(0, \(SizingText.bytes(n)) − \(SizingText.bytes(s.capacityNow ?? 0)))"
        }
        let rawTerms = zip(buy(growth.0), storages).map { b, s in
            "\(SizingText.bytes(b)) × \(String(format: "%.2f", s.raidOverhead))"
        }
        return Horizon(
            years: years, growth: growthFigure,
            needUsable: SizingFigure(
                label: "\(label)所需可用容量 (usable capacity needed in \(yearsEN))",
                value: sum(need(growth.0)), low: sum(need(growth.1)), high: sum(need(growth.2)),
                unit: .bytes, formula: needTerms.joined(separator: " + ") + " = \(SizingText.bytes(sum(need(growth.0))))",
                assumptions: assumptions + ["现已用取挂载点最新采样；无采样时按 档案字节数 × 副本数 计"
                    + " (used now is the mount's latest sample; without samples, archive bytes × copies)"], missing: missing),
            buyUsable: SizingFigure(
                label: "\(label)需新增可用容量 (usable capacity to add in \(yearsEN))",
                value: sum(buy(growth.0)), low: sum(buy(growth.1)), high: sum(buy(growth.2)),
                unit: .bytes, formula: buyTerms.joined(separator: " + ") + " = \(SizingText.bytes(sum(buy(growth.0))))",
                assumptions: ["现有容量取挂载点最新采样的总容量；无采样时按 0 计（即全部新购）"
                    + " (capacity now is the total of the mount's latest sample; without samples 0, i.e. all bought new)"],
                missing: missing),
            buyRaw: SizingFigure(
                label: "\(label)需新增裸容量 (raw capacity to add in \(yearsEN))",
                value: sum(raw(growth.0)), low: sum(raw(growth.1)), high: sum(raw(growth.2)),
                unit: .bytes, formula: rawTerms.joined(separator: " + ") + " = \(SizingText.bytes(sum(raw(growth.0))))",
                assumptions: ["RAID 开销 = 裸容量 ÷ 可用容量：RAID 1/10 为 2，RAID 5 为 n/(n−1)，RAID 6 为 n/(n−2)（n 为 RAID 组盘数）"
                    + " (RAID overhead = raw ÷ usable capacity: 2 for RAID 1/10, n/(n−1) for RAID 5, n/(n−2) for RAID 6,"
                    + " n being the disks of the RAID group)"],
                missing: missing))
    }
}

/// A mount's forecast, as the sizing page and the dashboard show it.
public struct MountForecast: Codable, Hashable, Sendable {
    public var host: String
    public var mount: String
    public var forecast: CapacityForecast
}
