import ArchiveEngine
import Foundation

/// 数据迁移核对报告 (`comparisons/<id>.html`, the list at `comparisons/index.html`, English twins under
/// `en/`): one page per finished `archive-ops compare`, in the site and — when it falls in the period — in
/// the acceptance bundle. No comparison, no pages.
enum ComparisonPages {
    static func path(_ c: Comparison) -> String { "comparisons/\(Format.fileName(c.id)).html" }
    static let indexPath = "comparisons/index.html"

    /// The finished comparisons of the build's period (all of them for the site).
    static func comparisons(_ build: SiteBuild) throws -> [Comparison] {
        let all = try build.store.comparisons()
        guard let scope = build.scope else { return all }
        return all.filter { scope.contains(day: BureauTime.day($0.startedAt)) }
    }

    static let step: SiteBuild.Step = { build in
        let comparisons = try comparisons(build)
        guard !comparisons.isEmpty else { return [] }
        var pages: [SitePage] = []
        for lang in SiteLanguage.allCases {
            let n = build.labelNames(lang)
            for c in comparisons {
                pages.append(try build.renderer.report(path: path(c), language: lang,
                                                       title: n.format("fmt_comparisonTitle", BureauTime.display(c.startedAt)),
                                                       view: view(c, n: n)))
            }
            let rows = comparisons.reversed().map { c in
                ComparisonsIndexView.Row(href: path(c), started: BureauTime.display(c.startedAt), oldSide: c.oldSide, newSide: c.newSide,
                                         count: Format.int(c.differences.count), status: c.worst?.rawValue ?? "ok",
                                         statusLabel: c.worst.map(n.severity) ?? n.text("cmp_identical"))
            }
            pages.append(try build.renderer.report(path: indexPath, language: lang, title: n.text("cmp_indexTitle"),
                                                   view: ComparisonsIndexView(comparisons: rows)))
        }
        return pages
    }

    static func view(_ c: Comparison, n: LabelNames) -> ComparisonView {
        let byCode = Dictionary(grouping: c.differences, by: \.code)
        let totals = ComparisonCode.allCases.compactMap { code -> ComparisonView.Total? in
            guard let list = byCode[code.rawValue] else { return nil }
            let worst = list.map(\.severity).max() ?? code.definition.severity
            return .init(title: title(code, n: n), code: code.rawValue, severity: worst.rawValue, severityLabel: n.severity(worst),
                         count: Format.int(list.count))
        }
        let rows = c.differences.map { d -> ComparisonView.Row in
            let code = ComparisonCode(rawValue: d.code)
            return .init(severity: d.severity.rawValue, severityLabel: n.severity(d.severity),
                         title: code.map { title($0, n: n) } ?? d.code, code: d.code, site: d.site ?? n.text("cmp_catalog"),
                         path: d.path ?? "", newPath: d.newPath,
                         cause: d.cause.map { n.l["cmpcause_\($0.rawValue)"] ?? $0.title },
                         detail: d.detail, advice: advice(d, code: code, n: n))
        }
        return ComparisonView(
            id: c.id, oldSide: c.oldSide, newSide: c.newSide, sites: c.sites.joined(separator: "、"), host: c.host,
            started: BureauTime.display(c.startedAt), finished: BureauTime.display(c.finishedAt),
            status: c.worst?.rawValue ?? "ok", statusLabel: c.worst.map(n.severity) ?? n.text("cmp_identical"),
            folders: Format.int(c.enterpriseFolders), volumes: Format.int(c.volumes), files: Format.int(c.files),
            megabytes: Format.int(Int(c.bytesRead / 1_000_000)), resumed: c.resumed, hasDifferences: !rows.isEmpty,
            totals: totals, differences: rows, hasNotes: !c.notes.isEmpty, notes: c.notes.map { .init(text: $0) },
            indexHref: indexPath)
    }

    /// The code's title in the page's language (the labels file may name it; the definition's Chinese title otherwise).
    static func title(_ code: ComparisonCode, n: LabelNames) -> String {
        n.l["cmpcode_\(code.rawValue.replacingOccurrences(of: "compare.", with: ""))"] ?? code.definition.title
    }

    /// What to do: the cause's advice when the engine knows the cause, else the code's first resolution step.
    static func advice(_ d: ComparisonDifference, code: ComparisonCode?, n: LabelNames) -> String {
        if let cause = d.cause { return n.l["cmpadvice_\(cause.rawValue)"] ?? cause.advice }
        guard let code else { return "" }
        return n.l["cmpadvice_\(code.rawValue.replacingOccurrences(of: "compare.", with: ""))"]
            ?? code.definition.resolution.joined(separator: "；")
    }
}
