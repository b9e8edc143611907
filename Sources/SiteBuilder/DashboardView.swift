import Foundation

/// What `layouts/home` reads: the home dashboard (首页 · 运维总览).
struct DashboardView: ReportView {
    static let template = "layouts/home"

    /// The latest inspection run.
    struct LatestRun: Codable {
        var day: String
        var time: String
        var href: String
        var findings: String
    }

    /// One check of the latest run: its status and finding count.
    struct CheckStatus: Codable {
        var name: String
        var count: String
        var href: String
        var status: String
        var statusLabel: String
    }

    /// Open tickets of one priority.
    struct PriorityCount: Codable {
        var label: String
        var count: String
        var critical: Bool
    }

    /// SLA compliance of the latest month.
    struct MonthSLA: Codable {
        var month: String
        var href: String
        var response: String
        var responseMet: String
        var responseJudged: String
        var onsite: String
        var onsiteMet: String
        var onsiteJudged: String
        var responseTarget: String
        var onsiteTarget: String
    }

    /// The query trend: sparkline, line chart and the figures by month.
    struct QueryTrend: Codable {
        struct Point: Codable {
            var month: String
            var queries: String
            /// `不完整：29/30 天，数据截至 2023-06-29` for a partial month.
            var partial: String?
        }

        var svg: String
        var last: String
        var lastMonth: String
        var lastPartial: String?
        var note: String
        var points: [Point]
        var chart: String
        var hasPartial: Bool
    }

    /// A disk finding of the latest run.
    struct DiskRow: Codable {
        var host: String
        var mount: String
        var severity: String
        var severityLabel: String
        var detail: [TextSpan]
    }

    /// Today's inspection against the 08:30 deadline, and the last run's coverage.
    struct Deadline: Codable {
        var asOf: String
        var label: String
        var status: String
        var statusLabel: String
        var note: String?
        var href: String?
        var coverage: String?
    }

    var deadline: Deadline?
    /// One sentence per site whose host's result for the latest day is missing (multi-host deployment).
    var missingSites: [String] = []

    /// A mount's forecast: days to the warning line and to full (the one capacity forecast).
    struct CapacityRow: Codable {
        var host: String
        var mount: String
        var usage: String
        var href: String
        var warning: String
        var full: String
    }

    var latestRun: LatestRun?
    /// Only with a latest run.
    var checks: [CheckStatus]?
    var openTickets: String
    var totalTickets: String
    var openByPriority: [PriorityCount]
    var month: MonthSLA?
    var trend: QueryTrend?
    var disk: [DiskRow]
    var hasDisk: Bool
    var diskHref: String
    var capacity: [CapacityRow]
    var hasCapacity: Bool
    var months: [MonthLink]
    var categories: [CategoryLink]
}
