import Foundation

/// What `layouts/enterprise` reads: one enterprise's whole story (企业档案全貌) — its code and names, its
/// volumes per site, every problem found with it over time, its not-found queries and the tickets naming it.
struct EnterpriseView: ReportView {
    static let template = "layouts/enterprise"

    /// A run of the daily inspection, linked to its report.
    struct RunRef: Codable {
        var href: String
        var day: String
    }

    /// One volume and, per site (the columns), what the open problems say of its copy there.
    struct VolumeRow: Codable {
        struct Cell: Codable {
            /// `ok`, the worst open severity there, or `none` where the site need not hold it.
            var state: String
            var label: String
            var held: Bool
        }

        var volume: String
        var seq: String
        var pages: String
        var cells: [Cell]
    }

    /// A problem from the run that found it to the run that cleared it (or still open): the finding as the
    /// daily report shows it, and its runs.
    struct Episode: Codable {
        var finding: FindingRow
        var found: RunRef
        var lastSeen: RunRef
        var cleared: RunRef?
        var runs: String
        var isOpen: Bool
    }

    /// A not-found query traced to this enterprise, with its cause.
    struct NotFound: Codable {
        var code: String
        var cause: String
        var query: String
        var detail: [TextSpan]
        var run: RunRef
    }

    /// A ticket whose text names the enterprise.
    struct Ticket: Codable {
        var id: String
        var href: String
        var reported: String
        var status: String
        var description: String
    }

    var uscc: String
    var name: String
    var formerNames: [String]
    var hasFormerNames: Bool
    var branch: String
    var knownToCatalog: Bool
    var recorded: String
    var volumeCount: String
    /// Site ids, the columns of the volume table.
    var sites: [String]
    var volumes: [VolumeRow]
    var hasVolumes: Bool
    var openCount: String
    var clearedCount: String
    var open: [Episode]
    var history: [Episode]
    var hasOpen: Bool
    var hasHistory: Bool
    var notFound: [NotFound]
    var hasNotFound: Bool
    var tickets: [Ticket]
    var hasTickets: Bool
    var indexHref: String
}

/// What `layouts/enterprises-index` reads: every enterprise with a page, open problems first.
struct EnterpriseIndexView: ReportView {
    static let template = "layouts/enterprises-index"

    struct Row: Codable {
        var href: String
        var uscc: String
        var name: String
        /// Absent when there are none (an empty string would still open the Mustache section).
        var formerNames: String?
        var open: String
        var findings: String
        var notFound: String
        var tickets: String
        var hasOpen: Bool
    }

    var count: String
    var rows: [Row]
    var hasRows: Bool
}
