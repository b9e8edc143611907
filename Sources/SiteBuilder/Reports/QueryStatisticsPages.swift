import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The query statistics (档案查询量统计): year, half-year and month tables on one page, each naming its level
/// and source, the bureau's total over non-overlapping periods, and the day figures on one page per month.
enum QueryStatisticsPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let report = QueryStatisticsReport.make(figures: data.figures)
        var pages: [SitePage] = []
        let dayTables = report.tables.filter { $0.level == .day }
        let dayMonths = Array(Set(dayTables.flatMap { $0.rows.map { String($0.period.prefix(7)) } })).sorted()
        for lang in SiteLanguage.allCases {
            let n = build.labelNames(lang)
            var v: [String: Any] = [
                "tables": report.tables.filter { $0.level != .day }.map { table($0, n: n) },
                "dayMonths": dayMonths.reversed().map { ["month": $0, "href": "queries/days-\($0).html"] },
                "hasData": !report.tables.isEmpty,
                "hasDayMonths": !dayMonths.isEmpty,
                "hasSums": report.tables.contains { $0.level != .day && $0.rows.contains(where: \.totalIsSum) },
            ]
            if let t = report.bureauTotal { v["bureauTotal"] = cover(t, n: n) }
            if let t = report.detailTotal { v["detailTotal"] = cover(t, n: n) }
            let yearly = report.tables.first { $0.source == "aggregate" && ($0.level == .year) }
            let halves = report.tables.first { $0.source == "aggregate" && ($0.level == .half) }
            let bars = (yearly?.rows ?? []).map { ($0.period, $0.total) } + (halves?.rows ?? []).map { ($0.period, $0.total) }
            if bars.count > 1 { v["chart"] = BarChart(title: n.text("queries_chartTitle"), bars: bars).svg() }
            pages.append(try build.renderer.report(path: "queries/index.html", language: lang, title: n.text("queries_title"),
                                                   bodyTemplate: "layouts/queries", values: v))
            for month in dayMonths {
                let tables = dayTables.map { t -> [String: Any] in
                    var copy = t
                    copy.rows = t.rows.filter { $0.period.hasPrefix(month + "-") }
                    return table(copy, n: n)
                }.filter { !(($0["rows"] as? [[String: Any]]) ?? []).isEmpty }
                pages.append(try build.renderer.report(
                    path: "queries/days-\(month).html", language: lang, title: n.format("fmt_queryDaysTitle", month),
                    bodyTemplate: "layouts/queries", values: ["tables": tables, "hasData": true, "month": month, "hasSums": true,
                                                              "monthHref": "months/\(month).html"]))
            }
        }
        return pages
    }

    static func table(_ t: QueryStatisticsReport.LevelTable, n: LabelNames) -> [String: Any] {
        [
            "level": n.level(t.level), "source": n.source(t.source), "levelKey": t.level.rawValue,
            "caption": t.derivedFromDays ? n.format("fmt_queryTableDerived", n.level(t.level), n.source(t.source))
                : n.format("fmt_queryTable", n.level(t.level), n.source(t.source)),
            "channels": t.channels.map { ["label": n.channel($0)] },
            "rows": t.rows.map { r -> [String: Any] in
                ["period": r.period, "cells": r.values.map { ["n": $0.map(Format.int) ?? "—"] },
                 "total": Format.int(r.total), "totalIsSum": r.totalIsSum,
                 "notFound": r.notFound.map(Format.int) ?? "—", "rate": Format.percent(r.notFoundPercent)]
            },
        ]
    }

    /// `2020 + 2021 + 2022 + 2023-H1`; a long run (hundreds of days) is written first … last with its count.
    static func composition(_ periods: [String], n: LabelNames) -> String {
        guard periods.count > 6, let first = periods.first, let last = periods.last else {
            return periods.joined(separator: " + ")
        }
        return n.format("fmt_periodRun", first, last, String(periods.count))
    }

    static func cover(_ t: QueryStatisticsReport.CoverTotal, n: LabelNames) -> [String: Any] {
        ["total": Format.int(t.total), "periods": composition(t.periods, n: n),
         "levels": t.levels.map(n.level).joined(separator: "、"), "source": n.source(t.source),
         "range": "\(t.periods.first ?? "")–\(t.periods.last ?? "")"]
    }
}
