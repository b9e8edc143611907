import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops demo` — the whole job on realistic sample data: a workspace, sample inputs, imports and
/// the site in `Output/`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "用内置示例数据运行完整流程并生成站点。 (Run the whole pipeline on built-in sample data.)",
        discussion: """
        在工作目录（--workspace，默认当前目录）中: 创建配置与运维数据库；在 demo-inputs/ 写入示例输入
        （一年的运维任务单，GB18030 编码，与统一报障平台导出格式相同；市局历年档案查询量汇总；2023 年 6 月的查询明细）；
        逐一导入；生成站点到 Output/。示例数据固定（“当前时间”为 2023-06-30 07:30），重复运行结果相同。

        Creates the workspace, writes sample inputs to demo-inputs/, imports them and builds Output/.
        The sample data is fixed, so every run gives the same result.
        """)

    @OptionGroup var options: WorkspaceOptions

    /// The demo, step by step. A new feature adds its step here, in pipeline order.
    static let steps: [DemoStep] = [
        .createWorkspace,
        .writeSampleInputs,
        .importTickets,
        .importQueryTotals,
        .importQueryDetail,
        .prepareCenter,
        .inspectCenter,
        .prepareAcceptance,
        .buildSite,
    ]

    func run() throws {
        let workspace = options.value
        do {
            try DemoWorkspaceGuard.check(workspace)
            try FileManager.default.createDirectory(at: workspace.root, withIntermediateDirectories: true)
            try DemoWorkspaceGuard.mark(workspace)
        } catch {
            Standard.error("演示未运行 (demo refused): \(error)")
            throw ExitCode.failure
        }
        var context = DemoContext(workspace: workspace)
        for (n, step) in Self.steps.enumerated() {
            do {
                let result = try step.run(&context)
                print("[\(n + 1)/\(Self.steps.count)] \(step.title)" + (result.map { ": \($0)" } ?? ""))
            } catch {
                Standard.error("演示在“\(step.title)”一步失败 (demo failed): \(error)")
                throw ExitCode.failure
            }
        }
        print("演示站点已生成，请用浏览器打开: \(context.workspace.outputURL.path)/index.html")
    }
}
