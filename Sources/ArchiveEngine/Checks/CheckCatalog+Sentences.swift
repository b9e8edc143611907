/// A stored finding as a sentence of a page's language, and the catalogue's guidance in that language.
extension CheckCatalog {
    /// The finding's sentence in `language`, from its ``Finding/params`` and its check's phrases.
    ///
    /// A finding without params (an older database, another host's older JSON lines) or whose phrase this
    /// version does not know falls back to its stored `detail`: on a Chinese page the Chinese half, on an
    /// English page the whole text marked as data (it is the center's own words, not translated).
    public static func sentence(of finding: Finding, in language: TextLanguage,
                                checks: [CheckDefinition] = all) -> [FindingSpan] {
        if let m = finding.params, let check = checks.first(where: { $0.id == finding.check }),
           let phrase = check.phrases[m.key], let spans = phrase.render(language, m.values, in: check) {
            return spans
        }
        let halves = BilingualText(finding.detail)
        switch language {
        case .zh: return [FindingSpan(halves.chinese, isData: false)]
        case .en: return [FindingSpan(finding.detail, isData: true)]
        }
    }

    /// The title of a finding code in `language` (the code itself for a code no check defines).
    public static func title(code: String, in language: TextLanguage) -> String {
        definition(code: code)?.guidance(language).title ?? code
    }
}
