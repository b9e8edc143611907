import Foundation

/// Site-wide values every template sees as `site.*`: title, language, navigation and footer.
public struct SiteContext: Sendable {
    public var title = "企业电子档案资源共享中心运维"
    public var lang = "zh-CN"
    public var footer = "企业电子档案资源共享中心维护项目 · ArchiveOps 生成"
    /// Top navigation: label and path below Output/.
    public var nav: [(label: String, href: String)] = [
        ("首页", "index.html"),
        ("培训手册", "manual/index.html"),
    ]

    public init() {}

    /// The template value for a page at `path`, marking the current nav entry.
    func templateValue(currentPath: String) -> [String: Any] {
        [
            "title": title, "lang": lang, "footer": footer,
            "nav": nav.map { ["label": $0.label, "href": $0.href, "current": $0.href == currentPath] as [String: Any] },
        ]
    }
}
