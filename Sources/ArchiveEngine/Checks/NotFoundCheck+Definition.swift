/// What 外部查询查不到档案检查 is and what each of its finding codes means: the texts the reports, the CLI and the
/// manual's check catalogue (检查项目录) are made from, kept beside the check so they change together.
extension NotFoundCheck {
    public static let definition = CheckDefinition(
        id: "notfound", name: "外部查询查不到档案检查", englishName: "Queries that found no archive",
        summary: "对巡检窗口内（默认前一自然日）每一条查无结果的查询分析原因，给出答复群众和修正数据的依据。",
        englishSummary: "Finds the most likely cause of every query in the inspection window (by default the previous calendar day) "
            + "that found nothing, so that the citizen can be answered and the data fixed.",
        ticketCategory: .notfound, codes: Code.self, phrases: Phrase.all)

    /// The finding codes of 外部查询查不到档案检查, in the order the manual lists them.
    public enum Code: String, FindingCode {
        case invalidCode = "notfound.invalid_code"
        case formerName = "notfound.former_name"
        case nameVariant = "notfound.name_variant"
        case notSynced = "notfound.not_synced"
        case noVolume = "notfound.no_volume"
        case unknown = "notfound.unknown"

        public var definition: FindingCodeDefinition {
            switch self {
            case .invalidCode:
                describe(title: "代码校验位错误", severity: .info,
                    meaning: "查询的统一社会信用代码校验位不正确；若目录中恰有一个只差一个字符的代码，给出建议。",
                    causes: ["群众输入错误", "证照上的代码被误读"],
                    resolution: ["按建议的正确代码重新查询", "向查询人核实营业执照上的代码"],
                    english: .init(
                        title: "Check character wrong",
                        meaning: "The unified social credit code queried has a wrong check character; when exactly one catalog code "
                            + "differs by one character, it is suggested.",
                        causes: ["Typing mistake", "The code on the licence was misread"],
                        resolution: ["Query again with the suggested code", "Ask the citizen for the code on the business licence"]))
            case .formerName:
                describe(title: "使用了曾用名", severity: .info,
                    meaning: "按名称查询未找到，但与某企业的曾用名一致。",
                    causes: ["企业已更名，查询人使用旧名称"],
                    resolution: ["告知查询人企业现名称", "评估在终端开启曾用名检索"],
                    english: .init(
                        title: "Former name used", meaning: "A name query found nothing but matches an enterprise's former name.",
                        causes: ["The enterprise was renamed and the citizen used the old name"],
                        resolution: [
                            "Tell the citizen the enterprise's current name",
                            "Consider enabling former-name search on the kiosks"
                        ]))
            case .nameVariant:
                describe(title: "名称写法差异", severity: .info,
                    meaning: "按名称查询未找到，但统一全角/半角字符、中英文括号和空格后与某企业现名称一致。",
                    causes: ["输入法全角/半角差异", "括号（）与 () 混用", "多余空格"],
                    resolution: ["告知查询人正确写法", "评估在终端查询时做名称规范化"],
                    english: .init(
                        title: "Name written differently",
                        meaning: "A name query found nothing but matches a current name once full-/half-width characters, Chinese and "
                            + "Latin brackets and spaces are normalised.",
                        causes: ["Full-width/half-width input", "Brackets （） and () mixed", "Extra spaces"],
                        resolution: ["Tell the citizen the right spelling", "Consider normalising names in kiosk queries"]))
            case .notSynced:
                describe(title: "档案未同步到查询站点", severity: .warning,
                    meaning: "企业存在，但其案卷不在提供查询服务的站点。",
                    causes: ["同步延迟或失败", "新登记案卷尚在宽限期内"],
                    resolution: ["按“档案缺失”处理同步", "同步后请查询人重新查询"],
                    english: .init(
                        title: "Archive not at the serving site",
                        meaning: "The enterprise exists, but its volumes are not at the site that served the query.",
                        causes: ["Sync delayed or failed", "Newly registered volumes still within the grace period"],
                        resolution: ["Handle the sync as for “Archive missing”", "Ask the citizen to query again after the sync"]))
            case .noVolume:
                describe(title: "企业无案卷", severity: .warning,
                    meaning: "企业存在于目录中，但没有任何案卷。",
                    causes: ["档案尚未扫描加工", "案卷登记遗漏"],
                    resolution: ["联系加工中心确认该企业档案的扫描进度", "补录案卷"],
                    english: .init(
                        title: "Enterprise has no volumes", meaning: "The enterprise is in the catalog but has no volumes.",
                        causes: ["The archive has not been scanned yet", "Volume registration was missed"],
                        resolution: ["Ask the processing center how far the enterprise's scanning is", "Register the missing volumes"]))
            case .unknown:
                describe(title: "目录中无此企业", severity: .info,
                    meaning: "目录中没有任何与查询匹配的企业，可能在外地登记。",
                    causes: ["企业在其他城市登记", "查询内容有误"],
                    resolution: ["告知查询人向登记地查询", "核实查询内容"],
                    english: .init(
                        title: "No such enterprise in the catalog",
                        meaning: "No enterprise in the catalog matches the query; it may be registered elsewhere.",
                        causes: ["Registered in another city", "The query was mistyped"],
                        resolution: ["Tell the citizen to ask where the enterprise is registered", "Check what was typed"]))
            }
        }
    }
}
