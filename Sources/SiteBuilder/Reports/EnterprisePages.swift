import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The enterprise pages (企业档案全貌): one page per enterprise met in a finding, a not-found query or a
/// ticket, and their index, so that "why can't the kiosk find 某某公司" is answered from one page.
enum EnterprisePages {
    static let indexPath = "enterprises/index.html"

    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        let runs = Dictionary(data.history.runs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tickets = Dictionary(data.tickets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let records = try build.recordDigests()
        let digests = try PageInputs.digests(data.enterprises.count, in: build) { i in
            Inputs(data.enterprises[i], runs: runs, tickets: records)
        }
        var pages = try build.renderPages(count: data.enterprises.count * languages.count) { i in
            let story = data.enterprises[i / languages.count]
            let lang = languages[i % languages.count], n = names[i % languages.count]
            return try build.renderer.report(
                path: data.enterprisePath(story.uscc), language: lang, title: title(story, n: n),
                inputs: digests[i / languages.count],
                search: lang == .zh ? { view, page in searchDocument(story, view: view, path: page.path, title: page.title ?? "") } : nil
            ) {
                view(story, data: data, runs: runs, tickets: tickets, n: n)
            }
        }
        let index = IndexInputs(data)
        for (lang, n) in zip(languages, names) {
            pages.append(try build.renderer.report(path: indexPath, language: lang, title: n.text("enterprise_indexTitle"),
                                                   inputs: index) { indexView(data, n: n) })
        }
        return pages
    }

    /// What the enterprise index is made from: per enterprise its code, page, names and counts. Keyed by
    /// these, an unchanged index (1,400 rows on a large site) is neither made nor fingerprinted again.
    struct IndexInputs: Encodable, FingerprintFeed {
        struct Row: Encodable, FingerprintFeed {
            var uscc: String, path: String, name: String?, formerNames: [String]?
            var open: Int, findings: Int, notFound: Int, tickets: Int

            func feed(into b: inout FingerprintBytes) {
                b.add(uscc); b.add(path); b.add(name); b.add(formerNames)
                b.add(open); b.add(findings); b.add(notFound); b.add(tickets)
            }
        }
        var rows: [Row]

        init(_ data: ReportData) {
            rows = data.enterprises.map { s in
                Row(uscc: s.uscc, path: data.enterprisePath(s.uscc), name: s.name, formerNames: s.facts?.formerNames, open: s.openCount,
                    findings: s.episodes.count, notFound: s.notFound.count, tickets: s.ticketIDs.count)
            }
        }

        func feed(into b: inout FingerprintBytes) { b.add(rows) }
    }

    /// What an enterprise page is made from: its story (facts, episodes, not-found queries, tickets), the
    /// start of every run the story names, the tickets it names and where their pages are.
    struct Inputs: Encodable {
        struct Episode: Encodable {
            var finding: Finding
            var found: String, lastSeen: String, cleared: String?, runs: Int
        }
        struct Query: Encodable {
            var finding: Finding
            var run: String
        }
        /// A ticket the story names, as digested once for every page (the ticket and its page's path).
        struct Ticket: Encodable {
            var id: String
            var ticket: PageInputs.Digest
        }
        var uscc: String
        var facts: EnterpriseFacts?
        var episodes: [Episode]
        var notFound: [Query]
        var tickets: [Ticket]
        var runStarts: [String: String]

        init(_ s: EnterpriseStory, runs: [String: InspectionRun], tickets: RecordDigests?) {
            uscc = s.uscc
            facts = s.facts
            episodes = s.episodes.map {
                .init(finding: $0.finding, found: $0.foundRunID, lastSeen: $0.lastSeenRunID, cleared: $0.clearedRunID, runs: $0.runs)
            }
            notFound = s.notFound.map { .init(finding: $0.finding, run: $0.runID) }
            self.tickets = s.ticketIDs.map { .init(id: $0, ticket: tickets?.ticket($0) ?? .none) }
            var starts: [String: String] = [:]
            for id in s.episodes.flatMap({ [$0.foundRunID, $0.lastSeenRunID] + ($0.clearedRunID.map { [$0] } ?? []) })
                + s.notFound.map(\.runID) {
                starts[id] = runs[id].map { BureauTime.day($0.startedAt) } ?? ""
            }
            runStarts = starts
        }

        /// Sorted keys: a dictionary's order would make the key differ between two builds.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(uscc)
            try c.encode(facts)
            try c.encode(episodes)
            try c.encode(notFound)
            try c.encode(tickets)
            for id in runStarts.keys.sorted() { try c.encode(id); try c.encode(runStarts[id]!) }
        }
    }

    /// The page path of a code when no other code shares its file name (what a finding row links to).
    static func path(_ uscc: String) -> String { "enterprises/\(Format.fileName(PersonalDataMask.mask(uscc))).html" }

    /// The Chinese title names the enterprise; the English one gives the code only (the name is Chinese
    /// data, shown marked as such in the page).
    static func title(_ s: EnterpriseStory, n: LabelNames) -> String {
        n.language == .zh ? n.format("fmt_enterpriseTitle", s.name ?? n.text("enterprise_unnamed"), s.uscc)
            : n.format("fmt_enterpriseTitle", s.uscc)
    }

    static func view(_ s: EnterpriseStory, data: ReportData, runs: [String: InspectionRun], tickets: [String: TicketRecord],
                     n: LabelNames) -> EnterpriseView {
        func ref(_ id: String) -> EnterpriseView.RunRef {
            .init(href: data.runPath(id), day: runs[id].map { BureauTime.day($0.startedAt) } ?? id)
        }
        let episodes = s.episodes.map { e -> EnterpriseView.Episode in
            .init(finding: InspectionReportPages.findingRow(e.finding, n: n), found: ref(e.foundRunID),
                  lastSeen: ref(e.lastSeenRunID), cleared: e.clearedRunID.map(ref), runs: Format.int(e.runs),
                  isOpen: e.clearedRunID == nil)
        }
        // What the open problems say about each volume at each site (a missing or corrupt copy).
        var worst: [String: Severity] = [:]
        for e in s.episodes where e.clearedRunID == nil {
            guard let site = e.finding.site, let volume = e.finding.volume else { continue }
            let key = site + "\u{0}" + volume
            worst[key] = max(worst[key] ?? e.finding.severity, e.finding.severity)
        }
        let volumes = s.facts?.volumes ?? []
        var siteOrder: [String] = []
        for v in volumes { for site in v.sites where !siteOrder.contains(site) { siteOrder.append(site) } }
        let rows = volumes.map { v in
            EnterpriseView.VolumeRow(volume: v.id, seq: String(v.seq), pages: Format.int(v.pages), cells: siteOrder.map { site in
                guard v.sites.contains(site) else { return .init(state: "none", label: "—", held: false) }
                let state = worst[site + "\u{0}" + v.id]
                return .init(state: state?.rawValue ?? "ok", label: state.map(n.severity) ?? n.text("enterprise_volumeOK"),
                             held: true)
            })
        }
        let open = episodes.filter(\.isOpen)
        return EnterpriseView(
            uscc: s.uscc, name: s.name ?? n.text("enterprise_unnamed"), formerNames: s.facts?.formerNames ?? [],
            hasFormerNames: !(s.facts?.formerNames ?? []).isEmpty, branch: s.facts?.branchID ?? "—",
            knownToCatalog: s.facts != nil, recorded: s.facts.map { BureauTime.display($0.recordedAt) } ?? "—",
            volumeCount: Format.int(s.facts?.volumes.count ?? 0),
            sites: siteOrder, volumes: rows, hasVolumes: !rows.isEmpty,
            openCount: Format.int(open.count), clearedCount: Format.int(episodes.count - open.count),
            open: open, history: episodes, hasOpen: !open.isEmpty, hasHistory: !episodes.isEmpty,
            notFound: s.notFound.map { q in
                .init(code: q.finding.code, cause: n.codeTitle(q.finding.code, q.finding.code),
                      query: q.finding.query.map { n.format("fmt_queryNo", String($0)) } ?? "—", detail: n.sentence(q.finding),
                      run: ref(q.runID))
            },
            hasNotFound: !s.notFound.isEmpty,
            tickets: s.ticketIDs.compactMap { tickets[$0] }.map { t in
                .init(id: t.id, href: data.ticketPath(t.id), reported: Format.time(t.reportedAt), status: n.status(t.status),
                      description: t.description)
            },
            hasTickets: !s.ticketIDs.isEmpty, indexHref: indexPath)
    }

    static func indexView(_ data: ReportData, n: LabelNames) -> EnterpriseIndexView {
        let rows = data.enterprises.sorted { ($1.openCount, $0.uscc) < ($0.openCount, $1.uscc) }.map { s in
            EnterpriseIndexView.Row(
                href: data.enterprisePath(s.uscc), uscc: s.uscc, name: s.name ?? n.text("enterprise_unnamed"),
                formerNames: s.facts.flatMap { $0.formerNames.isEmpty ? nil : $0.formerNames.joined(separator: "；") },
                open: Format.int(s.openCount),
                findings: Format.int(s.episodes.count), notFound: Format.int(s.notFound.count),
                tickets: Format.int(s.ticketIDs.count), hasOpen: s.openCount > 0)
        }
        return EnterpriseIndexView(count: Format.int(rows.count), rows: rows, hasRows: !rows.isEmpty)
    }

    /// The Chinese page as the site search reads it: code, names and former names and volume ids first (so
    /// a search for any of them finds this page), then the problems, queries and tickets.
    static func searchDocument(_ s: EnterpriseStory, view v: EnterpriseView, path: String, title: String) -> SearchDocument {
        let identity = ([s.uscc, v.name] + v.formerNames).joined(separator: " ")
        let volumes = (s.facts?.volumes ?? []).map(\.id).joined(separator: " ")
        let findings = v.history.map(\.finding).map { "\($0.code) \($0.title) \($0.place) \($0.detail.map(\.text).joined())" }
            .joined(separator: "\n")
        let queries = v.notFound.map { "\($0.code) \($0.cause) \($0.detail.map(\.text).joined())" }.joined(separator: "\n")
        let tickets = v.tickets.map { "\($0.id) \($0.description)" }.joined(separator: "\n")
        return SearchDocument(url: path, title: title, sections: [
            .init(anchor: "", heading: "", text: identity + (volumes.isEmpty ? "" : "\n" + volumes)),
            .init(anchor: "findings", heading: "问题记录", text: findings),
            .init(anchor: "notfound", heading: "查无结果的查询", text: queries),
            .init(anchor: "tickets", heading: "运维任务单", text: tickets),
        ].filter { !$0.text.isEmpty })
    }
}
