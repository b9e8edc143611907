import ArchiveEngine
/// Places and words of Dongguan (东莞市) for the sample center: the branch offices (分局) of the towns and
/// streets, and the parts of plausible enterprise names. All names are synthetic combinations; no real
/// enterprise is described.
public enum DongguanGazetteer {
    /// A branch (分局) of the market-supervision bureau, named after its town or street (镇街).
    public struct Branch: Sendable, Equatable {
        public var id: String
        public var town: String
        /// Short latin tag for host and terminal names (HM = 虎门).
        public var tag: String
        public var name: String { "\(town)分局" }
    }

    public static let branches: [Branch] = [
        .init(id: "branch-guancheng", town: "莞城", tag: "GC"),
        .init(id: "branch-dongcheng", town: "东城", tag: "DC"),
        .init(id: "branch-nancheng", town: "南城", tag: "NC"),
        .init(id: "branch-wanjiang", town: "万江", tag: "WJ"),
        .init(id: "branch-humen", town: "虎门", tag: "HM"),
        .init(id: "branch-changan", town: "长安", tag: "CA"),
        .init(id: "branch-changping", town: "常平", tag: "CP"),
        .init(id: "branch-tangxia", town: "塘厦", tag: "TX"),
        .init(id: "branch-houjie", town: "厚街", tag: "HJ"),
        .init(id: "branch-dalang", town: "大朗", tag: "DL"),
        .init(id: "branch-fenggang", town: "凤岗", tag: "FG"),
        .init(id: "branch-songshanhu", town: "松山湖", tag: "SSH"),
    ]

    /// Villages and communities used in brackets: 东莞市长安（锦厦）五金制品有限公司.
    static let communities = ["锦厦", "沙头", "乌沙", "白沙", "怀德", "赤岭", "树田", "太平", "新安", "上角",
                              "石碣", "桥头", "黄江", "清溪", "樟木头", "企石", "横沥", "东坑", "寮步", "麻涌"]

    /// Trade names (字号): two characters, combined into names nobody registered on purpose.
    static let tradeNames = ["宏达", "鑫源", "华盛", "恒丰", "永信", "锦程", "联创", "新科", "志达", "骏业",
                             "顺昌", "裕隆", "汇通", "精工", "明辉", "长荣", "立信", "瑞丰", "德润", "嘉华",
                             "森泰", "泓基", "凯旋", "利民", "万家", "同创", "博远", "中泰", "海扬", "正和",
                             "启航", "天禾", "兴旺", "合众", "星辰", "广誉", "美佳", "乐业", "晟达", "致远"]

    /// Lines of business (行业) with the registration type that usually goes with them.
    static let industries = ["电子科技", "五金制品", "塑胶制品", "家具", "服装", "模具", "包装材料", "光电科技",
                             "机械设备", "贸易", "物流", "餐饮管理", "食品", "印刷", "新材料", "智能装备",
                             "鞋业", "玩具", "化工", "建材"]

    static let forms = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"]

    /// Individual businesses (个体工商户) are named after a shop.
    static let shopKinds = ["五金店", "便利店", "服装店", "餐馆", "电器维修部", "副食店", "手机店", "茶行"]

    /// Registration events (登记事项) in the order they happen to an enterprise.
    static let laterEvents = ["变更登记", "变更登记", "变更登记", "备案", "备案", "股权出质登记"]

    static let statuses = ["存续", "存续", "存续", "存续", "存续", "存续", "在业", "迁出"]
}
