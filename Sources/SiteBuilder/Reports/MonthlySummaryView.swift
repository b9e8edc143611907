import Foundation

/// What `layouts/monthly` reads: one monthly maintenance summary (月度运维总结).
struct MonthlySummaryView: ReportView {
    static let template = "layouts/monthly"

    /// Tickets of one category by priority.
    struct TicketRowByPriority: Codable {
        var label: String
        var href: String
        var cells: [NumberCell]
        var total: String
    }

    /// One SLA target's compliance.
    struct Rate: Codable {
        var percent: String
        var met: String
        var judged: String
        var missed: String
        var notJudged: String
        var hasNotJudged: Bool
    }

    /// A ticket that missed a target.
    struct Miss: Codable {
        var id: String
        var href: String
        var priority: String
        var response: VerdictView
        var onsite: VerdictView
        var responseMinutes: String
        var onsiteMinutes: String
    }

    /// A day of the month with an inspection report.
    struct RunDay: Codable {
        var href: String
        var day: String
    }

    /// Queries of one source, level and channel.
    struct QueryRow: Codable {
        var source: String
        var level: String
        /// `不完整：29/30 天，数据截至 2023-06-29` when the month's figures stop before its end.
        var partial: String?
        var channel: String
        var queries: String
        var notFound: String
        var rate: String
    }

    /// 容量: each mount at the month's end with its forecast, each site's archive added in the month.
    struct Capacity: Codable {
        struct Mount: Codable {
            var host: String
            var mount: String
            var usage: String
            var used: String
            var growth: String
            var method: String
            var error: String
            var warning: String
            var full: String
        }
        struct Site: Codable {
            var name: String
            var id: String
            var volumes: String
            var pages: String
            var bytes: String
            var total: String
        }
        var asOf: String
        var mounts: [Mount]
        var sites: [Site]
        var hasMounts: Bool
        var hasSites: Bool
    }

    /// Disk findings of one mount point.
    struct MountCount: Codable {
        var mount: String
        var count: String
    }

    /// A training ticket of the month.
    struct Training: Codable {
        var id: String
        var href: String
        var reported: String
        var unit: String
        var description: String
        var engineer: String
        var status: String
    }

    var month: String
    var monthHref: String
    // Tickets by category and priority.
    var priorities: [ColumnLabel]
    var ticketRows: [TicketRowByPriority]
    var priorityTotals: [NumberCell]
    var ticketTotal: String
    var ticketOpen: String
    var hasTickets: Bool
    /// Only with more than one category.
    var ticketChart: String?
    // SLA.
    var response: Rate
    var onsite: Rate
    var responseTarget: String
    var onsiteTarget: String
    var misses: [Miss]
    var hasMisses: Bool
    // Inspections.
    var runCount: String
    var opened: String
    var closed: String
    var runs: [RunDay]
    var hasRuns: Bool
    /// The 08:30 deadline over the month.
    struct Deadline: Codable {
        /// A late or missing day.
        struct Day: Codable {
            var day: String
            var status: String
            var statusLabel: String
            var finished: String
            var href: String?
        }

        var rate: String?
        var days: [Day]
        var hasDays: Bool
        var allOnTime: Bool
    }

    var deadline: Deadline
    var occurrences: [CodeCount]
    var hasOccurrences: Bool
    var repaired: [FindingRow]
    var hasRepaired: Bool
    // Queries.
    var queryRows: [QueryRow]
    var hasQueries: Bool
    var causes: [CodeCount]
    var causesTotal: String
    var hasCauses: Bool
    // Disk.
    var diskLatest: [FindingRow]
    var hasDiskLatest: Bool
    var diskMounts: [MountCount]
    var hasDiskMounts: Bool
    var diskRunHref: String
    /// The capacity section (usage, growth and the forecast at the month's end); nil when not recorded.
    var capacity: Capacity?
    // Training.
    var training: [Training]
    var hasTraining: Bool
}
