/// What a check's definition must carry before it ships: every text an operator reads about it.
///
/// The reports, the CLI summary and the manual fall back quietly when a text is missing (the code instead
/// of a title, the Chinese name on English pages, an empty list of steps), so nothing fails at run time;
/// the tests call ``CheckCatalog/gaps(of:)`` on the catalogue and fail with these lines instead.
extension CheckCatalog {
    /// One line per missing or inconsistent text of `types` (empty when complete), Chinese first, naming
    /// the check or code and what to add.
    public static func gaps(of types: [any Check.Type] = checkTypes) -> [String] {
        var gaps: [String] = []
        var ids: Set<String> = [], codes: Set<String> = []
        for type in types {
            let d = type.definition
            let id = d.id
            if id.isEmpty || id.contains(".") { gaps.append("检查项编号“\(id)”无效：应为小写字母，不含点 (check id)") }
            if !ids.insert(id).inserted { gaps.append("检查项 \(id) 重复注册 (check registered twice)") }
            if d.name.isEmpty { gaps.append("检查项 \(id) 缺少中文名称 name (no name)") }
            if (d.englishName ?? "").isEmpty { gaps.append("检查项 \(id) 缺少英文名称 englishName (no English name)") }
            if d.summary.isEmpty { gaps.append("检查项 \(id) 缺少说明 summary (no summary)") }
            if (d.englishSummary ?? "").isEmpty { gaps.append("检查项 \(id) 缺少英文说明 englishSummary (no English summary)") }
            for p in d.phrases.values.sorted(by: { $0.key < $1.key }) where p.placeholders(.zh) != p.placeholders(.en) {
                gaps.append("语句 \(p.key) 的中英文模板使用的值不同 (zh and en templates name different values)")
            }
            if d.codes.isEmpty { gaps.append("检查项 \(id) 没有问题代码 (no finding codes)") }
            let declared = codeNames(of: type)
            if d.codes.map(\.code) != declared {
                gaps.append("检查项 \(id) 的定义列出的代码 \(d.codes.map(\.code)) 与其 Code 类型 \(declared) 不一致 (definition and Code differ)")
            }
            for c in d.codes {
                if !c.code.hasPrefix(id + ".") { gaps.append("问题代码 \(c.code) 应以 \(id). 开头 (code outside its check)") }
                if !codes.insert(c.code).inserted { gaps.append("问题代码 \(c.code) 重复 (code defined twice)") }
                if c.title.isEmpty { gaps.append("问题代码 \(c.code) 缺少标题 title (no label)") }
                if c.meaning.isEmpty { gaps.append("问题代码 \(c.code) 缺少含义 meaning (no meaning)") }
                if c.causes.isEmpty || c.causes.contains(where: \.isEmpty) {
                    gaps.append("问题代码 \(c.code) 缺少常见原因 causes (no causes)")
                }
                if c.resolution.isEmpty || c.resolution.contains(where: \.isEmpty) {
                    gaps.append("问题代码 \(c.code) 缺少处理步骤 resolution (no resolution)")
                }
                if let e = c.english {
                    if e.title.isEmpty || e.meaning.isEmpty || e.causes.count != c.causes.count
                        || e.resolution.count != c.resolution.count {
                        gaps.append("问题代码 \(c.code) 的英文说明不完整：标题、含义、原因与步骤应与中文一一对应 (English guidance incomplete)")
                    }
                } else {
                    gaps.append("问题代码 \(c.code) 缺少英文说明 english (no English guidance)")
                }
            }
        }
        return gaps
    }

    /// The raw values of a check type's ``Check/Code`` cases, in declaration order.
    private static func codeNames<C: Check>(of type: C.Type) -> [String] {
        C.Code.allCases.map(\.rawValue)
    }
}
