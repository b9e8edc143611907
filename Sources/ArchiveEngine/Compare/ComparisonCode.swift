/// The differences `archive-ops compare` reports between an old and a new copy of the archive (数据迁移核对),
/// as a type, with the texts the CLI, the 数据迁移核对报告 page and the manual show for each.
public enum ComparisonCode: String, FindingCode {
    case storeMissing = "compare.store_missing"
    case volumeMissing = "compare.volume_missing"
    case volumeMoved = "compare.volume_moved"
    case volumeExtra = "compare.volume_extra"
    case fileMissing = "compare.file_missing"
    case fileRenamed = "compare.file_renamed"
    case fileChanged = "compare.file_changed"
    case fileExtra = "compare.file_extra"
    case catalogMissing = "compare.catalog_missing"
    case catalogChanged = "compare.catalog_changed"
    case catalogExtra = "compare.catalog_extra"

    public var definition: FindingCodeDefinition {
        switch self {
        case .storeMissing:
            describe(title: "站点存储缺失", severity: .critical,
                meaning: "旧侧的站点存储在新侧不存在或无法读取，该站点的全部案卷都未迁移。",
                causes: ["新存储未挂载或挂载点写错", "目录中的 site.root 仍指向旧位置"],
                resolution: ["确认新存储已挂载、路径与 site.root 一致", "重新运行 archive-ops compare"])
        case .volumeMissing:
            describe(title: "案卷缺失", severity: .critical,
                meaning: "旧侧持有的案卷文件夹在新侧不存在。",
                causes: ["迁移中断或被跳过", "复制工具排除了该文件夹", "文件夹被移到了别处（若能找到会报为案卷位置变化）"],
                resolution: ["从旧侧（或其他哈希与目录一致的站点）复制整个案卷文件夹", "复制后重新运行 compare 确认"])
        case .volumeMoved:
            describe(title: "案卷位置变化", severity: .warning,
                meaning: "旧侧的案卷在新侧出现在另一个位置：另一个统一社会信用代码下，或文件夹名大小写不同。",
                causes: ["人工整理时把案卷移到了错误企业下（档案卷错乱）", "迁移到不区分大小写的文件系统后再迁回，名称大小写变化"],
                resolution: ["核对 metadata.xml 记载的企业与序号", "把文件夹移回目录规定的 <uscc>/<序号> 位置（repair-plan 可生成带撤销步骤的移动脚本）"])
        case .volumeExtra:
            describe(title: "多出的案卷", severity: .warning,
                meaning: "新侧有旧侧没有的案卷文件夹。",
                causes: ["迁移后新侧又同步了新案卷", "测试数据未清理", "案卷被复制到了错误位置"],
                resolution: ["确认该文件夹是否属于目录中的案卷", "不属于的，核实来源后移出存储"])
        case .fileMissing:
            describe(title: "文件缺失", severity: .critical,
                meaning: "旧侧案卷文件夹中的文件在新侧同一文件夹中不存在。",
                causes: ["复制中断", "复制工具跳过了特殊文件名", "磁盘写满"],
                resolution: ["从旧侧复制该文件并校验 SHA-256", "重新运行 compare 确认"])
        case .fileRenamed:
            describe(title: "文件名大小写变化", severity: .warning,
                meaning: "旧侧的文件在新侧只以大小写不同的名称存在（如 page-0001.jpg 变成 PAGE-0001.JPG）。",
                causes: ["经过不区分大小写的文件系统或 Windows 共享复制", "复制工具改写了文件名"],
                resolution: ["按目录约定的名称改回（小写 page-NNNN.jpg）", "改名后重新运行 compare 确认"])
        case .fileChanged:
            describe(title: "文件内容不同", severity: .critical,
                meaning: "同一文件在两侧的大小或 SHA-256 不同。原因栏说明是截断、图像被重新编码、签章丢失、metadata.xml 被改写还是其他改动。",
                causes: ["复制中断造成截断", "迁移工具压缩或转换了图像", "PDF 被重新保存导致签章失效", "存储介质故障"],
                resolution: ["以与目录哈希一致的一侧为准重新复制", "签章失效的文件不能手工修补，只能复制原签章文件或重新签章", "重新运行 compare 确认"])
        case .fileExtra:
            describe(title: "多出的文件", severity: .warning,
                meaning: "新侧案卷文件夹中有旧侧没有的文件。",
                causes: ["复制工具留下的临时文件", "人工放入的文件"],
                resolution: ["确认该文件的来源", "不属于案卷的文件移出存储"])
        case .catalogMissing:
            describe(title: "目录缺少案卷", severity: .critical,
                meaning: "旧侧目录中的案卷在新侧目录中没有记录。",
                causes: ["目录导出不完整", "迁移后的数据库未导入全部记录"],
                resolution: ["重新导出或导入目录", "确认 volume 与 page 表的记录数两侧一致"])
        case .catalogChanged:
            describe(title: "目录记录不同", severity: .warning,
                meaning: "同一案卷在两侧目录中的记录（页数、哈希、状态或页面行）不同。",
                causes: ["迁移期间案卷仍在加工或签章", "数据库转换改变了字段"],
                resolution: ["核对该案卷两侧的 volume 与 page 记录", "以加工中心的记录为准修正"])
        case .catalogExtra:
            describe(title: "目录多出案卷", severity: .info,
                meaning: "新侧目录中有旧侧目录没有的案卷。",
                causes: ["迁移后新加工的案卷"],
                resolution: ["一般无需处理；若不是新案卷，核实其来源"])
        }
    }
}

/// Why a file or volume differs, when the engine can tell: the common causes the issue names, so the
/// operator knows what to do without opening the files.
public enum ComparisonCause: String, Codable, CaseIterable, Sendable {
    case movedUSCC = "moved_uscc"
    case caseChange = "case_change"
    case truncated
    case reencodedImage = "reencoded_image"
    case sealLost = "seal_lost"
    case metadataChanged = "metadata_changed"
    case contentChanged = "content_changed"

    /// Chinese first, then English.
    public var title: String {
        switch self {
        case .movedUSCC: "移到了另一个统一社会信用代码下 (moved under another USCC)"
        case .caseChange: "名称大小写变化 (case change in a name)"
        case .truncated: "复制被截断 (truncated copy)"
        case .reencodedImage: "图像被重新编码 (re-encoded image)"
        case .sealLost: "签章 PDF 失去有效签章 (sealed PDF lost its signature)"
        case .metadataChanged: "metadata.xml 被改写 (metadata.xml rewritten)"
        case .contentChanged: "内容被改动 (content changed)"
        }
    }

    /// What to do about this cause, one sentence.
    public var advice: String {
        switch self {
        case .movedUSCC: "把文件夹移回 metadata.xml 与目录所记载的企业代码下。"
        case .caseChange: "按目录约定的名称改回原大小写。"
        case .truncated: "新侧文件是旧侧文件的前一部分：从旧侧重新复制整个文件。"
        case .reencodedImage: "新侧仍是完整图像但字节不同，迁移工具转换或压缩了图像：从旧侧复制原始图像，并关闭迁移工具的图像处理。"
        case .sealLost: "签章已不能通过校验：复制旧侧的签章文件；不得用重新保存的 PDF 代替。"
        case .metadataChanged: "以目录和旧侧为准复制原 metadata.xml。"
        case .contentChanged: "以与目录哈希一致的一侧为准重新复制，并检查该存储的磁盘健康状况。"
        }
    }
}
