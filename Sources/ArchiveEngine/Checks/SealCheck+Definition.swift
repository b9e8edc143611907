/// What 签章文件生成检查 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension SealCheck {
    public static let definition = CheckDefinition(
        id: "seal", name: "签章文件生成检查", englishName: "Sealed file generation",
        summary: "检查签章文件（volume.sealed.pdf）是否按时生成，以及签名是否有效、覆盖全文、由受信任的签章证书签署。",
        ticketCategory: .seal, codes: Code.self)

    /// The finding codes of 签章文件生成检查, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case failed = "seal.failed"
        case backlog = "seal.backlog"
        case invalid = "seal.invalid"

        public var definition: FindingCodeDefinition {
            switch self {
            case .failed:
                describe(title: "签章失败", severity: .critical,
                    meaning: "案卷的 seal_status 为 failed。",
                    causes: ["签章服务不可用", "签章证书过期或不可读", "电子文件损坏"],
                    resolution: ["检查签章服务与证书有效期", "确认 volume.pdf 完好", "将 seal_status 重置为 pending 重新签章"])
            case .backlog:
                describe(title: "签章积压", severity: .warning,
                    meaning: "电子文件已生成，但签章在 efile_updated_at 之后超过 24 小时仍为 pending。",
                    causes: ["签章服务停止", "签章队列积压"],
                    resolution: ["检查签章服务运行状态", "查看队列积压并处理", "积压清除后重新检查"])
            case .invalid:
                describe(title: "签章无效", severity: .critical,
                    meaning: "签章文件存在，但签名校验不通过、ByteRange 未覆盖除签名外的全部内容，或签署人不是受信任的签章证书。",
                    causes: ["签章后文件被修改或追加内容", "使用了错误的证书签章", "文件传输损坏"],
                    resolution: ["用 archive-ops check --only seal 或 pdfsig 复核", "以正确的签章证书重新签章", "同步新的签章文件到各站点"])
            }
        }
    }
}
