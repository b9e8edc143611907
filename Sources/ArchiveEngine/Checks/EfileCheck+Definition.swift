/// What 电子文件生成检查 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension EfileCheck {
    public static let definition = CheckDefinition(
        id: "efile", name: "电子文件生成检查", englishName: "E-file generation",
        summary: "检查电子文件（volume.pdf）是否按时生成、是否失败或卡住，以及已生成的文件是否完整可用。",
        englishSummary: "Checks that e-files (volume.pdf) are made on time, that none failed or hangs, and that every file made is "
            + "complete and usable.",
        ticketCategory: .efile, codes: Code.self, phrases: Phrase.all)

    /// The finding codes of 电子文件生成检查, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case failed = "efile.failed"
        case stuck = "efile.stuck"
        case backlog = "efile.backlog"
        case broken = "efile.broken"

        public var definition: FindingCodeDefinition {
            switch self {
            case .failed:
                describe(title: "电子文件生成失败", severity: .critical,
                    meaning: "案卷的 efile_status 为 failed。",
                    causes: ["页面图像损坏或格式不支持", "生成服务异常", "磁盘空间不足"],
                    resolution: ["查看生成服务日志定位失败原因", "修复页面文件后将状态重置为 pending 重新生成", "生成后确认 volume.pdf 页数与 pages 一致"],
                    english: .init(
                        title: "E-file generation failed", meaning: "The volume's efile_status is failed.",
                        causes: ["Page images damaged or in an unsupported format", "Generation service fault", "Disk space ran out"],
                        resolution: [
                            "Read the generation service's log to find the cause",
                            "Repair the page files, then reset the status to pending to generate again",
                            "After generation, confirm that volume.pdf has as many pages as pages says"
                        ]))
            case .stuck:
                describe(title: "电子文件生成卡住", severity: .warning,
                    meaning: "efile_status 为 generating 已超过 2 小时。",
                    causes: ["生成进程崩溃但状态未回写", "生成服务被重启"],
                    resolution: ["确认生成进程是否仍在运行", "若已停止，将状态重置为 pending", "观察下一轮是否生成成功"],
                    english: .init(
                        title: "E-file generation stuck", meaning: "efile_status has been generating for more than 2 hours.",
                        causes: ["The generation process crashed without writing its status back", "The generation service was restarted"],
                        resolution: [
                            "Check whether the generation process is still running",
                            "If it stopped, reset the status to pending",
                            "Watch whether the next round succeeds"
                        ]))
            case .backlog:
                describe(title: "电子文件生成积压", severity: .warning,
                    meaning: "efile_status 为 pending，且距扫描完成（created_at）已超过 24 小时。",
                    causes: ["生成服务停止", "队列积压过多", "服务器性能不足"],
                    resolution: ["检查生成服务是否运行", "查看积压数量与处理速度，必要时扩容", "积压清除后重新检查"],
                    english: .init(
                        title: "E-file backlog",
                        meaning: "efile_status is pending more than 24 hours after scanning finished (created_at).",
                        causes: ["The generation service is stopped", "Too long a queue", "The server is too slow"],
                        resolution: [
                            "Check that the generation service runs",
                            "Look at the backlog size and throughput; add capacity if needed",
                            "Check again once the backlog is cleared"
                        ]))
            case .broken:
                describe(title: "电子文件损坏", severity: .critical,
                    meaning: "状态为 done，但加工中心的 volume.pdf 为空、不是 PDF、被截断（无 %%EOF）或页数与 pages 不一致。",
                    causes: ["生成过程被中断", "写盘时空间不足", "页面缺失导致页数不符"],
                    resolution: ["将该案卷 efile_status 重置为 pending 重新生成", "重新生成后核对页数", "同步新的 volume.pdf 到各站点"],
                    english: .init(
                        title: "E-file damaged",
                        meaning: "The status is done, but volume.pdf at the processing center is empty, not a PDF, truncated (no "
                            + "%%EOF) or has another page count than pages.",
                        causes: [
                            "Generation was interrupted",
                            "Disk space ran out while writing",
                            "Missing pages made the page count differ"
                        ],
                        resolution: [
                            "Reset the volume's efile_status to pending to generate it again",
                            "Check the page count after generation",
                            "Sync the new volume.pdf to every site"
                        ]))
            }
        }
    }
}
