import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops compare OLD NEW` — the migration check (数据迁移核对): proves that the new copy holds every
/// volume of the old one with the same files, sizes, hashes, metadata.xml and a sealed PDF that still
/// verifies, names every difference with its likely cause, saves the result in the operations database
/// and exits like `check` (0 identical, 1 warnings, 2 critical, 3 unknown).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "核对迁移后的存储是否完整（数据迁移核对）；退出码同 check。 (Verify that NEW holds everything OLD holds.)",
        discussion: """
        OLD 与 NEW 各是一个中心快照（含 catalog.sqlite），或一个站点的存储文件夹（用 --old-catalog/--new-catalog 指定所属目录，
        --old-site/--new-site 指定站点）。两侧都只读；中断后再次运行同一命令会从中断处续传（--restart 重新开始）。
        OLD and NEW are each a center snapshot or one site's store with its catalog. Both are only read; an
        interrupted run resumes when the same command is run again.

        示例 (examples):
          archive-ops compare /mnt/old-center /mnt/new-center
          archive-ops compare /san/old/dc /san/new/dc --catalog /mnt/center/catalog.sqlite --site dc
        """)

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: ArgumentHelp("旧的一侧（迁移前）。 The old side.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("新的一侧（迁移后）。 The new side.", valueName: "NEW"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("两侧都只核对这个站点。 Compare only this site on both sides.", valueName: "ID"))
    var site: String?

    @Option(name: .customLong("old-site"), help: ArgumentHelp("旧侧的站点。 Site of the old side.", valueName: "ID"))
    var oldSite: String?

    @Option(name: .customLong("new-site"), help: ArgumentHelp("新侧的站点。 Site of the new side.", valueName: "ID"))
    var newSite: String?

    @Option(name: .long, help: ArgumentHelp("两侧存储所属的目录数据库。 Catalog of both store folders.", valueName: "FILE"))
    var catalog: String?

    @Option(name: .customLong("old-catalog"), help: ArgumentHelp("旧侧存储所属的目录数据库。 Catalog of the old store.", valueName: "FILE"))
    var oldCatalog: String?

    @Option(name: .customLong("new-catalog"), help: ArgumentHelp("新侧存储所属的目录数据库。 Catalog of the new store.", valueName: "FILE"))
    var newCatalog: String?

    @OptionGroup var sealCertificate: SealCertificateOption

    @Flag(name: .long, help: "不续传中断的核对，重新开始。 Start afresh instead of resuming.")
    var restart = false

    @Flag(name: .long, help: "以 JSON 行输出（首行为核对信息，其后每行一处差异）。 Print JSON lines.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("同时核对的企业文件夹数（默认 CPU 核数，最多 4）；结果与之无关。 Folders compared at once.",
                                            valueName: "N"))
    var jobs: Int?

    @OptionGroup var pace: ReadingPace

    @Flag(name: .long, help: "不显示进度。 No progress line.")
    var quiet = false

    func run() throws {
        do {
            try compare()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Standard.error("核对未能完成 UNKNOWN: \(error)")
            if json { print(InspectionJSONLines.unknown(reason: "\(error)")) }
            throw ExitCode(3)
        }
    }

    private func compare() throws {
        let workspace = options.value
        let config = try workspace.configuration()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0, relativeTo: cwd) } }
        let roots = config.storeRoots.map(workspace.resolve)
        let oldSide = try ComparisonSide.open(url(old)!, site: oldSite ?? site, catalogFile: url(oldCatalog ?? catalog),
                                              allowedStoreRoots: roots)
        let newSide = try ComparisonSide.open(url(new)!, site: newSite ?? site, catalogFile: url(newCatalog ?? catalog),
                                              allowedStoreRoots: roots)
        var run = ComparisonOptions(old: oldSide, new: newSide)
        run.sealCertificatePEM = try sealCertificate.pem(in: workspace, configuration: config)
        run.maxReadMBps = pace.maxReadMBps
        run.restart = restart
        if let jobs { run.workers = max(1, min(16, jobs)) }
        pace.applyPriority()
        let store = try workspace.openStore()
        let result = try ComparisonRunner.run(run, store: store, progress: ProgressReporter(force: quiet ? false : nil))
        try store.recordAudit(AuditEntry(at: Date(), command: "compare",
                                         summary: "数据迁移核对 \(result.id)：\(result.differences.count) 处差异，\(result.files) 个文件"))
        if json {
            print(ComparisonOutput.header(result))
            for d in result.differences { print(d.jsonLine()) }
            for note in result.notes { Standard.error("无法核对 UNKNOWN \(note)") }
        } else {
            print(ComparisonOutput.text(result, quiet: quiet))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
