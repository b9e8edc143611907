import Foundation

// Rows and links that several report views share, named as the templates name their keys.

/// A finding as the report tables show it: code and title, severity, where and what.
struct FindingRow: Codable {
    var code: String
    var title: String
    var severity: String
    var severityLabel: String
    var place: String
    var detail: [TextSpan]
    /// Absent rather than empty: Mustache treats an empty string as a value and would print the <br>.
    var uscc: String?
    var path: String?
    /// The enterprise's page (企业档案全貌), present with `uscc`.
    var enterpriseHref: String?
    /// Set in a check's severity groups of the daily report: new since the run before.
    var isNew: Bool?
    /// Set in the monthly summary's repaired anomalies: the report of the run that found it.
    var runHref: String?
    var runDay: String?
}

/// A ticket in a ticket table (`partials/ticket-table`).
struct TicketRow: Codable {
    var id: String
    var href: String
    var reported: String
    var category: String
    var priority: String
    var priorityKey: String
    var status: String
    var unit: String
    var sla: String
    var slaKey: String
}

/// A link to a daily inspection report with its worst severity and finding count.
struct RunLink: Codable {
    var href: String
    var day: String
    var time: String
    var host: String
    var count: String
    var status: String
    var statusLabel: String
}

/// A ticket category with its list page and count.
struct CategoryLink: Codable {
    var label: String
    var href: String
    var count: String
}

/// A month with the page it links to.
struct MonthLink: Codable {
    var month: String
    var href: String
}

/// A finding or not-found cause code with its title and a count.
struct CodeCount: Codable {
    var code: String
    var title: String
    var count: String
}

/// A column heading that is data (a priority, a channel).
struct ColumnLabel: Codable {
    var label: String
}

/// A number cell of a table row.
struct NumberCell: Codable {
    var n: String
}

/// An SLA verdict: `met` / `missed` / … and its sentence with the margin.
struct VerdictView: Codable {
    var outcome: String
    var text: String
}
