import Foundation

/// What `layouts/inspection` reads: one daily inspection report (巡检报告).
struct InspectionReportView: ReportView {
    static let template = "layouts/inspection"

    /// Findings of one severity.
    struct SeverityCount: Codable {
        var label: String
        var severity: String
        var count: String
    }

    /// The run before or after this one.
    struct NeighbourRun: Codable {
        var href: String
        var id: String
    }

    /// One check: its status, its findings grouped by severity and what to do about each code.
    struct CheckSection: Codable {
        struct Group: Codable {
            var severity: String
            var label: String
            var count: String
            var findings: [FindingRow]
        }

        struct Guidance: Codable {
            struct Step: Codable {
                var step: String
            }

            var code: String
            var title: String
            var count: String
            var meaning: String
            var causes: String
            var steps: [Step]
        }

        var id: String
        var name: String
        var summary: String
        var count: String
        var status: String
        var statusLabel: String
        var empty: Bool
        var notRun: Bool
        var groups: [Group]
        var guidance: [Guidance]
    }

    var started: String
    var finished: String
    var host: String
    var center: String
    var window: String
    var coverage: String
    var total: String
    var month: String
    var monthHref: String
    var summaryHref: String
    var bySeverity: [SeverityCount]
    var previous: NeighbourRun?
    var next: NeighbourRun?
    var checks: [CheckSection]
    var hasPrevious: Bool
    var newCount: String
    var resolvedCount: String
    var stillOpenCount: String
    var hasNew: Bool
    var hasResolved: Bool
    var new: [FindingRow]
    var resolved: [FindingRow]
}
