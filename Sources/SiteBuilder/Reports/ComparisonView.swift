/// The values of the 数据迁移核对报告 page (`layouts/comparison`): what was compared, how much was read,
/// totals per kind of difference, and each difference with its cause and what to do.
struct ComparisonView: ReportView {
    static let template = "layouts/comparison"

    struct Total: Codable {
        var title: String
        var code: String
        var severity: String
        var severityLabel: String
        var count: String
    }

    struct Row: Codable {
        var severity: String
        var severityLabel: String
        var title: String
        var code: String
        var site: String
        var path: String
        /// Where the new side holds it when elsewhere; nil (no arrow) otherwise.
        var newPath: String?
        var cause: String?
        var detail: String
        var advice: String
    }

    struct Text: Codable {
        var text: String
    }

    var id: String
    var oldSide: String
    var newSide: String
    var sites: String
    var host: String
    var started: String
    var finished: String
    var status: String
    var statusLabel: String
    var folders: String
    var volumes: String
    var files: String
    var megabytes: String
    var resumed: Bool
    var hasDifferences: Bool
    var totals: [Total]
    var differences: [Row]
    var hasNotes: Bool
    var notes: [Text]
    var indexHref: String
}

/// The list of comparisons (`layouts/comparisons-index`), newest first.
struct ComparisonsIndexView: ReportView {
    static let template = "layouts/comparisons-index"

    struct Row: Codable {
        var href: String
        var started: String
        var oldSide: String
        var newSide: String
        var count: String
        var status: String
        var statusLabel: String
    }

    var comparisons: [Row]
}
