import Foundation

/// What `layouts/queries` reads: the query statistics (档案查询量统计) — the overview with the year,
/// half-year and month tables, or one month's day figures (then `month` is set and the overview's
/// totals, chart and day-month links are absent).
struct QueryStatisticsView: ReportView {
    static let template = "layouts/queries"

    /// One level's table (years, half-years, months or days) from one source.
    struct LevelTable: Codable {
        struct Row: Codable {
            var period: String
            /// `不完整：29/30 天，数据截至 2023-06-29` for a partial period.
            var partial: String?
            var cells: [NumberCell]
            var total: String
            var totalIsSum: Bool
            var notFound: String
            var rate: String
        }

        var level: String
        var source: String
        var levelKey: String
        var caption: String
        var channels: [ColumnLabel]
        var rows: [Row]
    }

    /// A total over non-overlapping periods and how it is made up.
    struct CoverTotal: Codable {
        var total: String
        var periods: String
        var levels: String
        var source: String
        var range: String
    }

    /// A coarse figure and the sum of the finer periods that make it up, where the two differ.
    struct Disagreement: Codable {
        var source: String
        var channel: String
        var period: String
        var level: String
        var total: String
        var parts: String
        var partsSum: String
        var difference: String
    }

    /// An imported figure that a later file changed.
    struct Revision: Codable {
        var period: String
        var channel: String
        var queries: String
        var notFound: String
        var files: String
    }

    var tables: [LevelTable]
    var hasData: Bool
    var hasSums: Bool
    /// Some period of the tables is partial: the note under them says what that means.
    var hasPartial = false
    // The overview only.
    var dayMonths: [MonthLink]?
    var hasDayMonths: Bool?
    var bureauTotal: CoverTotal?
    var detailTotal: CoverTotal?
    var chart: String?
    var disagreements: [Disagreement] = []
    var hasDisagreements = false
    var revisions: [Revision] = []
    var hasRevisions = false
    // A month's day figures only.
    var month: String?
    var monthHref: String?
}
