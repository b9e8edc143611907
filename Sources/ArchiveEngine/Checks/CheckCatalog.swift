/// Every check of the daily inspection, in the order a report lists them.
///
/// This is the one list the engine runs from (`--only` names its ids) and the list the training site's
/// check catalogue is generated from. Adding a check means adding its definition here (next to its type
/// under `Checks/`); nothing under `Content/` has to change.
public enum CheckCatalog {
    public static let all: [CheckDefinition] = [
        .sync, .efile, .seal, .disk, .notfound, .anomaly, .fixity,
    ]

    public static func definition(id: String) -> CheckDefinition? {
        all.first { $0.id == id }
    }

    public static func definition(code: String) -> FindingCodeDefinition? {
        for check in all { if let c = check.codes.first(where: { $0.code == code }) { return c } }
        return nil
    }
}

extension CheckDefinition {
    public static let sync = CheckDefinition(
        id: "sync", name: "日常档案同步检查",
        summary: "核对数据加工中心、市局数据中心、各分局与异地云备份是否都持有应有的案卷及其文件，且内容与目录哈希一致。",
        ticketCategory: .sync,
        codes: [
            .init(code: "sync.missing", title: "档案缺失", severity: .critical,
                  meaning: "已过同步宽限期的案卷（或其 metadata.xml、页面文件、已生成的 volume.pdf / volume.sealed.pdf）在应持有它的站点上不存在。",
                  causes: ["同步任务未运行或中途失败", "站点存储空间已满导致写入失败", "网络中断", "人工误删"],
                  resolution: ["在加工中心确认该案卷文件完整", "对该站点重新执行该案卷的同步", "同步完成后重新运行 archive-ops check --only sync 确认消除"]),
            .init(code: "sync.corrupt", title: "文件内容不一致", severity: .critical,
                  meaning: "站点上的页面文件、volume.pdf 或 volume.sealed.pdf 的 SHA-256 与目录记录不一致。",
                  causes: ["同步过程中断导致文件截断", "存储介质故障", "文件被人工替换"],
                  resolution: ["从加工中心（或其他哈希正确的站点）重新复制该文件", "若多个文件同时损坏，检查该站点磁盘健康状况", "重新运行检查确认"]),
            .init(code: "sync.misplaced", title: "档案错放分局", severity: .warning,
                  meaning: "分局存储中出现了不属于本分局管辖企业的案卷。",
                  causes: ["企业迁移管辖后旧分局副本未清理", "同步规则配置错误"],
                  resolution: ["核实企业当前管辖分局（enterprise.branch_id）", "确认正确分局已持有该案卷后，从错放分局移除", "检查同步规则配置"]),
        ])

    public static let efile = CheckDefinition(
        id: "efile", name: "电子文件生成检查",
        summary: "检查电子文件（volume.pdf）是否按时生成、是否失败或卡住，以及已生成的文件是否完整可用。",
        ticketCategory: .efile,
        codes: [
            .init(code: "efile.failed", title: "电子文件生成失败", severity: .critical,
                  meaning: "案卷的 efile_status 为 failed。",
                  causes: ["页面图像损坏或格式不支持", "生成服务异常", "磁盘空间不足"],
                  resolution: ["查看生成服务日志定位失败原因", "修复页面文件后将状态重置为 pending 重新生成", "生成后确认 volume.pdf 页数与 pages 一致"]),
            .init(code: "efile.stuck", title: "电子文件生成卡住", severity: .warning,
                  meaning: "efile_status 为 generating 已超过 2 小时。",
                  causes: ["生成进程崩溃但状态未回写", "生成服务被重启"],
                  resolution: ["确认生成进程是否仍在运行", "若已停止，将状态重置为 pending", "观察下一轮是否生成成功"]),
            .init(code: "efile.backlog", title: "电子文件生成积压", severity: .warning,
                  meaning: "efile_status 为 pending，且距扫描完成（created_at）已超过 24 小时。",
                  causes: ["生成服务停止", "队列积压过多", "服务器性能不足"],
                  resolution: ["检查生成服务是否运行", "查看积压数量与处理速度，必要时扩容", "积压清除后重新检查"]),
            .init(code: "efile.broken", title: "电子文件损坏", severity: .critical,
                  meaning: "状态为 done，但加工中心的 volume.pdf 为空、不是 PDF、被截断（无 %%EOF）或页数与 pages 不一致。",
                  causes: ["生成过程被中断", "写盘时空间不足", "页面缺失导致页数不符"],
                  resolution: ["将该案卷 efile_status 重置为 pending 重新生成", "重新生成后核对页数", "同步新的 volume.pdf 到各站点"]),
        ])

    public static let seal = CheckDefinition(
        id: "seal", name: "签章文件生成检查",
        summary: "检查签章文件（volume.sealed.pdf）是否按时生成，以及签名是否有效、覆盖全文、由受信任的签章证书签署。",
        ticketCategory: .seal,
        codes: [
            .init(code: "seal.failed", title: "签章失败", severity: .critical,
                  meaning: "案卷的 seal_status 为 failed。",
                  causes: ["签章服务不可用", "签章证书过期或不可读", "电子文件损坏"],
                  resolution: ["检查签章服务与证书有效期", "确认 volume.pdf 完好", "将 seal_status 重置为 pending 重新签章"]),
            .init(code: "seal.backlog", title: "签章积压", severity: .warning,
                  meaning: "电子文件已生成，但签章在 efile_updated_at 之后超过 24 小时仍为 pending。",
                  causes: ["签章服务停止", "签章队列积压"],
                  resolution: ["检查签章服务运行状态", "查看队列积压并处理", "积压清除后重新检查"]),
            .init(code: "seal.invalid", title: "签章无效", severity: .critical,
                  meaning: "签章文件存在，但签名校验不通过、ByteRange 未覆盖除签名外的全部内容，或签署人不是受信任的签章证书。",
                  causes: ["签章后文件被修改或追加内容", "使用了错误的证书签章", "文件传输损坏"],
                  resolution: ["用 archive-ops check --only seal 或 pdfsig 复核", "以正确的签章证书重新签章", "同步新的签章文件到各站点"]),
        ])

    public static let disk = CheckDefinition(
        id: "disk", name: "服务器空间监控",
        summary: "根据本机挂载点的实时使用率和中心监控的历史采样，发现空间不足并预测写满时间。",
        ticketCategory: .disk,
        codes: [
            .init(code: "disk.usage", title: "磁盘使用率过高", severity: .warning,
                  meaning: "挂载点使用率达到 80%（警告）或 90%（严重）。",
                  causes: ["档案量自然增长", "临时文件或日志未清理", "重复副本"],
                  resolution: ["清理临时文件与过期日志", "评估扩容需求（参见硬件选型建议）", "扩容或迁移后重新检查"]),
            .init(code: "disk.forecast", title: "磁盘预计写满", severity: .warning,
                  meaning: "按历史增长趋势，挂载点预计在 90 天内（警告）或 30 天内（严重）写满。",
                  causes: ["业务量增长快于规划", "扫描分辨率提高导致单页变大"],
                  resolution: ["提交扩容申请，预留采购周期", "参考月度总结中的增长曲线规划容量"]),
        ])

    public static let notfound = CheckDefinition(
        id: "notfound", name: "外部查询查不到档案检查",
        summary: "对巡检窗口内（默认前一自然日）每一条查无结果的查询分析原因，给出答复群众和修正数据的依据。",
        ticketCategory: .notfound,
        codes: [
            .init(code: "notfound.invalid_code", title: "代码校验位错误", severity: .info,
                  meaning: "查询的统一社会信用代码校验位不正确；若目录中恰有一个只差一个字符的代码，给出建议。",
                  causes: ["群众输入错误", "证照上的代码被误读"],
                  resolution: ["按建议的正确代码重新查询", "向查询人核实营业执照上的代码"]),
            .init(code: "notfound.former_name", title: "使用了曾用名", severity: .info,
                  meaning: "按名称查询未找到，但与某企业的曾用名一致。",
                  causes: ["企业已更名，查询人使用旧名称"],
                  resolution: ["告知查询人企业现名称", "评估在终端开启曾用名检索"]),
            .init(code: "notfound.name_variant", title: "名称写法差异", severity: .info,
                  meaning: "按名称查询未找到，但统一全角/半角字符、中英文括号和空格后与某企业现名称一致。",
                  causes: ["输入法全角/半角差异", "括号（）与 () 混用", "多余空格"],
                  resolution: ["告知查询人正确写法", "评估在终端查询时做名称规范化"]),
            .init(code: "notfound.not_synced", title: "档案未同步到查询站点", severity: .warning,
                  meaning: "企业存在，但其案卷不在提供查询服务的站点。",
                  causes: ["同步延迟或失败", "新登记案卷尚在宽限期内"],
                  resolution: ["按“档案缺失”处理同步", "同步后请查询人重新查询"]),
            .init(code: "notfound.no_volume", title: "企业无案卷", severity: .warning,
                  meaning: "企业存在于目录中，但没有任何案卷。",
                  causes: ["档案尚未扫描加工", "案卷登记遗漏"],
                  resolution: ["联系加工中心确认该企业档案的扫描进度", "补录案卷"]),
            .init(code: "notfound.unknown", title: "目录中无此企业", severity: .info,
                  meaning: "目录中没有任何与查询匹配的企业，可能在外地登记。",
                  causes: ["企业在其他城市登记", "查询内容有误"],
                  resolution: ["告知查询人向登记地查询", "核实查询内容"]),
        ])

    public static let anomaly = CheckDefinition(
        id: "anomaly", name: "异常数据分析",
        summary: "发现网络原因导致的异常锁定、操作失误导致的档案卷错乱、页面与案卷序号异常、无效代码和孤立文件夹。",
        ticketCategory: .anomaly,
        codes: [
            .init(code: "anomaly.stale_lock", title: "异常锁定", severity: .warning,
                  meaning: "案卷编辑锁被工作站持有超过 30 分钟（多为网络原因导致）。",
                  causes: ["工作站网络中断后未释放锁", "客户端异常退出"],
                  resolution: ["联系锁持有工作站确认是否仍在编辑", "确认无人编辑后在后台释放锁", "检查该工作站网络"]),
            .init(code: "anomaly.misfiled", title: "档案卷错乱", severity: .critical,
                  meaning: "metadata.xml 记载的企业或序号与其所在文件夹不一致。",
                  causes: ["人工移动或复制文件夹时操作失误", "加工时选错企业"],
                  resolution: ["根据 metadata.xml 与页面内容核实正确归属", "将文件夹移回正确位置并重新同步", "复核该企业其他案卷"]),
            .init(code: "anomaly.page_sequence", title: "页面序号异常", severity: .warning,
                  meaning: "站点上的页面文件不是恰好 page-0001 … page-N（N 为 pages）：有缺号、重复或多余。",
                  causes: ["补扫页面命名错误", "同步残留旧文件"],
                  resolution: ["对照 metadata.xml 核对页面", "补齐缺页或删除多余文件", "重新生成电子文件"]),
            .init(code: "anomaly.volume_sequence", title: "案卷序号异常", severity: .warning,
                  meaning: "同一企业的案卷序号不是连续的 1 … n。",
                  causes: ["案卷删除后未重排", "并发登记导致序号冲突"],
                  resolution: ["核实该企业登记事件顺序", "在后台修正案卷序号"]),
            .init(code: "anomaly.invalid_uscc", title: "无效统一社会信用代码", severity: .warning,
                  meaning: "目录中的统一社会信用代码不符合 GB 32100-2015 校验位规则。",
                  causes: ["录入错误", "历史数据迁移错误"],
                  resolution: ["对照营业执照核实代码", "在后台修正目录中的代码"]),
            .init(code: "anomaly.orphan", title: "孤立案卷文件夹", severity: .warning,
                  meaning: "存储中有案卷文件夹，但目录中没有对应的案卷。",
                  causes: ["案卷已删除但文件未清理", "目录记录丢失"],
                  resolution: ["核实该文件夹内容归属", "补录目录或归档后清理文件夹"]),
        ])

    public static let fixity = CheckDefinition(
        id: "fixity", name: "数据完整性校验",
        summary: "按周期对市局数据中心与异地云备份的页面文件重新计算 SHA-256，发现静默损坏（定期深度校验）。",
        ticketCategory: .sync,
        codes: [
            .init(code: "fixity.mismatch", title: "校验值不一致", severity: .critical,
                  meaning: "重新计算哈希的页面文件与目录记录不一致。",
                  causes: ["存储介质静默损坏", "文件被改写"],
                  resolution: ["从加工中心或其他正确副本恢复该文件", "检查存储设备健康状况", "扩大该设备的校验范围"]),
        ])
}
