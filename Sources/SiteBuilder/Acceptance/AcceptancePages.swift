import Foundation

/// The pages of an acceptance bundle (验收材料), rendered by the site's own report steps from report
/// data cut to the period (``ReportScope``): the dashboard as of the period's end, the daily inspection
/// reports, the service reports and their lists, the monthly summaries, the query statistics, the
/// hardware sizing advice as of the period's end, the 数据迁移核对报告 of the period, the month indexes, and
/// the stylesheet — Chinese pages only, with links made offline (``OfflinePageLinks``).
public enum AcceptancePages {
    /// The report steps a bundle is made of (the manual and search are the site's, not the period's).
    public static let steps: [SiteBuild.Step] = [
        HomePage.step,
        InspectionReportPages.step,
        ServiceReportPages.step,
        MonthlySummaryPages.step,
        QueryStatisticsPages.step,
        SizingPages.step,
        ComparisonPages.step,
        ReportIndexPages.step,
        StaticAssets.step,
    ]

    /// The period's pages, sorted by path.
    public static func render(_ build: SiteBuild, scope: ReportScope) throws -> [SitePage] {
        var build = build
        build.scope = scope
        var pages: [SitePage] = []
        for step in steps { pages += try step(build) }
        pages = pages.filter { !$0.path.hasPrefix("en/") && !$0.path.hasSuffix(".js") }
        return OfflinePageLinks.rewrite(pages).sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }
}
