/// What 数据完整性校验 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension FixityCheck {
    public static let definition = CheckDefinition(
        id: "fixity", name: "数据完整性校验", englishName: "Fixity (integrity)",
        summary: "按周期对市局数据中心与异地云备份的页面文件重新计算 SHA-256，发现静默损坏（定期深度校验）。",
        englishSummary: "Re-computes the SHA-256 of the page files at the bureau data center and the offsite copy on a cycle, to find "
            + "silent corruption (the scheduled deep re-hash).",
        ticketCategory: .sync, codes: Code.self, phrases: Phrase.all)

    /// The finding codes of 数据完整性校验, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case mismatch = "fixity.mismatch"

        public var definition: FindingCodeDefinition {
            switch self {
            case .mismatch:
                describe(title: "校验值不一致", severity: .critical,
                    meaning: "重新计算哈希的页面文件与目录记录不一致。",
                    causes: ["存储介质静默损坏", "文件被改写"],
                    resolution: ["从加工中心或其他正确副本恢复该文件", "检查存储设备健康状况", "扩大该设备的校验范围"],
                    english: .init(
                        title: "Checksum differs", meaning: "A re-hashed page file differs from the catalog.",
                        causes: ["Silent corruption of the storage media", "The file was overwritten"],
                        resolution: [
                            "Restore the file from the processing center or another good copy",
                            "Check the storage device's health",
                            "Widen the re-hash on that device"
                        ]))
            }
        }
    }
}
