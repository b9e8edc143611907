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
        let summary: OutputWriter.Summary
        do {
            let store = try workspace.openStore()
            summary = try SiteBuilding.build(workspace: workspace, store: store)
        } catch {
            // Say why, and that the published site is untouched (the writer only swaps in a finished build).
            throw ValidationError("站点生成失败，原 Output/ 保持不变: \(error) (build failed; previous Output/ left intact)")
        }
        print("站点已生成: \(workspace.outputURL.path)/index.html（新写入 \(summary.written) 个文件，未变 \(summary.unchanged) 个）")
    }
}

/// The one way the CLI builds the site, shared by `build` and `demo`.
enum SiteBuilding {
    static func build(workspace: Workspace, store: OperationsStore) throws -> OutputWriter.Summary {
        let fm = FileManager.default
        let overrides = fm.fileExists(atPath: workspace.templatesURL.path) ? workspace.templatesURL : nil
        var build = try SiteBuild(store: store, outputURL: workspace.outputURL, templateOverrides: overrides)
        build.serviceLevels = try workspace.configuration().sla
        build.manual = ManualInputs(contentOverrides: workspace.contentURL, generatedPages: CommandReference.pages())
        return try build.run()
    }
}
