import ArchiveEngine
import Foundation

/// The check catalogue (检查项目录) of the manual, generated from the check definitions the engine runs:
/// one overview page and one page per check, with every finding code's meaning, likely causes,
/// resolution steps and ticket category. A check added to `CheckCatalog.all` gets its page here with no
/// edit under `Content/`; a code renamed in the engine breaks the manual's links to it at build time.
public enum CheckCataloguePages {
    /// The folder of the catalogue below `training/`.
    public static let folder = "checks"

    public static func pages(for checks: [CheckDefinition]) -> [GeneratedManualPage] {
        var pages = [GeneratedManualPage(path: "\(folder)/index.md", markdown: overview(checks), origin: "巡检引擎检查定义")]
        for (i, check) in checks.enumerated() {
            pages.append(GeneratedManualPage(path: "\(folder)/\(check.id).md", markdown: page(for: check, order: i + 1),
                                             origin: "巡检引擎检查定义 \(check.id)"))
        }
        return pages
    }

    static func overview(_ checks: [CheckDefinition]) -> String {
        var md = MarkdownText.frontMatter(title: "检查项目录", order: 70, audience: "运维人员")
        md += """
        本章由巡检引擎的检查定义自动生成：`archive-ops check` 运行的正是这些定义，因此这里列出的检查项和问题代码\
        与系统实际报告的完全一致。每个问题代码都说明其含义、常见原因、处理步骤和对应的运维任务单类别。

        > **提示** 巡检结果（`archive-ops check --json` 的每一行）中的 `code` 字段就是下表的问题代码，\
        在本站搜索框中输入代码（例如 `sync.missing`）即可直接找到处理方法。


        """
        md += "## 检查项一览\n\n| 检查项 | 编号（--only） | 问题代码数 | 任务单类别 |\n|---|---|---|---|\n"
        for check in checks {
            md += "| [\(MarkdownText.escape(check.name))](\(check.id).md) | `\(check.id)` | \(check.codes.count) | "
                + "\(check.ticketCategory.chineseName)（`\(check.ticketCategory.rawValue)`） |\n"
        }
        md += "\n## 问题代码一览\n\n| 问题代码 | 名称 | 严重程度 | 检查项 |\n|---|---|---|---|\n"
        for check in checks {
            for code in check.codes {
                md += "| [`\(code.code)`](\(check.id).md#\(code.code)) | \(MarkdownText.escape(code.title)) | "
                    + "\(code.severity.chineseName)（\(code.severity.rawValue)） | \(MarkdownText.escape(check.name)) |\n"
            }
        }
        md += "\n## 按任务单类别查找 {#by-category}\n\n"
        md += "巡检发现的问题转为运维任务单时，按下列对应关系选择“问题类别”。\n\n"
        for category in TicketCategory.allCases {
            let owning = checks.filter { $0.ticketCategory == category }
            guard !owning.isEmpty else { continue }
            let links = owning.map { "[\(MarkdownText.escape($0.name))](\($0.id).md)" }.joined(separator: "、")
            md += "- **\(category.chineseName)**（`\(category.rawValue)`）：\(links)\n"
        }
        return md
    }

    static func page(for check: CheckDefinition, order: Int) -> String {
        var md = MarkdownText.frontMatter(title: check.name, order: order, audience: "运维人员")
        md += "- 检查编号：`\(check.id)`（只运行本项：`archive-ops check --only \(check.id)`）\n"
        md += "- 任务单类别：\(check.ticketCategory.chineseName)（`\(check.ticketCategory.rawValue)`）\n"
        md += "- 问题代码：" + check.codes.map { "[`\($0.code)`](#\($0.code))" }.joined(separator: "、") + "\n\n"
        md += MarkdownText.escape(check.summary) + "\n\n"
        for code in check.codes {
            md += "## \(code.code) \(MarkdownText.escape(code.title)) {#\(code.code)}\n\n"
            md += "**严重程度**：\(code.severity.chineseName)（`\(code.severity.rawValue)`）\n\n"
            md += "**含义**：\(MarkdownText.escape(code.meaning))\n\n"
            md += "### 常见原因 {#\(code.code).causes}\n\n"
            md += code.causes.map { "- \(MarkdownText.escape($0))" }.joined(separator: "\n") + "\n\n"
            md += "### 处理步骤 {#\(code.code).resolution}\n\n"
            md += code.resolution.enumerated().map { "\($0.offset + 1). \(MarkdownText.escape($0.element))" }
                .joined(separator: "\n") + "\n\n"
            md += "处理完成后登记运维任务单，问题类别选“\(check.ticketCategory.chineseName)”。\n\n"
        }
        md += "返回[检查项目录](index.md)。\n"
        return md
    }
}
