/// The sentences of 签章文件生成检查's findings, in Chinese and English (``FindingPhrase``).
extension SealCheck {
    enum Phrase {
        static let failed = FindingPhrase(
            "seal.failed", zh: "案卷 {volume} 签章失败（seal_status = failed）",
            en: "Volume {volume}: sealing failed (seal_status = failed)", hint: "sealing failed")
        static let backlog = FindingPhrase(
            "seal.backlog", zh: "案卷 {volume} 电子文件生成 {hours} 小时后仍未签章（电子文件完成于 {efileDone}）",
            en: "Volume {volume}: not sealed {hours} h after its e-file was made (e-file done {efileDone})",
            hint: "seal pending too long")
        /// The reason is the verifier's verdict, bilingual (``SealVerdict/detail``).
        static let invalid = FindingPhrase("seal.invalid", zh: "{site} 的 {path}：{reason}", en: "{site}, {path}: {reason}")

        static let all = [failed, backlog, invalid]
    }
}
