import ArchiveEngine
import ArchiveSamples
import Foundation

/// The demo's archive center: a sample center in `<workspace>/center/`, its trusted seal certificate in
/// `<workspace>/seal.pem`, its manifest in `<workspace>/sample-center.json`, and the workspace
/// configuration pointing at both — so `archive-ops check` in a demo workspace inspects a real-looking
/// center with one or two problems of every kind.
enum DemoCenter {
    static let folderName = "center"
    static let sealFileName = "seal.pem"
    static let manifestFileName = "sample-center.json"
    /// Marks a center folder as made by the demo (so a rerun may replace it) and records its options.
    static let markerFileName = ".archive-ops-demo-center"

    /// A year of disk history with one expansion and one clean-up, so the sizing page has something to show.
    static var options: SampleCenterOptions {
        var o = SampleCenterOptions(enterprises: 300, seed: "dongguan-demo", queryDays: 30, diskHistoryDays: 365)
        o.diskEvents = true
        return o
    }

    /// Makes (or reuses) the demo center and points the configuration at it; returns its manifest.
    @discardableResult
    static func prepare(in workspace: Workspace) throws -> SampleCenterManifest {
        let fm = FileManager.default
        let center = workspace.root.appendingPathComponent(folderName, isDirectory: true)
        let marker = center.appendingPathComponent(markerFileName)
        let manifestURL = workspace.root.appendingPathComponent(manifestFileName)
        let options = options
        let fingerprint = "seed=\(options.seed) enterprises=\(options.enterprises) query_days=\(options.queryDays)"
            + " disk_days=\(options.diskHistoryDays) disk_events=\(options.diskEvents)"
            + " at=\(BureauTime.iso(options.at))\n"

        var manifest: SampleCenterManifest?
        if fm.fileExists(atPath: center.path) {
            guard fm.fileExists(atPath: marker.path) else {
                throw DemoCenterError.foreignFolder(center.path)
            }
            if (try? String(contentsOf: marker, encoding: .utf8)) == fingerprint,
               let data = try? Data(contentsOf: manifestURL),
               let existing = try? JSONDecoder().decode(SampleCenterManifest.self, from: data) {
                manifest = existing
            } else {
                try fm.removeItem(at: center)
            }
        }
        let result: SampleCenterManifest
        if let manifest {
            result = manifest
        } else {
            print("正在生成演示档案中心 (generating the demo archive center): \(center.path)")
            let progress = SampleCenterProgress()
            result = try SampleCenter.generate(into: center, options: options, progress: progress.report)
            progress.finish()
            try Data(fingerprint.utf8).write(to: marker)
            try SampleCenterManifestFile.write(result, to: manifestURL)
        }
        try Data(result.sealCertificatePEM.utf8).write(to: workspace.root.appendingPathComponent(sealFileName), options: .atomic)
        try pointConfiguration(of: workspace)
        return result
    }

    /// Sets `center: center` and `seal_certificate: seal.pem` in archive-ops.yaml, keeping its comments.
    static func pointConfiguration(of workspace: Workspace) throws {
        var text = (try? String(contentsOf: workspace.configurationURL, encoding: .utf8)) ?? WorkspaceConfiguration.commentedTemplate
        text = setting(text, key: "center", value: folderName)
        text = setting(text, key: "seal_certificate", value: sealFileName)
        text = withDemoInventory(text)
        try Data(text.utf8).write(to: workspace.configurationURL, options: .atomic)
    }

    /// `text` with the commented hardware example replaced by the demo center's inventory (kept when the
    /// file already has a `hardware:` section).
    static func withDemoInventory(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.contains(where: { $0.hasPrefix("hardware:") }) else { return text }
        if let start = lines.firstIndex(of: "# hardware:") {
            var end = start
            while end < lines.count && lines[end].hasPrefix("#") { end += 1 }
            lines.removeSubrange(start..<end)
        }
        while lines.last == "" { lines.removeLast() }
        return (lines + ["", demoInventory]).joined(separator: "\n")
    }

    /// The demo center's hardware (hosts as in its disk history); one printer driver and one kiosk
    /// interface are missing on purpose, so the checklist has something to mark.
    static let demoInventory = """
    # 演示中心的硬件清单 (the demo center's inventory)
    hardware:
      servers:
        - { name: dc-db-01, role: 数据库与查询服务, site: dc, model: 浪潮 NF5280M6, cpu: Intel Xeon Silver 4314 ×2, cores: 32, ram_gb: 128,
            raid: raid10, disks: [{ count: 4, size_tb: 1.92, kind: ssd, interface: SATA }], os: 银河麒麟 V10 }
        - { name: dc-app-01, role: 应用与查询接口, site: dc, model: 浪潮 NF5270M6, cpu: Intel Xeon Silver 4310, cores: 12, ram_gb: 32,
            raid: raid1, disks: [{ count: 2, size_tb: 0.96, kind: ssd }], os: 银河麒麟 V10 }
        - { name: dc-store-01, role: 档案存储, site: dc, model: 华为 OceanStor 5310, cores: 16, ram_gb: 64, raid: raid6, disks: [{ count: 24,
            size_tb: 8, kind: hdd, interface: SAS }] }
        - { name: proc-scan-01, role: 扫描加工存储, site: processing, cores: 16, ram_gb: 64, raid: raid5, disks: [{ count: 8, size_tb: 8,
            kind: hdd, interface: SATA }] }
      storage:
        - { site: processing, host: proc-scan-01, mount: /data, raid: raid5, raid_disks: 8, copies: 1 }
        - { site: dc, host: dc-store-01, mount: /archive, raid: raid6, raid_disks: 12, copies: 1 }
        - { site: dc, host: dc-store-01, mount: /backup, raid: raid6, raid_disks: 12, copies: 1 }
        - { site: offsite, host: offsite-obs-01, mount: /archive, copies: 1 }
        - { site: branch-humen, host: hm-nas-01, mount: /archive, raid: raid5, raid_disks: 4, copies: 1 }
      clients:
        - { name: 档案查询工作站, count: 30, model: 联想 开天 M740J, cpu: 兆芯 KX-U6780A, cores: 8, ram_gb: 16, disk_gb: 512, os: 统信 UOS 20,
            interfaces: [USB 3.0, USB 2.0, 千兆网口, HDMI] }
        - { name: 分局窗口电脑, count: 26, cores: 4, ram_gb: 4, disk_gb: 256, os: Windows 7, interfaces: [USB 2.0, 百兆网口] }
      kiosks:
        - { name: 自助查询一体机, count: 40, model: 华视 自助终端 K21, cores: 4, ram_gb: 8, disk_gb: 128, os: Windows 10 IoT, interfaces: [USB 2.0,
            千兆网口, RS-232] }
      printers:
        - { model: 柯尼卡美能达 bizhub 958, count: 6, pages_per_minute: 95, interfaces: [千兆网口, USB 2.0], drivers: [Windows, 统信 UOS],
            attached_to: 档案查询工作站 }
        - { model: 惠普 LaserJet M406dn, count: 26, pages_per_minute: 40, interfaces: [USB 2.0, 千兆网口], drivers: [Windows],
            attached_to: 分局窗口电脑 }
      id_card_readers:
        - { model: 华视电子 CVR-100UC, count: 40, interfaces: [USB], drivers: [Windows], attached_to: 自助查询一体机 }
        - { model: 神思 SS628-100, count: 30, interfaces: [USB], attached_to: 档案查询工作站 }

    """

    /// `text` with the (possibly commented-out) top-level line of `key` replaced by `key: value`.
    static func setting(_ text: String, key: String, value: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let line = "\(key): \(value)"
        if let i = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) ?? lines.firstIndex(where: { $0.hasPrefix("# \(key):") }) {
            lines[i] = line
        } else {
            if lines.last == "" { lines.removeLast() }
            lines += [line, ""]
        }
        return lines.joined(separator: "\n")
    }
}

enum DemoCenterError: Error, CustomStringConvertible {
    case foreignFolder(String)

    var description: String {
        switch self {
        case .foreignFolder(let path):
            return "\(path) 已存在但不是演示生成的档案中心；请移走它或换一个 --workspace。 (folder exists and was not made by the demo)"
        }
    }
}

extension DemoStep {
    static let prepareCenter = DemoStep(title: "准备示例档案中心 (prepare the sample center)") { context in
        let manifest = try DemoCenter.prepare(in: context.workspace)
        return "\(context.workspace.root.appendingPathComponent(DemoCenter.folderName).path)，注入问题 \(manifest.injected.count) 个"
    }
}
