import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The service report of each ticket (运维服务报告): the problem, the times, SLA met or missed and by how
/// much, the actions, the result and the engineer — the record the contract's 规范性原则 asks for.
enum ServiceReportPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        var named: [String: [EnterpriseStory]] = [:]
        for s in data.enterprises { for id in s.ticketIDs { named[id, default: []].append(s) } }
        func enterprises(_ t: TicketRecord) -> [PageInputs.Enterprise] {
            (named[t.id] ?? []).map { s in PageInputs.Enterprise(path: data.enterprisePath(s.uscc), uscc: s.uscc, name: s.name) }
        }
        let records = try build.recordDigests()
        return try build.renderPages(count: data.tickets.count * languages.count) { i in
            let t = data.tickets[i / languages.count], lang = languages[i % languages.count], n = names[i % languages.count]
            return try build.renderer.report(
                path: data.ticketPath(t.id), language: lang, title: n.format("fmt_ticketTitle", t.id),
                inputs: Inputs(ticket: records?.ticket(t.id) ?? .none, levels: data.levels, enterprises: enterprises(t)),
                search: lang == .zh ? { _, page in searchDocument(t, path: page.path, title: page.title ?? "") } : nil
            ) {
                view(t, levels: data.levels, n: n, enterprises: enterprises(t).map { e in
                    .init(href: e.path, uscc: e.uscc, name: e.name ?? n.text("enterprise_unnamed"))
                })
            }
        }
    }

    /// What a service report is made from: the ticket as stored (digested once, ``RecordDigests``), the
    /// service levels it is judged by and the enterprises its text names.
    struct Inputs: Encodable, FingerprintFeed {
        var ticket: PageInputs.Digest
        var levels: ServiceLevels
        var enterprises: [PageInputs.Enterprise]

        func feed(into b: inout FingerprintBytes) { b.add(ticket); b.add(levels); b.add(enterprises) }
    }

    /// The Chinese service report as the site search reads it: the ticket's own words (the index masks
    /// personal data again, like every page).
    static func searchDocument(_ t: TicketRecord, path: String, title: String) -> SearchDocument {
        let text = [t.unit ?? "", t.description, t.actions ?? "", t.resolution ?? ""].filter { !$0.isEmpty }.joined(separator: "\n")
        return SearchDocument(url: path, title: title, sections: [.init(anchor: "", heading: "", text: text)])
    }

    /// `met` / `missed` with the margin, e.g. "超时 8 分钟" or "提前 3 分钟达标".
    static func verdict(_ outcome: TicketSLAVerdict.Outcome, margin: Double?, n: LabelNames) -> VerdictView {
        let text: String
        switch outcome {
        case .met: text = n.format("fmt_slaMet", Format.minutes(margin.map { -$0 }))
        case .missed: text = n.format("fmt_slaMissed", Format.minutes(margin))
        case .notJudged: text = n.text("sla_notJudged")
        case .notApplicable: text = n.text("sla_notApplicable")
        }
        return VerdictView(outcome: outcome.rawValue, text: text)
    }

    static func view(_ t: TicketRecord, levels: ServiceLevels, n: LabelNames,
                     enterprises: [TicketPageView.Enterprise] = []) -> TicketPageView {
        let v = TicketSLAVerdict.of(t, levels: levels)
        return TicketPageView(
            id: t.id, reported: Format.time(t.reportedAt), unit: t.unit ?? "—", reporter: t.reporter ?? "—",
            category: n.category(t.category), categoryHref: "tickets/category-\(t.category.rawValue).html",
            priority: n.priority(t.priority), priorityKey: t.priority.rawValue, status: n.status(t.status),
            description: t.description, responded: Format.time(t.respondedAt), onsite: Format.time(t.onsiteAt),
            resolved: Format.time(t.resolvedAt), actions: t.actions ?? "—", resolution: t.resolution ?? "—",
            engineer: t.engineer ?? "—", month: t.month, monthHref: "months/\(t.month).html",
            responseMinutes: Format.minutes(t.responseMinutes), onsiteMinutes: Format.minutes(t.onsiteMinutes),
            resolutionMinutes: Format.minutes(t.resolutionMinutes),
            responseTarget: Format.minutes(levels.responseMinutes), onsiteTarget: Format.minutes(levels.criticalOnsiteMinutes),
            responseVerdict: verdict(v.response, margin: v.responseMarginMinutes, n: n),
            onsiteVerdict: verdict(v.onsite, margin: v.onsiteMarginMinutes, n: n),
            isCritical: t.priority == .critical, enterprises: enterprises, hasEnterprises: !enterprises.isEmpty)
    }
}
