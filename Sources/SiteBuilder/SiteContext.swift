import Foundation

/// Site-wide values every template sees as `site.*`: title, language, navigation and footer.
public struct SiteContext: Sendable {
    public var title = "企业电子档案资源共享中心运维"
    public var lang = "zh-CN"
    public var footer = "企业电子档案资源共享中心维护项目 · ArchiveOps 生成"
    /// Top navigation: label and path below Output/.
    public var nav: [(label: String, href: String)] = [
        ("首页", "index.html"),
        ("巡检报告", "inspections/index.html"),
        ("运维任务单", "tickets/index.html"),
        ("月度总结", "monthly/index.html"),
        ("查询统计", "queries/index.html"),
        ("企业档案", "enterprises/index.html"),
        ("硬件选型", "sizing/index.html"),
        ("培训手册", "manual/index.html"),
    ]

    public init() {}

    /// What the layout of a page at `path` reads as `site.*`, the current nav entry marked.
    func view(currentPath: String) -> SiteView {
        SiteView(title: title, lang: lang, footer: footer,
                 nav: nav.map { .init(label: $0.label, href: $0.href, current: $0.href == currentPath) })
    }

    /// The same for a page of `language` at `path` (below its language folder). An English page's nav
    /// links to the English twin of an entry when `labels` has an English name for it (`nav:<href>`), and
    /// to the Chinese page otherwise (e.g. the training manuals, which exist in Chinese only).
    func view(currentPath: String, language: SiteLanguage, labels: [String: String]) -> SiteView {
        guard language == .en else { return view(currentPath: currentPath) }
        return SiteView(
            title: labels["site_title"] ?? title, lang: language.htmlLang, footer: labels["site_footer"] ?? footer,
            nav: nav.map { entry in
                if let english = labels["nav:\(entry.href)"] {
                    return .init(label: english, href: "en/\(entry.href)", current: entry.href == currentPath)
                }
                return .init(label: labels["nav_zh:\(entry.href)"] ?? entry.label, href: entry.href, current: false,
                             hreflang: "zh-CN")
            })
    }
}
