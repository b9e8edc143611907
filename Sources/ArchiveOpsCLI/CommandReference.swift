import ArgumentParser
import SiteBuilder

/// The command reference (命令参考) of the training manual, written from the CLI's own help: one page per
/// command, each holding `archive-ops help <command>` as the terminal prints it. A command added to
/// `ArchiveOps.configuration.subcommands` gets its page at the next build; a changed option shows up
/// without anyone editing the manual.
enum CommandReference {
    static let folder = "commands"

    static func pages(root: ParsableCommand.Type = ArchiveOps.self) -> [GeneratedManualPage] {
        let commands = root.configuration.subcommands
        var index = MarkdownText.frontMatter(title: "命令参考", order: 80, audience: "运维人员")
        index += "本章由 `archive-ops` 自身的帮助信息自动生成，与所安装的程序版本一致。每个命令都接受 `--workspace DIR`"
            + "（默认当前目录）；在终端中运行 `archive-ops help 命令` 可看到同样的内容。\n\n"
        index += "| 命令 | 作用 |\n|---|---|\n"
        var pages: [GeneratedManualPage] = []
        for (i, command) in commands.enumerated() {
            let name = command._commandName
            index += "| [`archive-ops \(name)`](\(name).md) | \(MarkdownText.escape(command.configuration.abstract)) |\n"
            pages.append(GeneratedManualPage(path: "\(folder)/\(name).md",
                                             markdown: page(for: command, path: [name], order: i + 1, root: root),
                                             origin: "archive-ops help \(name)"))
        }
        pages.insert(GeneratedManualPage(path: "\(folder)/index.md", markdown: index, origin: "archive-ops help"), at: 0)
        return pages
    }

    /// One command's page: its abstract, then its full help text, then each subcommand's help as a section.
    static func page(for command: ParsableCommand.Type, path: [String], order: Int, root: ParsableCommand.Type) -> String {
        let full = "archive-ops " + path.joined(separator: " ")
        var md = MarkdownText.frontMatter(title: full, order: order, audience: "运维人员")
        md += MarkdownText.escape(command.configuration.abstract) + "\n\n"
        md += help(for: command, root: root)
        for sub in command.configuration.subcommands {
            let subName = sub._commandName
            md += "\n## archive-ops \(path.joined(separator: " ")) \(subName) {#\(subName)}\n\n"
            md += MarkdownText.escape(sub.configuration.abstract) + "\n\n"
            md += help(for: sub, root: root)
        }
        return md
    }

    /// The help as the terminal shows it, in a fenced block (80 columns, so it reads like the terminal).
    static func help(for command: ParsableCommand.Type, root: ParsableCommand.Type) -> String {
        let text = root.helpMessage(for: command, columns: 100)
        let fence = text.contains("```") ? "~~~~" : "```"
        return "\(fence)text\n\(text.trimmingCharacters(in: .newlines))\n\(fence)\n"
    }
}
