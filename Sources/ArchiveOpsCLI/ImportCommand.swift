import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops import tickets|queries|inspections FILE` — reads an export into the operations database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入运维任务单、档案查询量或巡检结果到运维数据库。 (Import tickets, query statistics or inspection results.)",
        discussion: """
        每个文件先整体校验：只要有一行有误，整个文件都不导入，数据库不变，并列出每个错误行的行号、列名、取值和原因。
        加 --skip-bad 则只导入正确的行，错误行写入输入文件旁的 <文件名>.rejected.csv（UTF-8 带 BOM，可用 Excel 打开修改后重新导入）。
        同一文件重复导入不会产生任何改动；已有编号的记录会被更新。编码自动识别（BOM → UTF-8 → GB18030），也可用 --encoding 指定。
        每次导入都记入操作记录（文件路径、SHA-256、新增/更新/未变/拒绝行数）。

        Every file is validated whole first: one bad row rejects the whole file and nothing changes.
        With --skip-bad the good rows are imported and the bad ones written to <file>.rejected.csv.
        Importing the same file twice changes nothing. Every import is recorded in the audit trail.

        退出码 (exit codes): 0 成功 (imported) · 1 文件有误被拒绝或无法读取 (rejected or unreadable) · 64 用法错误 (usage)
        """,
        subcommands: [ImportTicketsCommand.self, ImportQueriesCommand.self, ImportInspectionsCommand.self]
    )
}

/// The options every import shares.
struct ImportArguments: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("要导入的文件。 The file to import.", valueName: "FILE"))
    var file: String

    @Option(name: .long,
            help: ArgumentHelp("强制文件编码: utf-8、gb18030 或 gbk（默认自动识别）。 Force the encoding (default: detect).", valueName: "ENCODING"))
    var encoding: String?

    @Flag(name: .long, help: "只导入正确的行，错误行写入 <文件名>.rejected.csv。 Import the good rows; write the bad ones to <file>.rejected.csv.")
    var skipBad = false

    func validate() throws {
        if let encoding, TextEncodingChoice(argument: encoding) == nil {
            throw ValidationError("不支持的编码 “\(encoding)”，可用: utf-8、gb18030、gbk。 (unsupported encoding)")
        }
    }

    var fileURL: URL {
        URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// Opens the workspace's store and runs `body`, turning every failure into a message on stderr and a
    /// non-zero exit; the summary goes to stdout.
    func run(_ kind: ImportKind, _ body: (OperationsStore, ImportOptions) throws -> ImportSummary) throws {
        let ws = workspace.value
        do {
            guard ws.isInitialized || FileManager.default.fileExists(atPath: ws.databaseURL.path) else {
                throw CLIMessage("工作目录 \(ws.root.path) 尚未初始化。请先运行 archive-ops init --workspace \(ws.root.path)。"
                                 + " (workspace not initialized; run archive-ops init)")
            }
            let configuration = try ws.configuration()
            let store = try ws.openStore()
            let options = ImportOptions(encoding: encoding.flatMap(TextEncodingChoice.init(argument:)), skipBad: skipBad,
                                        serviceLevels: configuration.sla)
            let summary = try body(store, options)
            ImportReport.print(summary)
        } catch {
            Standard.error("导入失败 (import failed): \(error)")
            throw ExitCode.failure
        }
    }
}

struct ImportTicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "导入统一报障平台导出的运维任务单 CSV。 (Import a ticket export CSV.)",
        discussion: """
        表头可用中文或英文别名，顺序不限，多余的列忽略。必需列: 工单编号(ticket_id) 报障时间(reported_at) 问题类别(category)
        紧急程度(priority) 问题描述(description) 状态(status)；可选: 报障单位(unit) 报障人(reporter) 响应时间(responded_at)
        到场时间(onsite_at) 解决时间(resolved_at) 处理过程(actions) 处理结果(resolution) 处理人(engineer)。
        时间须满足 报障 ≤ 响应 ≤ 到场 ≤ 解决。导入时按配置的服务级别计算响应、到场、解决分钟数及是否达标。

        例 (example):  archive-ops import tickets 运维任务单-2023.csv
        """)

    @OptionGroup var arguments: ImportArguments

    func run() throws {
        try arguments.run(.tickets) { store, options in
            try TicketImporter(store: store, options: options).importFile(at: arguments.fileURL)
        }
    }
}

struct ImportQueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries",
        abstract: "导入档案查询量：汇总 CSV 或中心快照的 catalog.sqlite（query_log 明细）。 (Import query totals or a query_log.)",
        discussion: """
        汇总 CSV 的列: 统计期间(period，如 2022、2023-H1、2023-06、2023-06-30) 渠道(channel，可省略，默认 合计)
        查询量(queries) 查无结果(not_found，可选)。
        SQLite 文件以只读方式打开，逐行读取 query_log（百万行内存不增长），并按明细重新统计涉及各天的分渠道日查询量。

        例 (examples):  archive-ops import queries 查询量汇总.csv
                        archive-ops import queries /mnt/archive-center/catalog.sqlite
                        archive-ops import queries --center 二中心 /mnt/center-2/catalog.sqlite
        """)

    @OptionGroup var arguments: ImportArguments

    @Option(name: .long,
            help: ArgumentHelp("查询明细所属中心的名称（导入另一个中心的 catalog.sqlite 时用，id 只在一个中心内唯一）。"
                               + " Name of the center a query_log belongs to (keeps two centers' logs apart).",
                               valueName: "NAME"))
    var center: String?

    func run() throws {
        let progress = TerminalProgress(label: "已读取查询明细 (rows read)")
        try arguments.run(.queries) { store, options in
            defer { progress.finish() }
            var options = options
            options.center = center ?? ""
            return try QueryStatisticsImport.importFile(at: arguments.fileURL, store: store, options: options,
                                                        progress: progress.callback)
        }
    }
}

struct ImportInspectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspections",
        abstract: "导入其他主机 archive-ops check --json 的巡检结果（JSON lines）。 (Import inspection results.)",
        discussion: """
        文件格式: 首行 {"run": {"started_at": …, "finished_at": …, "host": …, "center": …, "window": …}}，之后每行一条检查结果。
        同一次巡检（主机 + 开始时间）重复导入不会产生改动。

        例 (example):  archive-ops import inspections ops-2-20230630.jsonl
        """)

    @OptionGroup var arguments: ImportArguments

    func run() throws {
        try arguments.run(.inspections) { store, options in
            try InspectionResultsImporter(store: store, options: options).importFile(at: arguments.fileURL)
        }
    }
}
