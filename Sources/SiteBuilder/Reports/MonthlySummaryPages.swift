import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation

/// The monthly maintenance summaries (月度运维总结), one page per month with data.
enum MonthlySummaryPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        let capacity = try build.capacityData()
        // The capacity section as it stood at each month's end, computed once per month for both languages.
        let thresholds = build.thresholds
        let capacities = build.parallelMonthly(data.months) { capacity.monthly($0, thresholds: thresholds) }
        // Each month's summary made once for both languages, and only for a month whose pages cannot be
        // taken over: the pages are keyed by the rows the summary is made from (``inputs(month:…)``).
        let deadline = build.inspectionDeadline, asOf = build.asOf
        let summaries = data.months.map { _ in BuildDataCache<MonthlySummary>() }
        let rows = MonthRows(data)
        func summary(_ i: Int) -> MonthlySummary {
            summaries[i].get {
                // The month's tickets only (the summary keeps those of its month): filtering all of them
                // copied every ticket.
                let tickets = (rows.tickets[data.months[i]] ?? []).map { data.tickets[$0] }
                return MonthlySummary.make(month: data.months[i], tickets: tickets, history: data.history, figures: data.figures,
                                           levels: data.levels, deadline: deadline, asOf: asOf, capacity: capacities[i],
                                           runs: rows.monthRuns(data.months[i], history: data.history))
            }
        }
        let digests: [PageInputs.Digest]
        if let records = try build.recordDigests() {
            digests = try PageInputs.digests(data.months.count, in: build) { i in
                rows.inputs(month: data.months[i], records: records, data: data, deadline: deadline, asOf: asOf,
                            capacity: capacities[i])
            }
        } else {
            digests = Array(repeating: .none, count: data.months.count)
        }
        return try build.renderPages(count: data.months.count * languages.count) { i in
            let month = data.months[i / languages.count]
            let lang = languages[i % languages.count], n = names[i % languages.count]
            return try build.renderer.report(
                path: "monthly/\(month).html", language: lang, title: n.format("fmt_monthlyTitle", month),
                inputs: digests[i / languages.count]
            ) {
                view(summary(i / languages.count), data: data, n: n)
            }
        }
    }

    /// What a monthly summary page is made from, as the store holds it: the month's tickets (each with its
    /// page), the runs started or finished in it and the run before the first (a run's "changes since"),
    /// each with its page, the month's query figures and the last day any figure covers, the first run
    /// day (where the on-time rate starts), the service levels, the deadline, the as-of day and the
    /// month's capacity section. Equal inputs make an equal summary, so it is not made at all.
    struct Inputs: Encodable {
        var month: String
        var tickets: [PageInputs.Digest]
        var runs: [PageInputs.Digest]
        var runPaths: [String]
        var figures: [QueryFigure]
        var lastDataDay: String?
        var firstRunDay: String?
        var levels: ServiceLevels
        var deadline: InspectionDeadline
        var asOf: CalendarDay?
        var capacity: MonthlyCapacity?
    }

    /// The build's rows grouped by month once, for the input keys of all months.
    struct MonthRows {
        /// Indexes into the report data's tickets, by month.
        var tickets: [String: [Int]] = [:]
        var runs: [String: [Int]] = [:]
        var figures: [String: [QueryFigure]] = [:]
        var lastDataDay: String?
        /// Indexes of the runs started in each month, in order.
        var started: [String: [Int]] = [:]
        /// The first day any run finished: where the on-time rate starts.
        var firstRunDay: CalendarDay?

        init(_ data: ReportData) {
            for (i, t) in data.tickets.enumerated() { tickets[t.month, default: []].append(i) }
            let history = data.history
            var previousMonth: String?
            for (i, run) in history.runs.enumerated() {
                let started = BureauTime.month(run.startedAt)
                // The run before a month's first run: the first run's "changes since" compares with it.
                if started != previousMonth, i > 0 { runs[started, default: []].append(i - 1) }
                runs[started, default: []].append(i)
                self.started[started, default: []].append(i)
                previousMonth = started
                // The on-time rate judges a day by the runs finished on it, whichever month they started in.
                let finished = CalendarDay(run.finishedAt).monthText
                if finished != started { runs[finished, default: []].append(i) }
            }
            for f in data.figures {
                figures[String(f.period.prefix(7)), default: []].append(f)
            }
            lastDataDay = PeriodCoverage.lastDataDay(data.figures).map(\.description)
            firstRunDay = history.runs.map { CalendarDay($0.finishedAt) }.min()
        }

        /// What the month's summary reads of the runs (``MonthlySummary/MonthRuns``): the runs started in it,
        /// and those finished in it (among ``runs``, with the run before the first, which does no harm).
        func monthRuns(_ month: String, history: InspectionHistory) -> MonthlySummary.MonthRuns {
            MonthlySummary.MonthRuns(started: started[month] ?? [], finishing: (runs[month] ?? []).map { history.runs[$0] },
                                     firstRunDay: firstRunDay)
        }

        func inputs(month: String, records: RecordDigests, data: ReportData, deadline: InspectionDeadline, asOf: CalendarDay?,
                    capacity: MonthlyCapacity?) -> Inputs {
            let runIndexes = Set(runs[month] ?? []).sorted()
            let runIDs = runIndexes.map { data.history.runs[$0].id }
            return Inputs(
                month: month, tickets: (tickets[month] ?? []).map { records.ticket(data.tickets[$0].id) }, runs: runIDs.map(records.run),
                runPaths: runIDs.map(data.runPath), figures: figures[month] ?? [], lastDataDay: lastDataDay,
                firstRunDay: firstRunDay?.description, levels: data.levels, deadline: deadline, asOf: asOf, capacity: capacity)
        }
    }

    /// On-time rate over the judged days, and each late or missing day with its run.
    static func deadline(_ s: MonthlySummary, data: ReportData, n: LabelNames) -> MonthlySummaryView.Deadline {
        let m = s.deadline
        let rate = m.judged.isEmpty ? nil : n.format(
            "fmt_deadlineRate", Format.percent(m.percent), Format.int(m.onTime), Format.int(m.judged.count),
            s.deadlineTime, m.from ?? "", m.through ?? "")
        let days = m.judged.filter { $0.status != .onTime }.map { day in
            MonthlySummaryView.Deadline.Day(
                day: day.day, status: day.status.rawValue, statusLabel: HomePage.deadlineStatus(day, n: n),
                finished: day.finishedAt.map(BureauTime.display) ?? "—", href: day.runID.map(data.runPath))
        }
        return .init(rate: rate, days: days, hasDays: !days.isEmpty, allOnTime: !m.judged.isEmpty && days.isEmpty)
    }

    static func capacityView(_ c: MonthlyCapacity, n: LabelNames) -> MonthlySummaryView.Capacity {
        let mounts = c.mounts.map { m -> MonthlySummaryView.Capacity.Mount in
            let f = m.forecast
            let method: String = f.model.map { n.method($0.method) } ?? (f.reasonText ?? "—")
            return .init(host: m.host, mount: m.mount, usage: SizingPages.usagePercent(used: m.usedAtEnd, total: m.totalAtEnd) ?? "—",
                         used: m.usedAtEnd.map(SizingPages.bytes) ?? "—",
                         growth: m.growthInMonth.map(SizingPages.bytes) ?? "—", method: method, error: SizingPages.error(f, n: n),
                         warning: f.isForecast ? SizingPages.daysTo(.warning, in: f, n: n) : "—",
                         full: f.isForecast ? SizingPages.daysTo(.full, in: f, n: n) : "—")
        }
        let sites = c.sites.map { s in
            MonthlySummaryView.Capacity.Site(name: s.siteName, id: s.siteID, volumes: Format.int(s.volumes), pages: Format.int(s.pages),
                                             bytes: SizingPages.bytes(s.bytes), total: SizingPages.bytes(s.totalBytes))
        }
        return .init(asOf: BureauTime.display(c.asOf), mounts: mounts, sites: sites,
                     hasMounts: !mounts.isEmpty, hasSites: !sites.isEmpty)
    }

    static func rate(_ r: SLACompliance.Rate) -> MonthlySummaryView.Rate {
        .init(percent: Format.percent(r.percent), met: Format.int(r.met), judged: Format.int(r.judged),
              missed: Format.int(r.missed), notJudged: Format.int(r.notJudged), hasNotJudged: r.notJudged > 0)
    }

    static func view(_ s: MonthlySummary, data: ReportData, n: LabelNames) -> MonthlySummaryView {
        let runs = s.inspections.runIDs
        // The start of each run the page names, found in one pass (a search of all runs per named run and
        // per repaired finding was most of making the view).
        let named = Set(runs).union(s.inspections.anomaliesRepaired.map(\.runID))
        var starts: [String: Date] = [:]
        for run in data.history.runs where named.contains(run.id) && starts[run.id] == nil { starts[run.id] = run.startedAt }
        func runDay(_ id: String) -> String? { starts[id].map(BureauTime.day) }
        return MonthlySummaryView(
            month: s.month, monthHref: "months/\(s.month).html",
            priorities: TicketPriority.allCases.map { .init(label: n.priority($0)) },
            ticketRows: s.tickets.rows.map { r in
                .init(label: n.category(r.category), href: "tickets/category-\(r.category.rawValue).html",
                      cells: r.byPriority.map { .init(n: Format.int($0)) }, total: Format.int(r.total))
            },
            priorityTotals: s.tickets.priorityTotals.map { .init(n: Format.int($0)) },
            ticketTotal: Format.int(s.tickets.total),
            ticketOpen: Format.int(s.tickets.open),
            hasTickets: s.tickets.total > 0,
            ticketChart: s.tickets.rows.count > 1
                ? BarChart(title: n.format("fmt_ticketChart", s.month),
                           bars: s.tickets.rows.map { (n.category($0.category), $0.total) }, horizontal: true).svg()
                : nil,
            response: rate(s.sla.response),
            onsite: rate(s.sla.onsite),
            responseTarget: Format.minutes(s.sla.responseTargetMinutes),
            onsiteTarget: Format.minutes(s.sla.onsiteTargetMinutes),
            misses: s.slaMisses.map { m in
                .init(id: m.ticketID, href: data.ticketPath(m.ticketID), priority: n.priority(m.priority),
                      response: ServiceReportPages.verdict(m.verdict.response, margin: m.verdict.responseMarginMinutes, n: n),
                      onsite: ServiceReportPages.verdict(m.verdict.onsite, margin: m.verdict.onsiteMarginMinutes, n: n),
                      responseMinutes: Format.minutes(m.responseMinutes), onsiteMinutes: Format.minutes(m.onsiteMinutes))
            },
            hasMisses: !s.slaMisses.isEmpty,
            runCount: Format.int(runs.count),
            opened: Format.int(s.inspections.opened),
            closed: Format.int(s.inspections.closed),
            runs: runs.map { id in .init(href: data.runPath(id), day: String((runDay(id) ?? id).suffix(2))) },
            hasRuns: !runs.isEmpty,
            deadline: deadline(s, data: data, n: n),
            occurrences: s.inspections.occurrences.map {
                .init(code: $0.code, title: n.codeTitle($0.code, $0.title), count: Format.int($0.count))
            },
            hasOccurrences: !s.inspections.occurrences.isEmpty,
            repaired: s.inspections.anomaliesRepaired.map { r in
                var row = InspectionReportPages.findingRow(r.finding, n: n)
                row.runHref = data.runPath(r.runID)
                row.runDay = runDay(r.runID) ?? r.runID
                return row
            },
            hasRepaired: !s.inspections.anomaliesRepaired.isEmpty,
            queryRows: s.queries.rows.map { r in
                .init(source: n.source(r.source),
                      level: r.level == .month ? n.level(.month) : n.format("fmt_daysSummed", String(r.days)),
                      partial: Format.partial(r.coverage, n: n),
                      channel: n.channel(r.channel), queries: Format.int(r.queries),
                      notFound: r.notFound.map(Format.int) ?? "—", rate: Format.percent(r.notFoundPercent))
            },
            hasQueries: !s.queries.rows.isEmpty,
            causes: s.queries.notFoundCauses.map {
                .init(code: $0.code, title: n.codeTitle($0.code, $0.title), count: Format.int($0.count))
            },
            causesTotal: Format.int(s.queries.notFoundCauses.map(\.count).reduce(0, +)),
            hasCauses: !s.queries.notFoundCauses.isEmpty,
            diskLatest: s.disk.latestFindings.map { InspectionReportPages.findingRow($0, n: n) },
            hasDiskLatest: !s.disk.latestFindings.isEmpty,
            diskMounts: s.disk.mounts.map { .init(mount: $0.title, count: Format.int($0.count)) },
            hasDiskMounts: !s.disk.mounts.isEmpty,
            diskRunHref: s.disk.latestRunID.map { data.runPath($0) + "#check-disk" } ?? "",
            capacity: s.disk.capacity.map { capacityView($0, n: n) },
            training: s.training.map { t in
                .init(id: t.id, href: data.ticketPath(t.id), reported: Format.time(t.reportedAt), unit: t.unit ?? "—",
                      description: t.description, engineer: t.engineer ?? "—", status: n.status(t.status))
            },
            hasTraining: !s.training.isEmpty)
    }
}
