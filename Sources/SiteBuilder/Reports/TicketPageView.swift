import Foundation

/// What `layouts/ticket` reads: the service report of one ticket (运维服务报告).
struct TicketPageView: ReportView {
    static let template = "layouts/ticket"

    var id: String
    var reported: String
    var unit: String
    var reporter: String
    var category: String
    var categoryHref: String
    var priority: String
    var priorityKey: String
    var status: String
    var description: String
    var responded: String
    var onsite: String
    var resolved: String
    var actions: String
    var resolution: String
    var engineer: String
    var month: String
    var monthHref: String
    var responseMinutes: String
    var onsiteMinutes: String
    var resolutionMinutes: String
    var responseTarget: String
    var onsiteTarget: String
    var responseVerdict: VerdictView
    var onsiteVerdict: VerdictView
    var isCritical: Bool
    /// The enterprises the ticket names (by code, name or former name), linked to their pages.
    var enterprises: [Enterprise]
    var hasEnterprises: Bool

    struct Enterprise: Codable {
        var href: String
        var uscc: String
        var name: String
    }
}
