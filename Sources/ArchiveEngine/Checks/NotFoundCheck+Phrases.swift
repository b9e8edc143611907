/// The sentences of 外部查询查不到档案检查's findings, in Chinese and English (``FindingPhrase``). Every one
/// starts with the query: its id and what the user typed.
extension NotFoundCheck {
    enum Phrase {
        static let noVolume = FindingPhrase(
            "notfound.no_volume", zh: "查询 #{query}「{text}」：企业 {name}（{uscc}）在目录中存在，但没有任何案卷",
            en: "Query #{query} “{text}”: enterprise {name} ({uscc}) is in the catalog but has no volumes",
            hint: "enterprise has no volumes")
        static let notSynced = FindingPhrase(
            "notfound.not_synced", zh: "查询 #{query}「{text}」：企业 {name}（{uscc}）存在，但 {volumes} 不在提供查询的站点 {site}",
            en: "Query #{query} “{text}”: enterprise {name} ({uscc}) exists, but {volumes} are not at the serving site {site}",
            hint: "volumes not at serving site")
        static let invalidCode = FindingPhrase(
            "notfound.invalid_code", zh: "查询 #{query}「{text}」：代码校验位错误，{advice}",
            en: "Query #{query} “{text}”: the check character is wrong; {advice}", hint: "check character fails")
        static let noSuggestion = FindingPhrase(
            "notfound.invalid_code.none", zh: "目录中没有只差一个字符的代码", en: "no catalog code differs by one character")
        static let suggestion = FindingPhrase(
            "notfound.invalid_code.one", zh: "建议代码 {code}（{name}）", en: "suggested code {code} ({name})")
        static let suggestions = FindingPhrase(
            "notfound.invalid_code.many", zh: "目录中有 {count} 个只差一个字符的代码，无法确定：{codes}",
            en: "{count} catalog codes differ by one character, cannot tell which: {codes}")
        static let formerName = FindingPhrase(
            "notfound.former_name", zh: "查询 #{query}「{text}」：是企业的曾用名，现名称为 {name}（{uscc}）[，另有 {others} 家同名企业]",
            en: "Query #{query} “{text}”: a former name of the enterprise now called {name} ({uscc})"
                + "[; {others} more enterprises match]",
            hint: "former name")
        static let nameVariant = FindingPhrase(
            "notfound.name_variant",
            zh: "查询 #{query}「{text}」：与企业现名称 {name}（{uscc}）仅有全角/半角、括号或空格差异[，另有 {others} 家同名企业]",
            en: "Query #{query} “{text}”: differs from the current name {name} ({uscc}) only in full-/half-width characters,"
                + " brackets or spaces[; {others} more enterprises match]",
            hint: "name variant")
        static let unknown = FindingPhrase(
            "notfound.unknown", zh: "查询 #{query}「{text}」：目录中没有匹配的企业，可能在外地登记或输入有误",
            en: "Query #{query} “{text}”: no enterprise in the catalog matches; registered elsewhere or mistyped",
            hint: "no match in catalog")

        static let all = [noVolume, notSynced, invalidCode, noSuggestion, suggestion, suggestions, formerName, nameVariant, unknown]
    }
}
