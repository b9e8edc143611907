import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The index pages: by month (one page per month listing its summary, daily reports, tickets and query
/// days), by category (one ticket list per category), the open tickets, and the section indexes of the
/// navigation. With the home page's month and category lists, every page is two clicks from home.
enum ReportIndexPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        var pages: [SitePage] = []
        let dayMonths = Set(data.figures.filter { $0.level == .day }.map { String($0.period.prefix(7)) })
        let runsByMonth = Dictionary(grouping: data.history.runs, by: { BureauTime.month($0.startedAt) })
        let ticketsByMonth = Dictionary(grouping: data.tickets, by: \.month)
        let comparisons = try ComparisonPages.comparisons(build)
        let records = try build.recordDigests()
        // The ticket lists once for both languages (copying 5,000 tickets per list and language was most of
        // this step in an incremental build, which renders none of them).
        let byCategory = Dictionary(grouping: data.tickets, by: \.category)
        let open = data.tickets.filter(\.isOpen)
        for lang in SiteLanguage.allCases {
            let n = build.labelNames(lang)
            func render(_ path: String, _ title: String, _ view: some ReportView) throws {
                pages.append(try build.renderer.report(path: path, language: lang, title: title, view: view))
            }
            pages += try build.renderPages(count: data.months.count) { i in
                let month = data.months[i]
                let runs = runsByMonth[month] ?? []
                let tickets = ticketsByMonth[month] ?? []
                let queryDays = dayMonths.contains(month)
                return try build.renderer.report(
                    path: "months/\(month).html", language: lang, title: n.format("fmt_monthIndexTitle", month),
                    inputs: TicketListInputs(runs: runs.map { records?.run($0.id) ?? .none },
                                             tickets: tickets.map { records?.ticket($0.id) ?? .none }, levels: data.levels,
                                             queryDays: queryDays)
                ) {
                    MonthIndexView(
                        month: month, summaryHref: "monthly/\(month).html",
                        runs: runs.map { r in runLink(r, data: data, n: n) },
                        runCount: Format.int(runs.count),
                        tickets: tickets.map { ticketRow($0, data: data, n: n) },
                        ticketCount: Format.int(tickets.count),
                        queryDaysHref: queryDays ? "queries/days-\(month).html" : "")
                }
            }
            try render("inspections/index.html", n.text("inspections_title"), InspectionsIndexView(
                latest: data.months.last { runsByMonth[$0] != nil }.map { m in
                    .init(month: m, href: "months/\(m).html", summaryHref: "monthly/\(m).html",
                          runs: runsByMonth[m]!.map { runLink($0, data: data, n: n) })
                },
                years: inspectionYears(data.months.filter { runsByMonth[$0] != nil }, runsByMonth: runsByMonth, data: data),
                comparisonsHref: comparisons.isEmpty ? nil : ComparisonPages.indexPath))
            try render("tickets/index.html", n.text("tickets_title"), TicketsIndexView(
                months: data.months.reversed().compactMap { m in
                    guard let t = ticketsByMonth[m] else { return nil }
                    return .init(month: m, href: "months/\(m).html", count: Format.int(t.count),
                                 open: Format.int(t.filter(\.isOpen).count))
                },
                categories: TicketCategory.allCases.map { c in
                    .init(label: n.category(c), href: "tickets/category-\(c.rawValue).html",
                          count: Format.int(byCategory[c]?.count ?? 0))
                },
                openHref: "tickets/open.html", openCount: Format.int(open.count)))
            // A ticket list is keyed by its tickets: after an inspection none is rendered or even computed.
            func ticketList(_ path: String, _ title: String, _ list: [TicketRecord]) throws {
                pages.append(try build.renderer.report(
                    path: path, language: lang, title: title,
                    inputs: TicketListInputs(tickets: list.map { records?.ticket($0.id) ?? .none }, levels: data.levels)
                ) {
                    TicketListView(tickets: list.reversed().map { ticketRow($0, data: data, n: n) }, count: Format.int(list.count))
                })
            }
            for c in TicketCategory.allCases {
                try ticketList("tickets/category-\(c.rawValue).html", n.format("fmt_categoryTitle", n.category(c)),
                               byCategory[c] ?? [])
            }
            try ticketList("tickets/open.html", n.text("tickets_openTitle"), open)
            try render("monthly/index.html", n.text("monthly_title"), MonthlyIndexView(
                months: data.months.reversed().map { m in
                    let sla = SLACompliance.of(ticketsByMonth[m] ?? [], levels: data.levels)
                    return .init(month: m, href: "monthly/\(m).html", tickets: Format.int(ticketsByMonth[m]?.count ?? 0),
                                 runs: Format.int(runsByMonth[m]?.count ?? 0), response: Format.percent(sla.response.percent),
                                 onsite: Format.percent(sla.onsite.percent))
                }))
        }
        return pages
    }

    /// What a month index or a ticket list is made from: its runs (with their findings) and tickets (with
    /// where their pages are), the service levels the tickets are judged by, and whether the month has a
    /// page of day query figures.
    struct TicketListInputs: Encodable, FingerprintFeed {
        var runs: [PageInputs.Digest] = []
        var tickets: [PageInputs.Digest]
        var levels: ServiceLevels
        var queryDays = false

        func feed(into b: inout FingerprintBytes) { b.add(runs); b.add(tickets); b.add(levels); b.add(queryDays) }
    }

    /// The rows of the inspections overview: `months` (those with runs, oldest first) by year, newest first.
    static func inspectionYears(_ months: [String], runsByMonth: [String: [InspectionRun]], data: ReportData)
        -> [InspectionsIndexView.Year] {
        var years: [InspectionsIndexView.Year] = []
        for m in months.reversed() {
            let runs = runsByMonth[m] ?? []
            var worst: [String: Int] = [:]
            var findings = 0
            for r in runs {
                let f = data.history.findings(of: r)
                findings += f.count
                worst[f.map(\.severity).max()?.rawValue ?? "ok", default: 0] += 1
            }
            let warning = worst[Severity.warning.rawValue] ?? 0, critical = worst[Severity.critical.rawValue] ?? 0
            let row = InspectionsIndexView.MonthRow(
                month: m, href: "months/\(m).html", summaryHref: "monthly/\(m).html", runs: Format.int(runs.count),
                ok: Format.int(worst["ok"] ?? 0), info: Format.int(worst[Severity.info.rawValue] ?? 0),
                warning: Format.int(warning), critical: Format.int(critical), hasWarning: warning > 0,
                hasCritical: critical > 0, findings: Format.int(findings))
            let year = String(m.prefix(4))
            if years.last?.year == year {
                years[years.count - 1].months.append(row)
            } else {
                years.append(.init(year: year, months: [row]))
            }
        }
        return years
    }

    static func runLink(_ r: InspectionRun, data: ReportData, n: LabelNames) -> RunLink {
        let findings = data.history.findings(of: r)
        let worst = findings.map(\.severity).max()
        return RunLink(href: data.runPath(r.id), day: BureauTime.day(r.startedAt), time: BureauTime.display(r.startedAt),
                       host: r.host, count: Format.int(findings.count), status: worst?.rawValue ?? "ok",
                       statusLabel: worst.map(n.severity) ?? n.text("status_ok"))
    }

    static func ticketRow(_ t: TicketRecord, data: ReportData, n: LabelNames) -> TicketRow {
        let v = TicketSLAVerdict.of(t, levels: data.levels)
        let missed = v.response == .missed || v.onsite == .missed
        return TicketRow(id: t.id, href: data.ticketPath(t.id), reported: Format.time(t.reportedAt),
                         category: n.category(t.category), priority: n.priority(t.priority), priorityKey: t.priority.rawValue,
                         status: n.status(t.status), unit: t.unit ?? "—",
                         sla: missed ? n.text("sla_missed") : (v.response == .met ? n.text("sla_met") : n.text("sla_notJudged")),
                         slaKey: missed ? "missed" : (v.response == .met ? "met" : "open"))
    }
}
