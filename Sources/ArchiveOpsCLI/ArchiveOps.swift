import ArgumentParser

/// `archive-ops` — the maintenance team's command line for the enterprise e-archive sharing center.
@main
struct ArchiveOps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive-ops",
        abstract: "企业电子档案资源共享中心运维系统 — 巡检、运维记录与报告站点。 (Enterprise e-archive sharing center operations.)",
        discussion: """
        工作目录（--workspace，默认当前目录）保存配置文件 archive-ops.yaml、运维数据库 archive-ops.sqlite 和生成的站点 Output/。
        A workspace holds the configuration, the operations database and the generated site.

        快速体验 (quick start):  archive-ops demo
        """,
        subcommands: [
            InitCommand.self,
            ImportCommand.self,
            CheckCommand.self,
            CompareCommand.self,
            RepairPlanCommand.self,
            BuildCommand.self,
            StatsCommand.self,
            SizingCommand.self,
            DemoCommand.self,
            SampleCenterCommand.self,
            ArchiveCommand.self,
            VerifyCommand.self,
        ]
    )

    /// `archive-ops --workspace W build` as well as `archive-ops build --workspace W` (as `git -C` goes
    /// before the subcommand). A subcommand's own `WorkspaceOptions` reuses the value parsed here.
    @OptionGroup var options: WorkspaceOptions
}
