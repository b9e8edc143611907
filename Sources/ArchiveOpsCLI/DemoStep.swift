import ArchiveEngine
import ArchiveSamples
import Foundation

/// One step of `archive-ops demo`: a title the operator sees and the work it does. The demo is a plain
/// list of these, so a later feature (the sample center, the inspection) adds its step to the list.
struct DemoStep {
    var title: String
    var run: (inout DemoContext) throws -> String?
}

/// What the demo's steps share: the workspace, its store once opened, the sample inputs once written, and
/// the options every import uses (the demo's fixed "now", so the database is the same on every run).
struct DemoContext {
    let workspace: Workspace
    var store: OperationsStore?
    var inputs: DemoInputs?
    var importOptions: ImportOptions

    init(workspace: Workspace) {
        self.workspace = workspace
        importOptions = ImportOptions(now: DemoClock.now, actor: "archive-ops demo")
    }

    /// The store, opened on first use.
    mutating func openStore() throws -> OperationsStore {
        if let store { return store }
        let opened = try workspace.openStore()
        store = opened
        return opened
    }

    /// The sample inputs; a step that needs them runs after ``DemoStep/writeSampleInputs``.
    func requireInputs() throws -> DemoInputs {
        guard let inputs else { throw CLIMessage("演示步骤顺序有误：示例输入尚未生成。 (sample inputs not written yet)") }
        return inputs
    }
}

extension DemoStep {
    static let createWorkspace = DemoStep(title: "创建工作目录 (create workspace)") { context in
        try context.workspace.initialize()
        let configuration = try context.workspace.configuration()
        context.importOptions.serviceLevels = configuration.sla
        return context.workspace.root.path
    }

    static let writeSampleInputs = DemoStep(title: "生成示例输入文件 (write sample inputs)") { context in
        let folder = context.workspace.root.appendingPathComponent(DemoInputs.folderName, isDirectory: true)
        context.inputs = try DemoInputs.write(into: folder)
        return folder.path
    }

    static let importTickets = DemoStep(title: "导入运维任务单 (import tickets)") { context in
        let summary = try TicketImporter(store: try context.openStore(), options: context.importOptions)
            .importFile(at: try context.requireInputs().tickets)
        return summary.counts + "（编码 \(summary.encoding ?? "?")）"
    }

    static let importQueryTotals = DemoStep(title: "导入档案查询量汇总 (import query totals)") { context in
        let summary = try QueryStatisticsImport.importFile(at: try context.requireInputs().queryTotals,
                                                           store: try context.openStore(), options: context.importOptions)
        return summary.counts
    }

    static let importQueryDetail = DemoStep(title: "导入查询明细 (import query detail)") { context in
        let summary = try QueryStatisticsImport.importFile(at: try context.requireInputs().queryDetail,
                                                           store: try context.openStore(), options: context.importOptions)
        return ([summary.counts] + summary.notes).joined(separator: "；")
    }

    static let buildSite = DemoStep(title: "生成站点 (build site)") { context in
        // As of the demo's fixed "now", so the demo site is the same whatever day it is run.
        let summary = try SiteBuilding.build(workspace: context.workspace, store: try context.openStore(),
                                             asOf: CalendarDay(DemoClock.now))
        return "新写入 \(summary.written) 个文件，未变 \(summary.unchanged) 个"
    }
}
