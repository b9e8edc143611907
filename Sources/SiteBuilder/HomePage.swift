import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The home dashboard (首页 · 运维总览): today's inspection status per check, open tickets, SLA compliance
/// this month, the query trend and disk status; every figure links to the page it comes from, and the
/// month and category lists put every page of the site within two clicks.
enum HomePage {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let dashboard = Dashboard.make(tickets: data.tickets, history: data.history, figures: data.figures, levels: data.levels)
        return try SiteLanguage.allCases.map { lang in
            let n = build.labelNames(lang)
            return try build.renderer.report(path: "index.html", language: lang, title: n.text("home_title"),
                                             bodyTemplate: "layouts/home", values: values(dashboard, data: data, n: n))
        }
    }

    static func values(_ d: Dashboard, data: ReportData, n: LabelNames) -> [String: Any] {
        var v: [String: Any] = [:]
        if let run = d.latestRun {
            let href = data.runPath(run.id)
            v["latestRun"] = ["day": BureauTime.day(run.startedAt), "time": BureauTime.display(run.startedAt),
                              "href": href, "findings": Format.int(d.latestFindings)]
            v["checks"] = d.checks.map { c -> [String: Any] in
                ["name": n.check(c.checkID, c.name), "count": c.ran ? Format.int(c.count) : "—", "href": "\(href)#check-\(c.checkID)",
                 "status": c.ran ? (c.worst?.rawValue ?? "ok") : "notrun",
                 "statusLabel": c.ran ? (c.worst.map(n.severity) ?? n.text("status_ok")) : n.text("status_notRun")]
            }
        }
        v["openTickets"] = Format.int(d.openTickets.count)
        v["totalTickets"] = Format.int(d.totalTickets)
        v["openByPriority"] = zip(TicketPriority.allCases, d.openByPriority).map { p, c in
            ["label": n.priority(p), "count": Format.int(c), "critical": p == .critical && c > 0] as [String: Any]
        }
        if let month = d.month, let sla = d.monthSLA {
            v["month"] = [
                "month": month, "href": "monthly/\(month).html#sla",
                "response": Format.percent(sla.response.percent), "responseMet": Format.int(sla.response.met),
                "responseJudged": Format.int(sla.response.judged),
                "onsite": Format.percent(sla.onsite.percent), "onsiteMet": Format.int(sla.onsite.met),
                "onsiteJudged": Format.int(sla.onsite.judged),
                "responseTarget": Format.minutes(sla.responseTargetMinutes), "onsiteTarget": Format.minutes(sla.onsiteTargetMinutes),
            ] as [String: Any]
        }
        if let trend = d.queryTrend, let last = trend.points.last {
            v["trend"] = [
                "svg": Sparkline(title: n.text("home_queryTrend"), values: trend.points.map(\.queries)).svg(),
                "last": Format.int(last.queries), "lastMonth": last.month,
                "note": trend.level == .day ? n.format("fmt_trendNote", n.source(trend.source), n.level(trend.level))
                    : n.format("fmt_trendNoteStored", n.source(trend.source), n.level(trend.level)),
                "points": trend.points.map { ["month": $0.month, "queries": Format.int($0.queries)] },
                "chart": LineChart(title: n.text("home_queryTrend"), points: trend.points.map { ($0.month, $0.queries) }).svg(),
            ] as [String: Any]
        }
        v["disk"] = d.diskFindings.map { f -> [String: Any] in
            ["host": f.host ?? "—", "mount": f.mount ?? "—", "severity": f.severity.rawValue,
             "severityLabel": n.severity(f.severity), "detail": f.detail]
        }
        v["hasDisk"] = !d.diskFindings.isEmpty
        v["diskHref"] = d.latestRun.map { data.runPath($0.id) + "#check-disk" } ?? ""
        v["months"] = d.months.reversed().map { ["month": $0, "href": "months/\($0).html"] }
        v["categories"] = TicketCategory.allCases.map { c in
            ["label": n.category(c), "href": "tickets/category-\(c.rawValue).html",
             "count": Format.int(data.tickets.filter { $0.category == c }.count)]
        }
        return v
    }
}
