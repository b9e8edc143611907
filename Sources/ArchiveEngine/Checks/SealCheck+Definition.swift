/// What 签章文件生成检查 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension SealCheck {
    public static let definition = CheckDefinition(
        id: "seal", name: "签章文件生成检查", englishName: "Sealed file generation",
        summary: "检查签章文件（volume.sealed.pdf）是否按时生成，以及签名是否有效、覆盖全文、由受信任的签章证书签署。",
        englishSummary: "Checks that sealed files (volume.sealed.pdf) are made on time and that each signature verifies, covers the "
            + "whole file and was made with the trusted seal certificate.",
        ticketCategory: .seal, codes: Code.self, phrases: Phrase.all)

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
                    resolution: ["检查签章服务与证书有效期", "确认 volume.pdf 完好", "将 seal_status 重置为 pending 重新签章"],
                    english: .init(
                        title: "Sealing failed", meaning: "The volume's seal_status is failed.",
                        causes: [
                            "The sealing service is unavailable",
                            "The seal certificate expired or cannot be read",
                            "The e-file is damaged"
                        ],
                        resolution: [
                            "Check the sealing service and the certificate's validity",
                            "Confirm volume.pdf is intact",
                            "Reset seal_status to pending to seal again"
                        ]))
            case .backlog:
                describe(title: "签章积压", severity: .warning,
                    meaning: "电子文件已生成，但签章在 efile_updated_at 之后超过 24 小时仍为 pending。",
                    causes: ["签章服务停止", "签章队列积压"],
                    resolution: ["检查签章服务运行状态", "查看队列积压并处理", "积压清除后重新检查"],
                    english: .init(
                        title: "Sealing backlog",
                        meaning: "The e-file is made, but sealing is still pending more than 24 hours after efile_updated_at.",
                        causes: ["The sealing service is stopped", "The sealing queue is backed up"],
                        resolution: [
                            "Check that the sealing service runs",
                            "Look at the queue and work it off",
                            "Check again once the backlog is cleared"
                        ]))
            case .invalid:
                describe(title: "签章无效", severity: .critical,
                    meaning: "签章文件存在，但签名校验不通过、ByteRange 未覆盖除签名外的全部内容，或签署人不是受信任的签章证书。",
                    causes: ["签章后文件被修改或追加内容", "使用了错误的证书签章", "文件传输损坏"],
                    resolution: ["用 archive-ops check --only seal 或 pdfsig 复核", "以正确的签章证书重新签章", "同步新的签章文件到各站点"],
                    english: .init(
                        title: "Seal invalid",
                        meaning: "The sealed file exists, but its signature does not verify, its ByteRange leaves bytes other than the "
                            + "signature unsigned, or the signer is not the trusted seal certificate.",
                        causes: [
                            "The file was changed or had bytes appended after sealing",
                            "Sealed with the wrong certificate",
                            "Damaged in transfer"
                        ],
                        resolution: [
                            "Verify again with archive-ops check --only seal or pdfsig",
                            "Seal again with the right seal certificate",
                            "Sync the new sealed file to every site"
                        ]))
            }
        }
    }
}
