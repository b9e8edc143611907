/// The sentences of 异常数据分析's findings, in Chinese and English (``FindingPhrase``).
extension AnomalyCheck {
    enum Phrase {
        static let staleLock = FindingPhrase(
            "anomaly.stale_lock", zh: "案卷 {volume} 被工作站 {owner} 锁定已 {minutes} 分钟（自 {since}）",
            en: "Volume {volume} locked by workstation {owner} for {minutes} min (since {since})", hint: "stale edit lock")
        static let volumeSequence = FindingPhrase(
            "anomaly.volume_sequence", zh: "企业 {uscc} 的案卷序号为 {seqs:all}，应为 1…{count}",
            en: "Enterprise {uscc} has volume seq {seqs:all} instead of 1…{count}", hint: "volume seq not 1…n")
        static let invalidUSCC = FindingPhrase(
            "anomaly.invalid_uscc", zh: "目录中的统一社会信用代码 {code} 不符合 GB 32100-2015 校验规则",
            en: "Catalog code {code} fails the GB 32100-2015 check character", hint: "invalid check character")
        static let orphanFolder = FindingPhrase(
            "anomaly.orphan", zh: "{site} 存储中的文件夹 {path} 在目录中没有对应案卷",
            en: "{site}: folder {path} in the store has no catalog volume", hint: "folder without catalog volume")
        static let orphanVolume = FindingPhrase(
            "anomaly.orphan.volume", zh: "{site} 存储中的案卷文件夹 {path} 在目录中没有对应案卷",
            en: "{site}: volume folder {path} in the store has no catalog volume", hint: "folder without catalog volume")
        /// The reason is the metadata reader's, bilingual (``VolumeMetadata/Problem/text``).
        static let unreadableMetadata = FindingPhrase(
            "anomaly.misfiled.unreadable", zh: "{site} {path}: {reason}，无法确认案卷归属",
            en: "{site} {path}: {reason}; the volume it belongs to cannot be confirmed")
        static let misfiled = FindingPhrase(
            "anomaly.misfiled",
            zh: "{site} 文件夹 {folder} 中的 metadata.xml 记载的是[企业代码 {uscc}][、序号 {andSeq}][序号 {seq}]，与所在文件夹不符",
            en: "{site}: the metadata.xml in folder {folder} names [enterprise code {uscc}][ and seq {andSeq}][seq {seq}],"
                + " not the folder it sits in",
            hint: "metadata names another volume")
        static let pageSequence = FindingPhrase(
            "anomaly.page_sequence", zh: "{site} 案卷 {folder} 的页面文件不是 page-0001…{last}：{problems}",
            en: "{site}: the page files of volume {folder} are not page-0001…{last}: {problems}", hint: "page files not 1…N")
        static let gaps = FindingPhrase("anomaly.page_sequence.gaps", zh: "缺号 {files}", en: "missing {files}")
        static let duplicates = FindingPhrase("anomaly.page_sequence.duplicates", zh: "重复 {files}", en: "duplicated {files}")
        static let extras = FindingPhrase("anomaly.page_sequence.extras", zh: "多余 {files}", en: "extra {files}")

        static let all = [staleLock, volumeSequence, invalidUSCC, orphanFolder, orphanVolume, unreadableMetadata, misfiled,
                          pageSequence, gaps, duplicates, extras]
        static let terms = ["none": FindingTerm(zh: "（无）", en: "(none)")]
    }
}
