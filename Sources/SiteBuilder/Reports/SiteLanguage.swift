import Foundation

/// The two languages of the fixed labels. Chinese pages live at their path; each report page has an
/// English twin under `en/` with the same data (data is never translated, only the labels around it).
public enum SiteLanguage: String, CaseIterable, Sendable {
    case zh, en

    /// The `lang` attribute of the page.
    public var htmlLang: String { self == .zh ? "zh-CN" : "en" }

    /// Where a page of this language lives: `x.html` or `en/x.html`.
    public func path(_ path: String) -> String { self == .zh ? path : "en/\(path)" }
}
