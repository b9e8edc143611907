import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation

/// The home dashboard (首页 · 运维总览): today's inspection status per check, open tickets, SLA compliance
/// this month, the query trend and disk status; every figure links to the page it comes from, and the
/// month and category lists put every page of the site within two clicks.
enum HomePage {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let capacity = try build.capacityData()
        let dashboard = Dashboard.make(tickets: data.tickets, history: data.history, figures: data.figures, levels: data.levels,
                                       deadline: build.inspectionDeadline, asOf: build.asOf, capacity: capacity.mounts)
        return try SiteLanguage.allCases.map { lang in
            let n = build.labelNames(lang)
            return try build.renderer.report(path: "index.html", language: lang, title: n.text("home_title"),
                                             view: view(dashboard, data: data, n: n))
        }
    }

    /// 按时完成 / 迟 12 分钟 / 未巡检 / 今日无需巡检.
    static func deadlineStatus(_ day: DeadlineCompliance.Day, n: LabelNames) -> String {
        if day.status == .late, let m = day.minutesLate { return n.format("fmt_deadlineLate", String(m)) }
        return n.text("deadline_\(day.status.rawValue)")
    }

    /// When the day's run finished (and how early), or that there is no run today.
    static func deadlineNote(_ day: DeadlineCompliance.Day, n: LabelNames) -> String? {
        guard let finished = day.finishedAt else { return day.status == .missing ? n.text("deadline_missingNote") : nil }
        let time = String(BureauTime.display(finished).suffix(5))
        if let early = day.minutesEarly { return n.format("fmt_deadlineEarly", time, String(early)) }
        return n.format("fmt_deadlineFinished", time)
    }

    /// The five mounts that reach their warning line soonest (the one forecast, as on the sizing page),
    /// with days to the warning line and to full; a mount without a forecast says why.
    static func capacityRows(_ mounts: [MountForecast], n: LabelNames) -> [DashboardView.CapacityRow] {
        let indexed = Array(mounts.enumerated())
        let soonest = indexed.sorted { a, b in
            let da = a.element.forecast.crossing(.warning)?.days ?? .infinity
            let db = b.element.forecast.crossing(.warning)?.days ?? .infinity
            return da != db ? da < db : a.offset < b.offset
        }.prefix(5)
        return soonest.map { i, m in
            let f = m.forecast
            return DashboardView.CapacityRow(
                host: m.host, mount: m.mount, usage: SizingPages.usagePercent(used: f.latest?.used, total: f.latest?.total) ?? "—",
                href: "sizing/index.html#mount-\(i + 1)",
                warning: f.isForecast ? SizingPages.daysTo(.warning, in: f, n: n) : (f.reasonText ?? "—"),
                full: f.isForecast ? SizingPages.daysTo(.full, in: f, n: n) : "—")
        }
    }

    static func view(_ d: Dashboard, data: ReportData, n: LabelNames) -> DashboardView {
        let href = d.latestRun.map { data.runPath($0.id) }
        var trendView: DashboardView.QueryTrend?
        if let trend = d.queryTrend, let last = trend.points.last {
            var partial: [Int: String] = [:]
            for (i, p) in trend.points.enumerated() { partial[i] = Format.partial(p.coverage, n: n) }
            trendView = DashboardView.QueryTrend(
                svg: Sparkline(title: n.text("home_queryTrend"), values: trend.points.map(\.queries)).svg(),
                last: Format.int(last.queries), lastMonth: last.month, lastPartial: partial[trend.points.count - 1],
                note: trend.level == .day ? n.format("fmt_trendNote", n.source(trend.source), n.level(trend.level))
                    : n.format("fmt_trendNoteStored", n.source(trend.source), n.level(trend.level)),
                points: trend.points.enumerated().map { i, p in
                    .init(month: p.month, queries: Format.int(p.queries), partial: partial[i])
                },
                chart: LineChart(title: n.text("home_queryTrend"), points: trend.points.map { ($0.month, $0.queries) },
                                 partial: partial).svg(),
                hasPartial: !partial.isEmpty)
        }
        var monthView: DashboardView.MonthSLA?
        if let month = d.month, let sla = d.monthSLA {
            monthView = DashboardView.MonthSLA(
                month: month, href: "monthly/\(month).html#sla",
                response: Format.percent(sla.response.percent), responseMet: Format.int(sla.response.met),
                responseJudged: Format.int(sla.response.judged),
                onsite: Format.percent(sla.onsite.percent), onsiteMet: Format.int(sla.onsite.met),
                onsiteJudged: Format.int(sla.onsite.judged),
                responseTarget: Format.minutes(sla.responseTargetMinutes), onsiteTarget: Format.minutes(sla.onsiteTargetMinutes))
        }
        return DashboardView(
            deadline: d.today.map { day in
                .init(asOf: n.format("fmt_asOf", day.day, d.deadline), label: n.format("fmt_deadlineTile", d.deadline),
                      status: day.status.rawValue, statusLabel: deadlineStatus(day, n: n),
                      note: deadlineNote(day, n: n), href: day.runID.map(data.runPath),
                      coverage: d.latestRun.map { $0.coverage ?? n.text("inspection_noCoverage") })
            },
            missingSites: d.missingSites.map { m in
                n.format("fmt_missingSite", m.site, m.lastHost, BureauTime.display(m.lastStartedAt))
            },
            latestRun: d.latestRun.map { run in
                .init(day: BureauTime.day(run.startedAt), time: BureauTime.display(run.startedAt),
                      href: data.runPath(run.id), findings: Format.int(d.latestFindings))
            },
            checks: href.map { href in
                d.checks.map { c in
                    .init(name: n.check(c.checkID, c.name), count: c.ran ? Format.int(c.count) : "—", href: "\(href)#check-\(c.checkID)",
                          status: c.ran ? (c.worst?.rawValue ?? "ok") : "notrun",
                          statusLabel: c.ran ? (c.worst.map(n.severity) ?? n.text("status_ok")) : n.text("status_notRun"))
                }
            },
            openTickets: Format.int(d.openTickets.count),
            totalTickets: Format.int(d.totalTickets),
            openByPriority: zip(TicketPriority.allCases, d.openByPriority).map { p, c in
                .init(label: n.priority(p), count: Format.int(c), critical: p == .critical && c > 0)
            },
            month: monthView,
            trend: trendView,
            disk: d.diskFindings.map { f in
                .init(host: f.host ?? "—", mount: f.mount ?? "—", severity: f.severity.rawValue,
                      severityLabel: n.severity(f.severity), detail: n.sentence(f))
            },
            hasDisk: !d.diskFindings.isEmpty,
            diskHref: href.map { $0 + "#check-disk" } ?? "",
            capacity: capacityRows(d.capacity, n: n), hasCapacity: !d.capacity.isEmpty,
            months: d.months.reversed().map { .init(month: $0, href: "months/\($0).html") },
            categories: TicketCategory.allCases.map { c in
                .init(label: n.category(c), href: "tickets/category-\(c.rawValue).html",
                      count: Format.int(data.tickets.filter { $0.category == c }.count))
            })
    }
}
