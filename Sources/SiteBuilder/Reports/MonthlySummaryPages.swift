import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The monthly maintenance summaries (月度运维总结), one page per month with data.
enum MonthlySummaryPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        return try build.renderPages(count: data.months.count * languages.count) { i in
            let month = data.months[i / languages.count]
            let summary = MonthlySummary.make(month: month, tickets: data.tickets, history: data.history,
                                              figures: data.figures, levels: data.levels)
            let lang = languages[i % languages.count], n = names[i % languages.count]
            return try build.renderer.report(
                path: "monthly/\(month).html", language: lang, title: n.format("fmt_monthlyTitle", month),
                bodyTemplate: "layouts/monthly", values: values(summary, data: data, n: n))
        }
    }

    static func rate(_ r: SLACompliance.Rate) -> [String: Any] {
        ["percent": Format.percent(r.percent), "met": Format.int(r.met), "judged": Format.int(r.judged),
         "missed": Format.int(r.missed), "notJudged": Format.int(r.notJudged), "hasNotJudged": r.notJudged > 0]
    }

    static func values(_ s: MonthlySummary, data: ReportData, n: LabelNames) -> [String: Any] {
        var v: [String: Any] = ["month": s.month, "monthHref": "months/\(s.month).html"]
        // Tickets by category and priority.
        v["priorities"] = TicketPriority.allCases.map { ["label": n.priority($0)] }
        v["ticketRows"] = s.tickets.rows.map { r -> [String: Any] in
            ["label": n.category(r.category), "href": "tickets/category-\(r.category.rawValue).html",
             "cells": r.byPriority.map { ["n": Format.int($0)] }, "total": Format.int(r.total)]
        }
        v["priorityTotals"] = s.tickets.priorityTotals.map { ["n": Format.int($0)] }
        v["ticketTotal"] = Format.int(s.tickets.total)
        v["ticketOpen"] = Format.int(s.tickets.open)
        v["hasTickets"] = s.tickets.total > 0
        if s.tickets.rows.count > 1 {
            v["ticketChart"] = BarChart(title: n.format("fmt_ticketChart", s.month),
                                        bars: s.tickets.rows.map { (n.category($0.category), $0.total) }, horizontal: true).svg()
        }
        // SLA.
        v["response"] = rate(s.sla.response)
        v["onsite"] = rate(s.sla.onsite)
        v["responseTarget"] = Format.minutes(s.sla.responseTargetMinutes)
        v["onsiteTarget"] = Format.minutes(s.sla.onsiteTargetMinutes)
        v["misses"] = s.slaMisses.map { m -> [String: Any] in
            ["id": m.ticketID, "href": data.ticketPath(m.ticketID), "priority": n.priority(m.priority),
             "response": ServiceReportPages.verdict(m.verdict.response, margin: m.verdict.responseMarginMinutes, n: n),
             "onsite": ServiceReportPages.verdict(m.verdict.onsite, margin: m.verdict.onsiteMarginMinutes, n: n),
             "responseMinutes": Format.minutes(m.responseMinutes), "onsiteMinutes": Format.minutes(m.onsiteMinutes)]
        }
        // Inspections.
        let runs = s.inspections.runIDs
        v["runCount"] = Format.int(runs.count)
        v["opened"] = Format.int(s.inspections.opened)
        v["closed"] = Format.int(s.inspections.closed)
        v["runs"] = runs.map { id -> [String: Any] in
            let day = data.history.runs.first { $0.id == id }.map { BureauTime.day($0.startedAt) } ?? id
            return ["href": data.runPath(id), "day": String(day.suffix(2))]
        }
        v["occurrences"] = s.inspections.occurrences.map { ["code": $0.code, "title": $0.title, "count": Format.int($0.count)] }
        v["repaired"] = s.inspections.anomaliesRepaired.map { r -> [String: Any] in
            var f = InspectionReportPages.findingValues(r.finding, n: n)
            f["runHref"] = data.runPath(r.runID)
            f["runDay"] = data.history.runs.first { $0.id == r.runID }.map { BureauTime.day($0.startedAt) } ?? r.runID
            return f
        }
        // Queries.
        v["queryRows"] = s.queries.rows.map { r -> [String: Any] in
            ["source": n.source(r.source),
             "level": r.level == .month ? n.level(.month) : n.format("fmt_daysSummed", String(r.days)),
             "channel": n.channel(r.channel), "queries": Format.int(r.queries),
             "notFound": r.notFound.map(Format.int) ?? "—", "rate": Format.percent(r.notFoundPercent)]
        }
        v["causes"] = s.queries.notFoundCauses.map { ["code": $0.code, "title": $0.title, "count": Format.int($0.count)] }
        v["causesTotal"] = Format.int(s.queries.notFoundCauses.map(\.count).reduce(0, +))
        // Disk.
        v["diskLatest"] = s.disk.latestFindings.map { InspectionReportPages.findingValues($0, n: n) }
        v["diskMounts"] = s.disk.mounts.map { ["mount": $0.title, "count": Format.int($0.count)] }
        v["diskRunHref"] = s.disk.latestRunID.map { data.runPath($0) + "#check-disk" } ?? ""
        v["hasMisses"] = !s.slaMisses.isEmpty
        v["hasOccurrences"] = !s.inspections.occurrences.isEmpty
        v["hasRepaired"] = !s.inspections.anomaliesRepaired.isEmpty
        v["hasQueries"] = !s.queries.rows.isEmpty
        v["hasCauses"] = !s.queries.notFoundCauses.isEmpty
        v["hasDiskLatest"] = !s.disk.latestFindings.isEmpty
        v["hasDiskMounts"] = !s.disk.mounts.isEmpty
        v["hasRuns"] = !runs.isEmpty
        v["hasTraining"] = !s.training.isEmpty
        // Training.
        v["training"] = s.training.map { t -> [String: Any] in
            ["id": t.id, "href": data.ticketPath(t.id), "reported": Format.time(t.reportedAt), "unit": t.unit ?? "—",
             "description": t.description, "engineer": t.engineer ?? "—", "status": n.status(t.status)]
        }
        return v
    }
}
