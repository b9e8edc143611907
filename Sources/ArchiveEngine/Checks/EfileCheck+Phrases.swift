/// The sentences of 电子文件生成检查's findings, in Chinese and English (``FindingPhrase``).
extension EfileCheck {
    enum Phrase {
        static let failed = FindingPhrase(
            "efile.failed", zh: "案卷 {volume} 电子文件生成失败（efile_status = failed[，自 {since}]）",
            en: "Volume {volume}: e-file generation failed (efile_status = failed[, since {since}])", hint: "generation failed")
        static let stuck = FindingPhrase(
            "efile.stuck", zh: "案卷 {volume} 电子文件“生成中”已 {hours} 小时（自 {since}），超过 {limit} 小时",
            en: "Volume {volume}: e-file “generating” for {hours} h (since {since}), over the limit of {limit} h",
            hint: "stuck generating")
        static let backlog = FindingPhrase(
            "efile.backlog", zh: "案卷 {volume} 扫描完成 {hours} 小时后电子文件仍待生成（扫描完成于 {scanned}）",
            en: "Volume {volume}: e-file still pending {hours} h after scanning (scanned {scanned})", hint: "pending too long")
        static let broken = FindingPhrase(
            "efile.broken", zh: "{site} 的 {path}：{problems}", en: "{site}, {path}: {problems}")
        // The reasons of efile.broken, several joined in one finding.
        static let empty = FindingPhrase("efile.broken.empty", zh: "文件为空", en: "the file is empty", hint: "empty")
        static let notPDF = FindingPhrase("efile.broken.not_pdf", zh: "不是 PDF 文件", en: "not a PDF file", hint: "not a PDF")
        static let truncated = FindingPhrase(
            "efile.broken.truncated", zh: "文件被截断，缺少 %%EOF", en: "truncated: no %%EOF", hint: "truncated")
        static let pageCount = FindingPhrase(
            "efile.broken.page_count", zh: "页数 {count} 与目录 pages = {pages} 不符",
            en: "{count} pages, but the catalog says pages = {pages}", hint: "page count differs")
        static let pageCountUnreadable = FindingPhrase(
            "efile.broken.page_count_unreadable", zh: "无法读出页数", en: "the page count cannot be read",
            hint: "page count unreadable")

        static let all = [failed, stuck, backlog, broken, empty, notPDF, truncated, pageCount, pageCountUnreadable]
    }
}
