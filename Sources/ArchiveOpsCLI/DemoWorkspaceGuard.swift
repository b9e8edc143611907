import ArchiveEngine
import Foundation

/// Keeps `archive-ops demo` out of a real workspace (正式工作目录).
///
/// Why: the demo rewrites `archive-ops.yaml` (the operator's `center:` and `seal_certificate:` are lost),
/// imports 340 fake tickets and a fake query log into the operations database, and publishes a fake site.
/// Run in a folder that already is a workspace, it would mix demo data into the bureau's evidence. The
/// demo marks the workspaces it makes; any other workspace is refused with what to do instead.
enum DemoWorkspaceGuard {
    /// Written into the workspace root by the demo's first step.
    static let markerFileName = ".archive-ops-demo-workspace"

    static func marker(of workspace: Workspace) -> URL { workspace.root.appendingPathComponent(markerFileName) }

    /// Throws when `workspace` holds a configuration or a database that the demo did not make.
    static func check(_ workspace: Workspace) throws {
        let fm = FileManager.default
        let holdsSomething = fm.fileExists(atPath: workspace.configurationURL.path) || fm.fileExists(atPath: workspace.databaseURL.path)
        guard holdsSomething else { return }
        if fm.fileExists(atPath: marker(of: workspace).path) { return }
        // A demo workspace made before the marker existed: its center folder carries the demo's own mark.
        let oldDemoCenter = workspace.root.appendingPathComponent(DemoCenter.folderName).appendingPathComponent(DemoCenter.markerFileName)
        if fm.fileExists(atPath: oldDemoCenter.path) { return }
        throw CLIMessage("""
            \(workspace.root.path) 已是正式工作目录（含 archive-ops.yaml 或运维数据库），演示会覆盖其配置并写入示例任务单与查询数据，已拒绝运行。\
            请在一个空目录中运行演示，例如 archive-ops demo --workspace /tmp/archive-ops-demo。 \
            (this folder is a real workspace; the demo would overwrite its configuration and data — run it in an empty folder)
            """)
    }

    /// Marks `workspace` as made by the demo.
    static func mark(_ workspace: Workspace) throws {
        try Data("archive-ops demo workspace\n".utf8).write(to: marker(of: workspace), options: .atomic)
    }
}
