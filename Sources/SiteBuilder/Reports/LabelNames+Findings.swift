import ArchiveEngine
import Foundation

/// A piece of text on a page: fixed words, or a value from the data marked `<span class="datum">` (with
/// `lang="zh-CN"` when it is Chinese on an English page), so that a reader's tools and the language tests
/// can tell the center's own words from the page's.
struct TextSpan: Codable {
    var text: String
    var data: Bool
    /// `zh-CN` for Chinese data on an English page; absent otherwise.
    var spanLang: String?
}

/// The finding texts in the page's language: a finding's sentence from its stored params, and the check
/// catalogue's titles, summaries and guidance.
extension LabelNames {
    var textLanguage: TextLanguage { language == .zh ? .zh : .en }

    /// The finding's sentence as spans (its stored `detail` for findings without params).
    func sentence(_ f: Finding) -> [TextSpan] {
        spans(CheckCatalog.sentence(of: f, in: textLanguage, checks: checks))
    }

    /// Plain text in the page's language as spans: data spans for the data, with its language when it
    /// differs from the page's.
    func spans(_ spans: [FindingSpan]) -> [TextSpan] {
        spans.map { s in
            TextSpan(text: s.text, data: s.isData,
                     spanLang: s.isData && language == .en && s.text.unicodeScalars.contains(where: BilingualText.isHan)
                        ? "zh-CN" : nil)
        }
    }

    /// A text in the project's bilingual form `中文 (english)` (the sizing advice's assumptions, a check
    /// mark, an event): the half of the page's language.
    func local(_ text: String) -> String { BilingualText(text).text(textLanguage) }

    /// The same as spans: on an English page the Chinese characters left in the English half can only be
    /// data the sentence quotes (a device group's name, an interface the inventory names in Chinese), so
    /// they are marked as data.
    func localSpans(_ text: String) -> [TextSpan] {
        let half = local(text)
        guard language == .en else { return [TextSpan(text: half, data: false)] }
        var out: [FindingSpan] = []
        var run = "", runIsHan = false
        for ch in half {
            let han = ch.unicodeScalars.contains(where: BilingualText.isHan)
            if han != runIsHan, !run.isEmpty { out.append(FindingSpan(run, isData: runIsHan)); run = "" }
            runIsHan = han
            run.append(ch)
        }
        if !run.isEmpty { out.append(FindingSpan(run, isData: runIsHan)) }
        return spans(out)
    }

    /// `、` / `, ` between the items of a list; `；` / `; ` between clauses.
    var listSeparator: String { language == .zh ? "、" : ", " }
    var clauseSeparator: String { language == .zh ? "；" : "; " }

    /// A value from the data shown alone (a unit, a name): one data span.
    func data(_ text: String) -> [TextSpan] { spans([FindingSpan(text, isData: true)]) }

    /// The title of a finding code (the model's title for a code no check defines).
    func codeTitle(_ code: String, _ fallback: String) -> String {
        definition(code)?.guidance(textLanguage).title ?? fallback
    }

    /// A check's summary (the model's for a check the catalogue does not list).
    func checkSummary(_ id: String, _ fallback: String) -> String {
        checks.first { $0.id == id }?.summary(textLanguage) ?? fallback
    }

    /// A finding code's guidance in the page's language.
    func guidance(_ code: String) -> FindingGuidance? { definition(code)?.guidance(textLanguage) }

    private func definition(_ code: String) -> FindingCodeDefinition? {
        for check in checks { if let c = check.codes.first(where: { $0.code == code }) { return c } }
        return nil
    }
}
