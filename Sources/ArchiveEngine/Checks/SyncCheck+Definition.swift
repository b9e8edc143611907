/// What 日常档案同步检查 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension SyncCheck {
    public static let definition = CheckDefinition(
        id: "sync", name: "日常档案同步检查", englishName: "Archive sync",
        summary: "核对数据加工中心、市局数据中心、各分局与异地云备份是否都持有应有的案卷及其文件，且内容与目录哈希一致。",
        englishSummary: "Checks that the processing center, the bureau data center, every branch and the offsite cloud copy hold every "
            + "volume and file they should, with contents matching the catalog hashes.",
        ticketCategory: .sync, codes: Code.self, phrases: Phrase.all, terms: Phrase.terms)

    /// The finding codes of 日常档案同步检查, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case missing = "sync.missing"
        case corrupt = "sync.corrupt"
        case misplaced = "sync.misplaced"

        public var definition: FindingCodeDefinition {
            switch self {
            case .missing:
                describe(title: "档案缺失", severity: .critical,
                    meaning: "已过同步宽限期的案卷（或其 metadata.xml、页面文件、已生成的 volume.pdf / volume.sealed.pdf）在应持有它的站点上不存在。",
                    causes: ["同步任务未运行或中途失败", "站点存储空间已满导致写入失败", "网络中断", "人工误删"],
                    resolution: ["在加工中心确认该案卷文件完整", "对该站点重新执行该案卷的同步", "同步完成后重新运行 archive-ops check --only sync 确认消除"],
                    english: .init(
                        title: "Archive missing",
                        meaning: "A volume past the sync grace period (or its metadata.xml, a page file, or a volume.pdf / "
                            + "volume.sealed.pdf already made) is absent at a site that must hold it.",
                        causes: [
                            "The sync job did not run or failed halfway",
                            "The site's store is full, so writes failed",
                            "Network outage",
                            "Deleted by mistake"
                        ],
                        resolution: [
                            "At the processing center, confirm the volume's files are complete",
                            "Sync the volume to that site again",
                            "After the sync, run archive-ops check --only sync again to confirm it is gone"
                        ]))
            case .corrupt:
                describe(title: "文件内容不一致", severity: .critical,
                    meaning: "站点上的页面文件、volume.pdf 或 volume.sealed.pdf 的 SHA-256 与目录记录不一致。",
                    causes: ["同步过程中断导致文件截断", "存储介质故障", "文件被人工替换"],
                    resolution: ["从加工中心（或其他哈希正确的站点）重新复制该文件", "若多个文件同时损坏，检查该站点磁盘健康状况", "重新运行检查确认"],
                    english: .init(
                        title: "File contents differ",
                        meaning: "The SHA-256 of a page file, volume.pdf or volume.sealed.pdf at a site differs from the catalog.",
                        causes: ["An interrupted sync left the file truncated", "Storage media fault", "The file was replaced by hand"],
                        resolution: [
                            "Copy the file again from the processing center (or another site whose hash is right)",
                            "If several files are damaged at once, check the health of that site's disks",
                            "Run the check again to confirm"
                        ]))
            case .misplaced:
                describe(title: "档案错放分局", severity: .warning,
                    meaning: "分局存储中出现了不属于本分局管辖企业的案卷。",
                    causes: ["企业迁移管辖后旧分局副本未清理", "同步规则配置错误"],
                    resolution: ["核实企业当前管辖分局（enterprise.branch_id）", "确认正确分局已持有该案卷后，从错放分局移除", "检查同步规则配置"],
                    english: .init(
                        title: "Archive at the wrong branch",
                        meaning: "A branch store holds a volume of an enterprise outside that branch's jurisdiction.",
                        causes: ["The enterprise moved to another branch and the old branch's copy was not removed", "Wrong sync rules"],
                        resolution: [
                            "Confirm the enterprise's current branch (enterprise.branch_id)",
                            "Once the right branch holds the volume, remove it from the wrong branch",
                            "Review the sync rules"
                        ]))
            }
        }
    }
}
