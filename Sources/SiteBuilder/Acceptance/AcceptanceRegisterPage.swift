import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The 验收材料 page: every acceptance bundle in the register with its period, version, digests and what
/// changed since the previous version of the same period.
enum AcceptanceRegisterPage {
    static let path = "acceptance/index.html"

    static let step: SiteBuild.Step = { build in
        let register = AcceptanceRegister.make(try build.store.acceptanceBundles())
        return try SiteLanguage.allCases.map { lang in
            let n = build.labelNames(lang)
            let rows = register.entries.map { e -> AcceptanceRegisterView.Bundle in
                let r = e.record
                return .init(anchor: "bundle-\(r.periodFrom)-\(r.periodTo)-v\(r.version)",
                             period: r.periodFrom == r.periodTo ? r.periodFrom : "\(r.periodFrom) – \(r.periodTo)",
                             version: "\(r.version)",
                             created: String(r.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
                             file: r.fileName, files: Format.int(e.fileCount), manifest: r.manifestSHA256, zip: r.sha256,
                             changes: changes(e.changes, n: n))
            }
            return try build.renderer.report(path: path, language: lang, title: n.text("acceptance_title"),
                                             view: AcceptanceRegisterView(bundles: rows, hasBundles: !rows.isEmpty))
        }
    }

    static func changes(_ c: AcceptanceRegister.Changes?, n: LabelNames) -> String {
        guard let c else { return n.text("acceptance_first") }
        if c.isEmpty { return n.text("acceptance_same") }
        var parts: [String] = []
        func list(_ label: String, _ paths: [String]) {
            guard !paths.isEmpty else { return }
            let shown = paths.prefix(5).joined(separator: "、") + (paths.count > 5 ? " …" : "")
            parts.append("\(n.text(label)) \(paths.count)：\(shown)")
        }
        list("acceptance_added", c.added)
        list("acceptance_removed", c.removed)
        list("acceptance_changed", c.changed)
        if c.databaseChanged {
            let rows = c.rowCounts.map { "\($0.table) \($0.before)→\($0.after)" }.joined(separator: "、")
            parts.append(n.text("acceptance_database") + (rows.isEmpty ? "" : "（\(rows)）"))
        }
        return parts.joined(separator: "；")
    }
}

/// What `layouts/acceptance` reads: one row per bundle.
struct AcceptanceRegisterView: ReportView {
    static let template = "layouts/acceptance"

    struct Bundle: Codable {
        var anchor: String
        var period: String
        var version: String
        var created: String
        var file: String
        var files: String
        var manifest: String
        var zip: String
        var changes: String
    }

    var bundles: [Bundle]
    var hasBundles: Bool
}
