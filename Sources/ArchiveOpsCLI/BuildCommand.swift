import ArchiveEngine
import ArgumentParser
import Foundation
import SiteBuilder

/// `archive-ops build` — renders the operations database into the static site in `Output/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "生成报告与培训站点到 Output/（失败时保留原站点）。 (Build the static site into Output/.)",
        discussion: """
            只重新生成输入（运维数据、模板、培训手册、配置）有变化的页面，其余页面沿用上次生成的文件；\
            依据是 Output/ 旁的缓存文件 .archive-ops.Output.build-cache。删除该文件即完整重新生成，结果逐字节相同。\
            两个 build 同时运行时，后一个等前一个完成。 \
            (Incremental: only pages whose inputs changed are rendered; delete the cache file for a full build, same bytes.)
            """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "报告日期 YYYY-MM-DD（默认为北京时间今天）：首页据此判断当天巡检是否在截止时间前完成，并写在页面上。同一日期、同一数据生成的站点逐字节相同。 The day the site is as of (default: today in Asia/Shanghai).",
        valueName: "DATE"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDay(asOf) == nil {
            throw ValidationError("--as-of “\(asOf)” 不是日期，请写成 2023-06-30。 (--as-of takes a date such as 2023-06-30)")
        }
    }

    func run() throws {
        let workspace = options.value
        let summary: OutputWriter.Summary
        // Today in the bureau's time zone, whatever the host's zone: the day its 08:30 deadline belongs to.
        let day = asOf.flatMap(CalendarDay.init) ?? CalendarDay(Date())
        do {
            let store = try workspace.openStore()
            summary = try SiteBuilding.build(workspace: workspace, store: store, asOf: day)
        } catch {
            // Say why, and that the published site is untouched (the writer only swaps in a finished build).
            // A plain message and exit 1: a failed build is not a usage error (no help text, no exit 64).
            Standard.error("站点生成失败，原 Output/ 保持不变: \(error) (build failed; previous Output/ left intact)")
            throw ExitCode.failure
        }
        print("站点已生成: \(workspace.outputURL.path)/index.html（新写入 \(summary.written) 个文件，未变 \(summary.unchanged) 个；"
              + "\(summary.reused) 页输入未变，沿用上次生成的页面）")
    }
}

/// The one way the CLI builds the site, shared by `build` and `demo`.
enum SiteBuilding {
    static func build(workspace: Workspace, store: OperationsStore, asOf: CalendarDay) throws -> OutputWriter.Summary {
        let fm = FileManager.default
        let overrides = fm.fileExists(atPath: workspace.templatesURL.path) ? workspace.templatesURL : nil
        var build = try SiteBuild(store: store, outputURL: workspace.outputURL, templateOverrides: overrides)
        let configuration = try workspace.configuration()
        build.serviceLevels = configuration.sla
        build.inspectionDeadline = configuration.inspectionDeadline
        build.asOf = asOf
        build.thresholds = configuration.thresholds
        build.hardware = configuration.hardware
        build.manual = ManualInputs(contentOverrides: workspace.contentURL, generatedPages: CommandReference.pages())
        return try build.run()
    }
}
