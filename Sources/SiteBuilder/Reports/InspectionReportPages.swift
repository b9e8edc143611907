import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The daily inspection reports (巡检报告), one page per run: checks and coverage, every finding grouped by
/// check and severity with what to do about it, and the changes since the run before.
enum InspectionReportPages {
    static let step: SiteBuild.Step = { build in
        let data = try build.reportData()
        let languages = SiteLanguage.allCases
        let names = languages.map(build.labelNames)
        let history = data.history
        let records = try build.recordDigests()
        return try build.renderPages(count: history.runs.count * languages.count) { i in
            let index = i / languages.count, run = history.runs[index]
            let lang = languages[i % languages.count], n = names[i % languages.count]
            let previous = history.previous(before: index)
            let inputs = Inputs(run: records?.run(run.id) ?? .none, previous: previous.map { records?.run($0.id) ?? .none },
                                next: index + 1 < history.runs.count ? history.runs[index + 1].id : nil)
            return try build.renderer.report(
                path: data.runPath(run.id), language: lang, title: n.format("fmt_dailyTitle", BureauTime.day(run.startedAt)),
                inputs: inputs,
                search: lang == .zh ? { view, page in searchDocument(view, path: page.path, title: page.title ?? "") } : nil
            ) {
                view(DailyInspectionReport.make(history: history, index: index), data: data, n: n)
            }
        }
    }

    /// What a daily report is made from: its run and findings, and the run before it with its findings
    /// (what "new" and "resolved" compare with) and the run after it (the link), the runs as digested
    /// once for every page (``RecordDigests``).
    struct Inputs: Encodable, FingerprintFeed {
        var run: PageInputs.Digest
        var previous: PageInputs.Digest?
        var next: String?

        func feed(into b: inout FingerprintBytes) { b.add(run); b.add(previous); b.add(next) }
    }

    /// The Chinese report as the site search reads it: each check's findings (code, title, place, code of
    /// the enterprise, path and detail), so that a USCC or volume id shown in a report finds the report.
    static func searchDocument(_ v: InspectionReportView, path: String, title: String) -> SearchDocument {
        SearchDocument(url: path, title: title, sections: v.checks.compactMap { c in
            let rows = c.groups.flatMap(\.findings).map { f in
                [f.code, f.title, f.place, f.uscc ?? "", f.path ?? "", f.detail.map(\.text).joined()].filter { !$0.isEmpty }
                    .joined(separator: " ")
            }
            return rows.isEmpty ? nil : .init(anchor: "check-\(c.id)", heading: c.name, text: rows.joined(separator: "\n"))
        })
    }

    static func findingRow(_ f: Finding, n: LabelNames) -> FindingRow {
        var place: [String] = []
        if let s = f.site { place.append(s) }
        if let v = f.volume { place.append(v) }
        if let h = f.host { place.append(h + (f.mount.map { ":\($0)" } ?? "")) }
        if let q = f.query { place.append(n.format("fmt_queryNo", String(q))) }
        return FindingRow(
            code: f.code, title: n.codeTitle(f.code, f.code),
            severity: f.severity.rawValue, severityLabel: n.severity(f.severity),
            place: place.isEmpty ? "—" : place.joined(separator: " · "), detail: n.sentence(f),
            uscc: f.uscc.flatMap { $0.isEmpty ? nil : $0 }, path: f.path.flatMap { $0.isEmpty ? nil : $0 },
            enterpriseHref: f.uscc.flatMap { $0.isEmpty ? nil : EnterprisePages.path($0) })
    }

    /// `2023-06-29 00:00 – 2023-06-30 00:00` from the stored ISO interval.
    static func window(_ w: String?) -> String {
        guard let w else { return "—" }
        let parts = w.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return w }
        return "\(Format.time(parts[0])) – \(Format.time(parts[1]))"
    }

    static func view(_ r: DailyInspectionReport, data: ReportData, n: LabelNames) -> InspectionReportView {
        let month = BureauTime.month(r.run.startedAt)
        return InspectionReportView(
            started: BureauTime.display(r.run.startedAt), finished: BureauTime.display(r.run.finishedAt),
            host: r.run.host, center: r.run.center, window: window(r.run.window),
            coverage: r.run.coverage ?? n.text("inspection_noCoverage"),
            total: Format.int(r.total), month: month, monthHref: "months/\(month).html",
            summaryHref: "monthly/\(month).html",
            bySeverity: r.bySeverity.map { .init(label: n.severity($0.severity), severity: $0.severity.rawValue,
                                                 count: Format.int($0.count)) },
            previous: r.previousRunID.map { .init(href: data.runPath($0), id: $0) },
            next: r.nextRunID.map { .init(href: data.runPath($0), id: $0) },
            checks: r.sections.map { s in
                .init(
                    id: s.checkID, name: n.check(s.checkID, s.name), summary: n.checkSummary(s.checkID, s.summary),
                    count: Format.int(s.total),
                    status: s.ran ? (s.worst?.rawValue ?? "ok") : "notrun",
                    statusLabel: s.ran ? (s.worst.map(n.severity) ?? n.text("status_ok")) : n.text("status_notRun"),
                    empty: s.total == 0 && s.ran, notRun: !s.ran,
                    groups: s.groups.map { g in
                        .init(severity: g.severity.rawValue, label: n.severity(g.severity), count: Format.int(g.findings.count),
                              findings: g.findings.map { rf in
                                  var row = findingRow(rf.finding, n: n)
                                  row.isNew = rf.isNew
                                  return row
                              })
                    },
                    guidance: s.guidance.map { g in
                        let t = n.guidance(g.code)
                        return .init(code: g.code, title: t?.title ?? g.title, count: Format.int(g.count),
                                     meaning: t?.meaning ?? g.meaning,
                                     causes: (t?.causes ?? g.causes).joined(separator: n.language == .zh ? "；" : "; "),
                                     steps: (t?.resolution ?? g.resolution).map { .init(step: $0) })
                    })
            },
            hasPrevious: r.changes.hasPrevious,
            newCount: Format.int(r.changes.new.count),
            resolvedCount: Format.int(r.changes.resolved.count),
            stillOpenCount: Format.int(r.changes.stillOpen.count),
            hasNew: !r.changes.new.isEmpty,
            hasResolved: !r.changes.resolved.isEmpty,
            new: r.changes.new.map { findingRow($0, n: n) },
            resolved: r.changes.resolved.map { findingRow($0, n: n) })
    }
}
