/// What 异常数据分析 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension AnomalyCheck {
    public static let definition = CheckDefinition(
        id: "anomaly", name: "异常数据分析", englishName: "Data anomalies",
        summary: "发现网络原因导致的异常锁定、操作失误导致的档案卷错乱、页面与案卷序号异常、无效代码和孤立文件夹。",
        englishSummary: "Finds locks left behind by network failures, volumes filed under the wrong enterprise or seq, irregular page "
            + "and volume numbering, invalid codes and orphan folders.",
        ticketCategory: .anomaly, codes: Code.self, phrases: Phrase.all, terms: Phrase.terms)

    /// The finding codes of 异常数据分析, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case staleLock = "anomaly.stale_lock"
        case misfiled = "anomaly.misfiled"
        case pageSequence = "anomaly.page_sequence"
        case volumeSequence = "anomaly.volume_sequence"
        case invalidUSCC = "anomaly.invalid_uscc"
        case orphan = "anomaly.orphan"

        public var definition: FindingCodeDefinition {
            switch self {
            case .staleLock:
                describe(title: "异常锁定", severity: .warning,
                    meaning: "案卷编辑锁被工作站持有超过 30 分钟（多为网络原因导致）。",
                    causes: ["工作站网络中断后未释放锁", "客户端异常退出"],
                    resolution: ["联系锁持有工作站确认是否仍在编辑", "确认无人编辑后在后台释放锁", "检查该工作站网络"],
                    english: .init(
                        title: "Stale lock",
                        meaning: "A workstation has held a volume's edit lock for more than 30 minutes (mostly after a network failure).",
                        causes: ["The workstation lost its network and never released the lock", "The client exited abnormally"],
                        resolution: [
                            "Ask the workstation holding the lock whether it is still editing",
                            "Once nobody is editing, release the lock in the back office",
                            "Check that workstation's network"
                        ]))
            case .misfiled:
                describe(title: "档案卷错乱", severity: .critical,
                    meaning: "metadata.xml 记载的企业或序号与其所在文件夹不一致。",
                    causes: ["人工移动或复制文件夹时操作失误", "加工时选错企业"],
                    resolution: ["根据 metadata.xml 与页面内容核实正确归属", "将文件夹移回正确位置并重新同步", "复核该企业其他案卷"],
                    english: .init(
                        title: "Volume misfiled", meaning: "The enterprise or seq in metadata.xml differs from the folder it sits in.",
                        causes: ["A folder was moved or copied by mistake", "The wrong enterprise was chosen during processing"],
                        resolution: [
                            "Establish the right owner from metadata.xml and the page contents",
                            "Move the folder back and sync again",
                            "Review the enterprise's other volumes"
                        ]))
            case .pageSequence:
                describe(title: "页面序号异常", severity: .warning,
                    meaning: "站点上的页面文件不是恰好 page-0001 … page-N（N 为 pages）：有缺号、重复或多余。",
                    causes: ["补扫页面命名错误", "同步残留旧文件"],
                    resolution: ["对照 metadata.xml 核对页面", "补齐缺页或删除多余文件", "重新生成电子文件"],
                    english: .init(
                        title: "Page numbering irregular",
                        meaning: "The page files at a site are not exactly page-0001 … page-N (N = pages): gaps, duplicates or extras.",
                        causes: ["Rescanned pages were misnamed", "Old files left over from a sync"],
                        resolution: [
                            "Compare the pages with metadata.xml",
                            "Fill the gaps or remove the extra files",
                            "Generate the e-file again"
                        ]))
            case .volumeSequence:
                describe(title: "案卷序号异常", severity: .warning,
                    meaning: "同一企业的案卷序号不是连续的 1 … n。",
                    causes: ["案卷删除后未重排", "并发登记导致序号冲突"],
                    resolution: ["核实该企业登记事件顺序", "在后台修正案卷序号"],
                    english: .init(
                        title: "Volume numbering irregular", meaning: "An enterprise's volume seq values are not 1 … n.",
                        causes: ["A volume was deleted without renumbering", "Concurrent registrations clashed"],
                        resolution: [
                            "Confirm the order of the enterprise's registration events",
                            "Correct the seq values in the back office"
                        ]))
            case .invalidUSCC:
                describe(title: "无效统一社会信用代码", severity: .warning,
                    meaning: "目录中的统一社会信用代码不符合 GB 32100-2015 校验位规则。",
                    causes: ["录入错误", "历史数据迁移错误"],
                    resolution: ["对照营业执照核实代码", "在后台修正目录中的代码"],
                    english: .init(
                        title: "Invalid unified social credit code",
                        meaning: "A unified social credit code in the catalog fails the GB 32100-2015 check character.",
                        causes: ["Typing mistake", "Historic data migration error"],
                        resolution: ["Compare the code with the business licence", "Correct the code in the catalog"]))
            case .orphan:
                describe(title: "孤立案卷文件夹", severity: .warning,
                    meaning: "存储中有案卷文件夹，但目录中没有对应的案卷。",
                    causes: ["案卷已删除但文件未清理", "目录记录丢失"],
                    resolution: ["核实该文件夹内容归属", "补录目录或归档后清理文件夹"],
                    english: .init(
                        title: "Orphan volume folder", meaning: "A volume folder in a store has no volume in the catalog.",
                        causes: ["The volume was deleted but its files were not", "The catalog record was lost"],
                        resolution: [
                            "Establish whom the folder's contents belong to",
                            "Register it in the catalog, or archive and remove the folder"
                        ]))
            }
        }
    }
}
