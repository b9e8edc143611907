import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops repair-plan` — writes a reviewed repair plan (修复计划) for the latest inspection's open sync,
/// seal and anomaly findings: a bash script that a person reads and runs; this command never runs it and
/// never writes to the center.
struct RepairPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair-plan",
        abstract: "根据最近一次巡检生成待审阅的修复脚本（不执行）。 (Write a reviewed repair script; never run by ArchiveOps.)",
        discussion: """
        缺失或损坏的文件从哈希与目录一致的站点复制（复制前后校验哈希，先写临时名再改名）；过期的编辑锁给出 SQL；
        错放与错乱的案卷给出移动命令；每一步都注明修复的问题和撤销方法。没有可用副本时如实说明。
        Missing or corrupt files are copied from a site whose copy matches the catalog; stale locks get SQL;
        misfiled and misplaced volumes get moves; every step names its finding and its undo.

        示例 (example):  archive-ops repair-plan --output repair.sh && less repair.sh && bash repair.sh
        """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("中心快照目录（默认为该次巡检的中心）。 Center snapshot folder.", valueName: "DIR"))
    var center: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("巡检编号（默认最近一次）。 Inspection run id (default: the latest).", valueName: "ID"))
    var runID: String?

    @OptionGroup var sealCertificate: SealCertificateOption

    @Option(name: .long, help: ArgumentHelp("脚本写到哪里（默认 repair-plan-<巡检编号>.sh）。 Where to write the script.", valueName: "FILE"))
    var output: String?

    @OptionGroup var pace: ReadingPace

    func run() throws {
        let workspace = options.value
        let config = try workspace.configuration()
        let store = try workspace.openStore()
        let runs = try store.inspectionRuns()
        guard let chosen = runID.map({ id in runs.first { $0.id == id } }) ?? runs.last else {
            throw CLIMessage(runID.map { "没有编号为 \($0) 的巡检。请用 archive-ops stats 或报告查看巡检编号。 (no such run)" }
                             ?? "运维数据库中还没有巡检记录。请先运行 archive-ops check --full。 (no inspection yet)")
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let centerURL = center.map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? config.center.map(workspace.resolve)
            ?? URL(fileURLWithPath: chosen.center)
        let snapshot = try CenterSnapshot(root: centerURL.standardizedFileURL, allowedStoreRoots: config.storeRoots.map(workspace.resolve))
        let pem = try sealCertificate.pem(in: workspace, configuration: config)
        pace.applyPriority()
        let planner = try RepairPlanner(snapshot: snapshot, sealCertificatePEM: pem, maxReadMBps: pace.maxReadMBps)
        let findings = try store.findings(ofRun: chosen.id)
        let steps = try planner.plan(findings)
        let script = RepairScript.render(steps, header: .init(runID: chosen.id, center: snapshot.root.path, generatedAt: Date()))
        let target = URL(fileURLWithPath: output ?? "repair-plan-\(chosen.id).sh", relativeTo: cwd)
        try Data(script.utf8).write(to: target, options: .atomic)
        let fixed = Set(steps.filter(\.fixes).map { "\($0.finding.code)|\($0.finding.site ?? "")|\($0.finding.volume ?? "")" })
        let manual = steps.filter { !$0.fixes }.count
        try store.recordAudit(AuditEntry(at: Date(), command: "repair-plan",
                                         summary: "修复计划 \(target.lastPathComponent)：巡检 \(chosen.id)，\(steps.count) 步"))
        print("修复计划已写入 \(target.path)（巡检 \(chosen.id)）：\(steps.count) 步，涉及 \(fixed.count) 个问题，\(manual) 项需人工处理。")
        print("请审阅后执行：bash \(target.path)；ArchiveOps 不会执行它。 (review, then run it yourself)")
    }
}
