import ArchiveEngine
import ArchiveSamples
import ArgumentParser
import Foundation

/// `archive-ops check` — the daily inspection (每日巡检) of the center snapshot: runs the checks, stores the
/// run and its findings in the operations database, prints a Chinese summary or JSON lines, and exits
/// like a monitoring plugin (0 OK, 1 warning, 2 critical, 3 unknown).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "巡检中心快照并保存结果；退出码 0 正常 / 1 警告 / 2 严重 / 3 未知。 (Inspect the center; exits 0/1/2/3.)",
        discussion: """
        默认只完整检查有变化的案卷，其余按轮转切片在 fixity_cycle_days 天内全部复核一遍；首次运行与 --full 检查全部。
        By default only changed volumes plus a rotating slice are verified; the first run and --full verify everything.
        检查项 (check ids): \(CheckCatalog.all.map(\.id).joined(separator: ", "))
        """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("中心快照目录（覆盖配置中的 center）。 Center snapshot folder.", valueName: "DIR"))
    var center: String?

    @Option(name: .customLong("seal-cert"), help: ArgumentHelp("受信任的签章证书 PEM（覆盖配置）。 Trusted seal certificate.", valueName: "PEM"))
    var sealCert: String?

    @Option(name: .customLong("mount"), help: ArgumentHelp("本机需要检查空间的挂载点，可重复（覆盖配置）。 Mount to check; repeatable.", valueName: "PATH"))
    var mounts: [String] = []

    @Option(name: .long,
            help: ArgumentHelp("巡检时间（默认现在），如 2023-06-30T07:30:00+08:00 或 \"2023-06-30 07:30\"。 Inspection time.", valueName: "TIME"))
    var at: String?

    @Option(name: .long, help: ArgumentHelp("只运行这些检查项，逗号分隔，如 sync,seal。 Only these checks.", valueName: "IDS"))
    var only: String?

    @Flag(name: .long, help: "检查全部案卷的文件（周末全量、验收）。 Verify every volume's files.")
    var full = false

    @Flag(name: .long, help: "以 JSON 行输出（首行为运行信息，其后每行一个问题）。 Print JSON lines.")
    var json = false

    @OptionGroup var pace: ReadingPace

    @Option(name: .customLong("site"),
            help: ArgumentHelp("只检查这些站点的存储，可重复（多主机部署时每台主机检查自己的站点，结果由中心主机 import inspections 汇总）。 Inspect only this site's store; repeatable.", valueName: "ID"))
    var sites: [String] = []

    @Option(name: .long, help: ArgumentHelp("读取与校验文件的线程数（默认为 CPU 核数；结果与线程数无关）。 Worker threads (default: all cores).", valueName: "N"))
    var workers: Int?

    @Flag(name: .long, help: "不显示进度，摘要只打印结果行。 No progress line; summary status line only.")
    var quiet = false

    func run() throws {
        do {
            try inspect()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("巡检未能完成 UNKNOWN: \(error)\n".utf8))
            // Monitoring reading --json gets one line saying so, not an empty output.
            if json { print(InspectionJSONLines.unknown(reason: "\(error)")) }
            throw ExitCode(3)
        }
    }

    func validate() throws {
        if let workers, workers < 1 || workers > 256 {
            throw ValidationError("--workers \(workers) 无效：请写 1 到 256 之间的整数。 (workers must be 1…256)")
        }
    }

    private func inspect() throws {
        let workspace = options.value
        let config = try workspace.configuration()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let centerURL = center.map({ URL(fileURLWithPath: $0, relativeTo: cwd) }) ?? config.center.map(workspace.resolve) else {
            throw CenterError.notConfigured
        }
        var inspection = InspectionOptions(center: centerURL.standardizedFileURL, at: try inspectionTime())
        inspection.sealCertificate = sealCert.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? config.sealCertificate.map(workspace.resolve)
        inspection.mounts = mounts.isEmpty ? config.mounts : mounts
        inspection.storeRoots = config.storeRoots.map(workspace.resolve)
        inspection.only = only.map { $0.split(separator: ",").map(String.init) }
        inspection.full = full
        inspection.maxReadMBps = pace.maxReadMBps
        inspection.workers = workers
        inspection.sites = sites.isEmpty ? nil : sites
        inspection.nice = pace.nice
        inspection.thresholds = config.thresholds
        pace.applyPriority()
        let phases = PhaseTimes()
        inspection.phases = phases
        defer { phases.printIfEnabled() }
        let store = try phases.measure("open workspace") { try workspace.openStore() }
        let report = try InspectionRunner.run(inspection, store: store, progress: ProgressReporter(force: quiet ? false : nil))
        // A new run every time, even when another check started in the same second; run, capacity,
        // enterprises and audit line in one transaction.
        let run = try phases.measure("save run") {
            try store.saveCheckRun(report) { run in
                AuditEntry(at: Date(), command: "check",
                           summary: "巡检 \(run.id)：\(report.findings.count) 个问题，\(report.run.coverage ?? "")")
            }
        }
        let demoWarning = inspection.sealCertificate.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
            .flatMap { DemoSeal.isDemo(pem: $0) ? Self.demoSealWarning($0) : nil }
        if json {
            if let demoWarning { Standard.error(demoWarning) }
            print(InspectionJSONLines.header(run, diskSamples: report.diskReadings.filter { $0.source == .statvfs }))
            for f in report.findings { print(f.jsonLine()) }
            for note in report.notes { FileHandle.standardError.write(Data("无法检查 UNKNOWN \(note.line)\n".utf8)) }
        } else {
            print(InspectionSummary.text(report, quiet: quiet))
            if let demoWarning { print(demoWarning) }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func inspectionTime() throws -> Date {
        guard let at else { return Date() }
        guard let date = BureauTime.parse(at, allowDateOnly: true) else {
            throw ValidationError("无法识别的巡检时间 --at \(at)。请写成 2023-06-30T07:30:00+08:00 或 \"2023-06-30 07:30\"。 (unrecognised time)")
        }
        return date
    }

    /// Anyone can derive the demo seal's key, so seals "verified" against it prove nothing.
    static func demoSealWarning(_ pem: String) -> String {
        "警告：受信任的签章证书是 ArchiveOps 演示证书，任何人都能用它签出“有效”的签章，签章检查结果不能作为验收依据。请在 archive-ops.yaml 的 seal_certificate 中配置市局的正式签章证书。 (warning: the trusted seal certificate is the demo certificate)"
    }
}
