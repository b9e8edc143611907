import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The query statistics (档案查询量统计): year, half-year and month tables on one page, each naming its level
/// and source, the bureau's total over non-overlapping periods, and the day figures on one page per month.
enum QueryStatisticsPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        // The report is made only if a page is rendered: after an inspection or a ticket import no figure
        // changed, and every page is taken over by its inputs.
        let made = BuildDataCache<(report: QueryStatisticsReport, disagreements: [QueryLevelDisagreement])>()
        func report() -> (report: QueryStatisticsReport, disagreements: [QueryLevelDisagreement]) {
            made.get { (QueryStatisticsReport.make(figures: data.figures), QueryLevelDisagreement.find(in: data.figures)) }
        }
        let dayFigures = Dictionary(grouping: data.figures.filter { $0.level == .day }, by: { String($0.period.prefix(7)) })
        let dayMonths = dayFigures.keys.sorted()
        // A day table's columns are the channels its source has on any day, not only in this month.
        var dayChannels: [String: Set<QueryChannel>] = [:]
        for f in dayFigures.values.joined() where f.channel != .all { dayChannels[f.source, default: []].insert(f.channel) }
        let channels = dayChannels.keys.sorted().map { source in
            [source] + QueryChannel.allCases.filter { dayChannels[source]!.contains($0) }.map(\.rawValue)
        }
        let overviewInputs = try PageInputs.digests(1, in: build) { _ in OverviewInputs(figures: data.figures, revisions: data.revisions) }
        let monthInputs = try PageInputs.digests(dayMonths.count, in: build) { i in
            MonthInputs(channels: channels, figures: dayFigures[dayMonths[i]]!)
        }
        let perLanguage = 1 + dayMonths.count
        return try build.renderPages(count: languages.count * perLanguage) { i in
            let lang = languages[i / perLanguage], n = names[i / perLanguage], page = i % perLanguage
            guard page > 0 else {
                return try build.renderer.report(path: "queries/index.html", language: lang, title: n.text("queries_title"),
                                                 inputs: overviewInputs[0]) {
                    overview(report().report, disagreements: report().disagreements, revisions: data.revisions,
                             dayMonths: dayMonths, n: n)
                }
            }
            let month = dayMonths[page - 1]
            return try build.renderer.report(
                path: "queries/days-\(month).html", language: lang, title: n.format("fmt_queryDaysTitle", month),
                inputs: monthInputs[page - 1]
            ) {
                let tables = report().report.tables.filter { $0.level == .day }.map { t -> QueryStatisticsView.LevelTable in
                    var copy = t
                    copy.rows = t.rows.filter { $0.period.hasPrefix(month + "-") }
                    return table(copy, n: n)
                }.filter { !$0.rows.isEmpty }
                return QueryStatisticsView(tables: tables, hasData: true, hasSums: true, month: month, monthHref: "months/\(month).html")
            }
        }
    }

    /// What the overview is made from: every figure (the month tables made from day figures, the partial
    /// periods judged by the last day with data) and the revisions.
    struct OverviewInputs: Encodable {
        var figures: [QueryFigure]
        var revisions: [QueryRevision]
    }

    /// What one month's day figures page is made from: that month's day figures and, per source, the
    /// channels of its day table (its columns, from every day of the source).
    struct MonthInputs: Encodable {
        var channels: [[String]]
        var figures: [QueryFigure]
    }

    static func overview(_ report: QueryStatisticsReport, disagreements: [QueryLevelDisagreement], revisions: [QueryRevision],
                         dayMonths: [String], n: LabelNames) -> QueryStatisticsView {
        let yearly = report.tables.first { $0.source == "aggregate" && ($0.level == .year) }
        let halves = report.tables.first { $0.source == "aggregate" && ($0.level == .half) }
        let barRows = (yearly?.rows ?? []) + (halves?.rows ?? [])
        var partial: [Int: String] = [:]
        for (i, r) in barRows.enumerated() { partial[i] = Format.partial(r.coverage, n: n) }
        return QueryStatisticsView(
            tables: report.tables.filter { $0.level != .day }.map { table($0, n: n) },
            hasData: !report.tables.isEmpty,
            hasSums: report.tables.contains { $0.level != .day && $0.rows.contains(where: \.totalIsSum) },
            hasPartial: report.tables.contains { $0.level != .day && $0.rows.contains(where: \.coverage.isPartial) },
            dayMonths: dayMonths.reversed().map { .init(month: $0, href: "queries/days-\($0).html") },
            hasDayMonths: !dayMonths.isEmpty,
            bureauTotal: report.bureauTotal.map { cover($0, n: n) },
            detailTotal: report.detailTotal.map { cover($0, n: n) },
            chart: barRows.count > 1
                ? BarChart(title: n.text("queries_chartTitle"), bars: barRows.map { ($0.period, $0.total) }, partial: partial).svg()
                : nil,
            disagreements: disagreements.map { disagreement($0, n: n) }, hasDisagreements: !disagreements.isEmpty,
            revisions: revisions.map { revision($0, n: n) }, hasRevisions: !revisions.isEmpty)
    }

    static func table(_ t: QueryStatisticsReport.LevelTable, n: LabelNames) -> QueryStatisticsView.LevelTable {
        .init(
            level: n.level(t.level), source: n.source(t.source), levelKey: t.level.rawValue,
            caption: t.derivedFromDays ? n.format("fmt_queryTableDerived", n.level(t.level), n.source(t.source))
                : n.format("fmt_queryTable", n.level(t.level), n.source(t.source)),
            channels: t.channels.map { .init(label: n.channel($0)) },
            rows: t.rows.map { r in
                .init(period: r.period, partial: Format.partial(r.coverage, n: n),
                      cells: r.values.map { .init(n: $0.map(Format.int) ?? "—") },
                      total: Format.int(r.total), totalIsSum: r.totalIsSum,
                      notFound: r.notFound.map(Format.int) ?? "—", rate: Format.percent(r.notFoundPercent))
            })
    }

    /// `+3,892（+1.5%）`: the finer periods' sum minus the coarse figure.
    static func disagreement(_ d: QueryLevelDisagreement, n: LabelNames) -> QueryStatisticsView.Disagreement {
        let sign = d.difference > 0 ? "+" : "−"
        return .init(source: n.source(d.source), channel: n.channel(d.channel), period: d.period, level: n.level(d.level),
                     total: Format.int(d.total),
                     parts: n.format("fmt_queryParts", String(d.parts.count), n.level(d.partsLevel),
                                     "\(d.parts.first ?? "")–\(d.parts.last ?? "")"),
                     partsSum: Format.int(d.partsSum),
                     difference: "\(sign)\(Format.int(abs(d.difference)))（\(sign)\(String(format: "%.1f", abs(d.differencePercent)))%）")
    }

    static func revision(_ r: QueryRevision, n: LabelNames) -> QueryStatisticsView.Revision {
        let count = { (v: Int?) in v.map(Format.int) ?? "—" }
        return .init(period: r.period, channel: n.channel(r.channel),
                     queries: "\(Format.int(r.queriesBefore)) → \(Format.int(r.queriesAfter))",
                     notFound: "\(count(r.notFoundBefore)) → \(count(r.notFoundAfter))",
                     files: "\(r.fileBefore ?? "—") → \(r.fileAfter ?? "—")")
    }

    /// `2020 + 2021 + 2022 + 2023-H1`; a long run (hundreds of days) is written first … last with its count.
    static func composition(_ periods: [String], n: LabelNames) -> String {
        guard periods.count > 6, let first = periods.first, let last = periods.last else {
            return periods.joined(separator: " + ")
        }
        return n.format("fmt_periodRun", first, last, String(periods.count))
    }

    static func cover(_ t: QueryStatisticsReport.CoverTotal, n: LabelNames) -> QueryStatisticsView.CoverTotal {
        .init(total: Format.int(t.total), periods: composition(t.periods, n: n),
              levels: t.levels.map(n.level).joined(separator: n.listSeparator), source: n.source(t.source),
              range: "\(t.periods.first ?? "")–\(t.periods.last ?? "")")
    }
}
