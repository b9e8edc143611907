/// What 服务器空间监控 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension DiskCheck {
    public static let definition = CheckDefinition(
        id: "disk", name: "服务器空间监控", englishName: "Disk space",
        summary: "根据本机挂载点的实时使用率和中心监控的历史采样，发现空间不足并预测写满时间。",
        englishSummary: "Finds mounts running out of space from the live usage of this host's mounts and the center's monitoring "
            + "history, and projects when each fills up.",
        ticketCategory: .disk, codes: Code.self, phrases: Phrase.all, terms: Phrase.terms)

    /// The finding codes of 服务器空间监控, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case usage = "disk.usage"
        case forecast = "disk.forecast"

        public var definition: FindingCodeDefinition {
            switch self {
            case .usage:
                describe(title: "磁盘使用率过高", severity: .warning,
                    meaning: "挂载点使用率达到 80%（警告）或 90%（严重）。",
                    causes: ["档案量自然增长", "临时文件或日志未清理", "重复副本"],
                    resolution: ["清理临时文件与过期日志", "评估扩容需求（参见硬件选型建议）", "扩容或迁移后重新检查"],
                    english: .init(
                        title: "Disk usage high", meaning: "A mount is at or above 80% (warning) or 90% (critical).",
                        causes: ["Natural growth of the archive", "Temporary files or logs not cleaned up", "Duplicate copies"],
                        resolution: [
                            "Clean up temporary files and old logs",
                            "Assess the need for more capacity (see the hardware sizing advice)",
                            "Check again after expanding or moving data"
                        ]))
            case .forecast:
                describe(title: "磁盘预计写满", severity: .warning,
                    meaning: "按历史增长趋势，挂载点预计在 90 天内（警告）或 30 天内（严重）写满。",
                    causes: ["业务量增长快于规划", "扫描分辨率提高导致单页变大"],
                    resolution: ["提交扩容申请，预留采购周期", "参考月度总结中的增长曲线规划容量"],
                    english: .init(
                        title: "Disk projected full",
                        meaning: "From its growth trend, the mount is projected to be full within 90 days (warning) or 30 days (critical).",
                        causes: ["The workload grows faster than planned", "A higher scan resolution made pages larger"],
                        resolution: [
                            "File the expansion request now, allowing for procurement time",
                            "Plan capacity from the growth curve in the monthly summary"
                        ]))
            }
        }
    }
}
