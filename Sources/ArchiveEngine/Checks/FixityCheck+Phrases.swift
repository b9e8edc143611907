/// The sentences of 数据完整性校验's findings, in Chinese and English (``FindingPhrase``).
extension FixityCheck {
    enum Phrase {
        static let mismatch = FindingPhrase(
            "fixity.mismatch", zh: "{site} 案卷 {folder} 重新计算的 SHA-256 与目录不一致: {files}",
            en: "{site}: volume {folder}, re-computed SHA-256 differs from the catalog: {files}",
            hint: "re-hash differs from catalog")

        static let all = [mismatch]
    }
}
