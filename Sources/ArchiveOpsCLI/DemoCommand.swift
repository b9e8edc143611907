import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops demo` — the whole job on realistic sample data: a workspace, sample inputs, imports and
/// the site in `Output/`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "用内置示例数据运行完整流程并生成站点。 (Run the whole pipeline on built-in sample data.)")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let workspace = options.value
        try workspace.initialize()
        try DemoCenter.prepare(in: workspace)
        let store = try workspace.openStore()
        _ = try SiteBuilding.build(workspace: workspace, store: store)
        print("演示站点已生成，请用浏览器打开: \(workspace.outputURL.path)/index.html")
    }
}
