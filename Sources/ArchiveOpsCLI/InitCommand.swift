import ArchiveEngine
import ArgumentParser
import Foundation

/// `archive-ops init` — creates a workspace: a commented configuration file and the operations database.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "创建工作目录：带注释的配置文件和运维数据库。 (Create a workspace.)")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let workspace = options.value
        let created = try workspace.initialize()
        let store = try workspace.openStore()
        try store.recordAudit(AuditEntry(at: Date(), command: "init", summary: created ? "创建工作目录" : "升级运维数据库"))
        print(created
              ? "已创建工作目录 \(workspace.root.path)：配置文件 \(Workspace.configurationFileName)，运维数据库 \(Workspace.databaseFileName)。"
              : "工作目录已存在，运维数据库已升级到最新结构: \(workspace.root.path)")
    }
}
