import ArchiveEngine
import ArgumentParser
import Foundation
import SiteBuilder

/// `archive-ops build` — renders the operations database into the static site in `Output/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "生成报告与培训站点到 Output/（失败时保留原站点）。 (Build the static site into Output/.)")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let workspace = options.value
        let store = try workspace.openStore()
        let summary = try SiteBuilding.build(workspace: workspace, store: store)
        print("站点已生成: \(workspace.outputURL.path)/index.html（新写入 \(summary.written) 个文件，未变 \(summary.unchanged) 个）")
    }
}

/// The one way the CLI builds the site, shared by `build` and `demo`.
enum SiteBuilding {
    static func build(workspace: Workspace, store: OperationsStore) throws -> OutputWriter.Summary {
        let fm = FileManager.default
        let overrides = fm.fileExists(atPath: workspace.templatesURL.path) ? workspace.templatesURL : nil
        var build = try SiteBuild(store: store, outputURL: workspace.outputURL, templateOverrides: overrides)
        build.manual = ManualInputs(contentOverrides: workspace.contentURL, generatedPages: CommandReference.pages())
        return try build.run()
    }
}
