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

    /// One site and the enterprise's volumes it must hold, each with what the latest findings say of it.
    struct SiteVolumes: Codable {
        struct Cell: Codable {
            var volume: String
            var seq: String
            var pages: String
            /// `ok` or the worst open severity there.
            var state: String
            var stateLabel: String
        }

        var site: String
        var volumes: [Cell]
    }

    /// A problem from the run that found it to the run that cleared it (or still open).
    struct Episode: Codable {
        var code: String
        var title: String
        var severity: String
        var severityLabel: String
        var place: String
        var detail: String
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
        var detail: String
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
    var sites: [SiteVolumes]
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
