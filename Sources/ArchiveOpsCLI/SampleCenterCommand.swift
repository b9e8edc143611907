import ArchiveEngine
import ArchiveSamples
import ArgumentParser
import Foundation

/// `archive-ops sample-center DIR` — writes a realistic sample center (catalog, file stores, sealed PDFs,
/// query log, disk history) with injected problems, for demos, tests and benchmarks.
struct SampleCenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-center",
        abstract: "生成带有注入故障的样例档案中心快照。 (Write a sample archive center with injected problems.)",
        discussion: """
        在 DIR 写入 catalog.sqlite 与 stores/；在 DIR 旁写入 sample-center.json（注入的问题清单与受信任的签章证书）。
        Writes catalog.sqlite and stores/ into DIR, and sample-center.json (injected problems, trusted seal
        certificate) next to DIR.

        示例 (example):  archive-ops sample-center /tmp/center --enterprises 40000 --seed bench --faults 2
        """)

    @Argument(help: ArgumentHelp("快照目录（必须不存在或为空）。 Snapshot folder (must be new or empty).", valueName: "DIR"))
    var directory: String

    @Option(help: "企业数量 (number of enterprises; about 2.5 volumes each).")
    var enterprises: Int = 300

    @Option(help: "随机种子：相同种子生成相同中心 (seed: the same seed gives the same center).")
    var seed: String = "dongguan"

    @Option(help: ArgumentHelp("巡检时间，如 2023-06-30T07:30:00+08:00 (inspection time).", valueName: "TIME"))
    var at: String?

    @Option(help: ArgumentHelp("每个发现代码注入的故障数，或 none（干净中心）；默认每种 1–2 个 (faults per finding code, or none).", valueName: "N|none"))
    var faults: String?

    @Option(name: .customLong("query-days"), help: "查询日志天数 (days of query log).")
    var queryDays: Int = 30

    @Option(name: .customLong("max-pages"), help: "每卷最多页数 (maximum pages per volume).")
    var maxPages: Int = 30

    @Option(help: ArgumentHelp("清单文件路径（默认 DIR 旁的 sample-center.json） (manifest path).", valueName: "FILE"))
    var manifest: String?

    func validate() throws {
        guard enterprises > 0 else { throw ValidationError("--enterprises 必须大于 0 (must be positive)") }
        if let at, BureauTime.parse(at) == nil {
            throw ValidationError("--at 无法识别的时间 \(at)；请写成 2023-06-30T07:30:00+08:00 (unreadable time)")
        }
        if let faults, faults != "none", Int(faults).map({ $0 >= 0 }) != true {
            throw ValidationError("--faults 应为非负整数或 none，而不是 \(faults) (must be a count or none)")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL
        var options = SampleCenterOptions(enterprises: enterprises, seed: seed, queryDays: queryDays, maxPagesPerVolume: maxPages)
        if let at, let date = BureauTime.parse(at) { options.at = date }
        if let faults { options.faults = faults == "none" ? [:] : SampleCenterOptions.uniformFaults(Int(faults) ?? 0) }

        let started = Date()
        let reporter = SampleCenterProgress()
        // Generated into a staging folder beside DIR and renamed into place when complete, so a failed or
        // killed run never leaves a half center that the next run would refuse; a staging folder left by a
        // killed run is removed by the next one.
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path), !((try? fm.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty {
            throw SampleCenterError.notEmpty(target.path)
        }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        try? fm.removeItem(at: staging)
        let result: SampleCenterManifest
        do {
            result = try SampleCenter.generate(into: staging, options: options, progress: reporter.report)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: staging, to: target)
        } catch {
            reporter.finish()
            try? fm.removeItem(at: staging)
            throw error
        }
        reporter.finish()
        let manifestURL = manifest.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? target.deletingLastPathComponent().appendingPathComponent("sample-center.json")
        try SampleCenterManifestFile.write(result, to: manifestURL)

        let c = result.counts
        let seconds = Date().timeIntervalSince(started)
        print("样例中心已生成 (sample center written): \(target.path)")
        print("  站点 \(c.sites)，企业 \(c.enterprises)，案卷 \(c.volumes)（宽限期内 \(c.volumesInGracePeriod)），页面 \(c.pages)，文件 \(c.files)")
        print("  查询日志 \(c.queries) 条，磁盘采样 \(c.diskSamples) 条，注入问题 \(result.injected.count) 个，用时 \(String(format: "%.1f", seconds)) 秒")
        print("  巡检时间 \(result.inspectionTime)；查不到窗口 \(result.notFoundWindowStart) – \(result.notFoundWindowEnd)")
        print("  清单与受信任签章证书 (manifest, trusted seal certificate): \(manifestURL.path)")
    }
}

/// Writes the manifest as sorted, readable JSON.
enum SampleCenterManifestFile {
    static func write(_ manifest: SampleCenterManifest, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(manifest).write(to: url, options: .atomic)
    }
}

/// Progress on a terminal, silence in cron: a single rewritten line on stderr when it is a TTY.
final class SampleCenterProgress {
    private let enabled = isatty(fileno(stderr)) != 0
    private var lastPhase = ""

    func report(_ phase: String, _ done: Int, _ total: Int) {
        guard enabled else { return }
        lastPhase = phase
        FileHandle.standardError.write(Data("\r\(phase): \(done)/\(total)   ".utf8))
    }

    func finish() {
        if enabled && !lastPhase.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
