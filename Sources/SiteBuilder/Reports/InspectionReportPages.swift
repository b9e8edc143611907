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
        return try build.renderPages(count: data.history.runs.count * languages.count) { i in
            let report = DailyInspectionReport.make(history: data.history, index: i / languages.count)
            let lang = languages[i % languages.count], n = names[i % languages.count]
            return try build.renderer.report(
                path: data.runPath(report.run.id), language: lang,
                title: n.format("fmt_dailyTitle", BureauTime.day(report.run.startedAt)),
                bodyTemplate: "layouts/inspection", values: values(report, data: data, n: n))
        }
    }

    static func findingValues(_ f: Finding, n: LabelNames) -> [String: Any] {
        var place: [String] = []
        if let s = f.site { place.append(s) }
        if let v = f.volume { place.append(v) }
        if let h = f.host { place.append(h + (f.mount.map { ":\($0)" } ?? "")) }
        if let q = f.query { place.append(n.format("fmt_queryNo", String(q))) }
        var v: [String: Any] = [
            "code": f.code, "title": CheckCatalog.definition(code: f.code)?.title ?? f.code,
            "severity": f.severity.rawValue, "severityLabel": n.severity(f.severity),
            "place": place.isEmpty ? "—" : place.joined(separator: " · "), "detail": f.detail]
        // Absent rather than empty: Mustache treats an empty string as a value and would print the <br>.
        if let u = f.uscc, !u.isEmpty { v["uscc"] = u }
        if let p = f.path, !p.isEmpty { v["path"] = p }
        return v
    }

    /// `2023-06-29 00:00 – 2023-06-30 00:00` from the stored ISO interval.
    static func window(_ w: String?) -> String {
        guard let w else { return "—" }
        let parts = w.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return w }
        return "\(Format.time(parts[0])) – \(Format.time(parts[1]))"
    }

    static func values(_ r: DailyInspectionReport, data: ReportData, n: LabelNames) -> [String: Any] {
        let month = BureauTime.month(r.run.startedAt)
        var v: [String: Any] = [
            "started": BureauTime.display(r.run.startedAt), "finished": BureauTime.display(r.run.finishedAt),
            "host": r.run.host, "center": r.run.center, "window": window(r.run.window),
            "coverage": r.run.coverage ?? n.text("inspection_noCoverage"),
            "total": Format.int(r.total), "month": month, "monthHref": "months/\(month).html",
            "summaryHref": "monthly/\(month).html",
            "bySeverity": r.bySeverity.map { ["label": n.severity($0.severity), "severity": $0.severity.rawValue,
                                              "count": Format.int($0.count)] },
        ]
        if let p = r.previousRunID { v["previous"] = ["href": data.runPath(p), "id": p] }
        if let x = r.nextRunID { v["next"] = ["href": data.runPath(x), "id": x] }
        v["checks"] = r.sections.map { s -> [String: Any] in
            [
                "id": s.checkID, "name": n.check(s.checkID, s.name), "summary": s.summary, "count": Format.int(s.total),
                "status": s.ran ? (s.worst?.rawValue ?? "ok") : "notrun",
                "statusLabel": s.ran ? (s.worst.map(n.severity) ?? n.text("status_ok")) : n.text("status_notRun"),
                "empty": s.total == 0 && s.ran, "notRun": !s.ran,
                "groups": s.groups.map { g -> [String: Any] in
                    ["severity": g.severity.rawValue, "label": n.severity(g.severity), "count": Format.int(g.findings.count),
                     "findings": g.findings.map { rf -> [String: Any] in
                         var fv = findingValues(rf.finding, n: n)
                         fv["isNew"] = rf.isNew
                         return fv
                     }]
                },
                "guidance": s.guidance.map { g -> [String: Any] in
                    ["code": g.code, "title": g.title, "count": Format.int(g.count), "meaning": g.meaning,
                     "causes": g.causes.joined(separator: "；"), "steps": g.resolution.map { ["step": $0] }]
                },
            ]
        }
        v["hasPrevious"] = r.changes.hasPrevious
        v["newCount"] = Format.int(r.changes.new.count)
        v["resolvedCount"] = Format.int(r.changes.resolved.count)
        v["stillOpenCount"] = Format.int(r.changes.stillOpen.count)
        v["hasNew"] = !r.changes.new.isEmpty
        v["hasResolved"] = !r.changes.resolved.isEmpty
        v["new"] = r.changes.new.map { findingValues($0, n: n) }
        v["resolved"] = r.changes.resolved.map { findingValues($0, n: n) }
        return v
    }
}
