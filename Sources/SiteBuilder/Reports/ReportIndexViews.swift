import Foundation

/// What `layouts/month-index` reads: everything of one month (its summary, daily reports, tickets and
/// query days).
struct MonthIndexView: ReportView {
    static let template = "layouts/month-index"

    var month: String
    var summaryHref: String
    var runs: [RunLink]
    var runCount: String
    var tickets: [TicketRow]
    var ticketCount: String
    /// Empty when the month has no day figures.
    var queryDaysHref: String
}

/// What `layouts/inspections-index` reads: the newest month's daily reports day by day, and every month
/// of every year in one row (runs, how many ended OK, with notices, warnings or critical findings, and
/// the findings in all) linking to the month's page, where its runs are listed.
///
/// A manager reads the newest days and the trend of the months; the day-by-day grid of three years (1,100
/// links in both languages) was rendered again after every inspection, so the older days moved to their
/// month pages.
struct InspectionsIndexView: ReportView {
    static let template = "layouts/inspections-index"

    struct Month: Codable {
        var month: String
        var href: String
        var summaryHref: String
        var runs: [RunLink]
    }

    /// One month's row: its runs counted by their worst finding.
    struct MonthRow: Codable {
        var month: String
        var href: String
        var summaryHref: String
        var runs: String
        var ok: String
        var info: String
        var warning: String
        var critical: String
        /// Counts coloured only when not zero: a red 0 reads as an alarm.
        var hasWarning: Bool
        var hasCritical: Bool
        var findings: String
    }

    struct Year: Codable {
        var year: String
        var months: [MonthRow]
    }

    /// The newest month with runs; nil when there is none.
    var latest: Month?
    /// Newest first, each year's months newest first.
    var years: [Year]
    /// The list of 数据迁移核对报告; nil (no link) when there is none in the period.
    var comparisonsHref: String?
}

/// What `layouts/tickets-index` reads: tickets by month and by category, and the open ones.
struct TicketsIndexView: ReportView {
    static let template = "layouts/tickets-index"

    struct Month: Codable {
        var month: String
        var href: String
        var count: String
        var open: String
    }

    var months: [Month]
    var categories: [CategoryLink]
    var openHref: String
    var openCount: String
}

/// What `layouts/ticket-list` reads: one list of tickets (a category, or the open ones).
struct TicketListView: ReportView {
    static let template = "layouts/ticket-list"

    var tickets: [TicketRow]
    var count: String
}

/// What `layouts/monthly-index` reads: the monthly summaries with their headline figures.
struct MonthlyIndexView: ReportView {
    static let template = "layouts/monthly-index"

    struct Month: Codable {
        var month: String
        var href: String
        var tickets: String
        var runs: String
        var response: String
        var onsite: String
    }

    var months: [Month]
}
