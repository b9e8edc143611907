import ArchiveEngine
import ArgumentParser
import Foundation

/// The `--workspace` option shared by every command.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long,
            help: ArgumentHelp("工作目录：配置文件、运维数据库和 Output/ 所在目录（默认当前目录）。 Workspace folder (default: current directory).", valueName: "DIR"))
    var workspace: String = "."

    var value: Workspace {
        Workspace(root: URL(fileURLWithPath: workspace, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }
}
