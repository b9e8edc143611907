/// The sentences of 日常档案同步检查's findings, in Chinese and English (``FindingPhrase``).
extension SyncCheck {
    enum Phrase {
        static let misplaced = FindingPhrase(
            "sync.misplaced", zh: "{site} 持有不属于本分局管辖的案卷 {volume}（企业管辖分局: {owner}）",
            en: "{site} holds volume {volume} of an enterprise outside its jurisdiction (the enterprise's branch: {owner})",
            hint: "volume outside jurisdiction")
        static let folderMissing = FindingPhrase(
            "sync.missing.folder", zh: "{site} 缺少整个案卷文件夹 {folder}（已过同步宽限期）",
            en: "{site} lacks the whole volume folder {folder} (past the sync grace period)", hint: "volume folder missing")
        static let folderUnusable = FindingPhrase(
            "sync.missing.not_folder", zh: "{site} 的案卷位置 {folder} {reason}，视为缺失",
            en: "At {site} the volume location {folder} is not a usable folder ({reason}): counted as missing",
            hint: "volume folder is not a folder")
        static let filesMissing = FindingPhrase(
            "sync.missing.files", zh: "{site} 案卷 {folder} 缺少 {files}", en: "{site}: volume {folder} lacks {files}",
            hint: "files missing")
        static let corrupt = FindingPhrase(
            "sync.corrupt", zh: "{site} 案卷 {folder} 中 {files} 与目录哈希不一致",
            en: "{site}: in volume {folder}, {files} differ from the catalog hash", hint: "hash differs from catalog")

        // The items of sync.missing.files: a missing file, or what stands in its place (never followed or read).
        static let file = FindingPhrase("sync.missing.file", zh: "{name}", en: "{name}")
        static let symlinkInPlace = FindingPhrase(
            "sync.missing.symlink", zh: "{name}（是符号链接，未跟随）", en: "{name} (a symlink, not followed)", hint: "symlink")
        static let folderInPlace = FindingPhrase("sync.missing.folder_in_place", zh: "{name}（是文件夹）", en: "{name} (a folder)",
                                                 hint: "folder")
        static let specialInPlace = FindingPhrase(
            "sync.missing.special", zh: "{name}（是管道、套接字或设备等特殊文件）", en: "{name} (a pipe, socket or device file)",
            hint: "special file")

        static let all = [misplaced, folderMissing, folderUnusable, filesMissing, corrupt, file, symlinkInPlace, folderInPlace,
                          specialInPlace]
        static let terms = [
            "unregistered": FindingTerm(zh: "未登记", en: "not registered"),
            "unknown": FindingTerm(zh: "未知", en: "unknown"),
        ]
    }
}
