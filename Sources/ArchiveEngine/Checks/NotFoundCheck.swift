import Foundation

/// 外部查询查不到档案检查: every not-found query of the window (default the previous calendar day) is
/// given its most likely cause, so that the citizen can be answered and the data fixed.
///
/// Triage, after an exact lookup by what the user typed:
/// 1. exact match → `notfound.not_synced` when some of its volumes are missing at the serving site's
///    store, `notfound.no_volume` when it has none (an exact match whose volumes are all present gives
///    no finding: nothing is wrong in the center);
/// 2. a code failing its check character → `notfound.invalid_code`, with the catalog code one edit away
///    when exactly one exists;
/// 3. a name equal to a former name → `notfound.former_name`;
/// 4. a name equal to a current name after normalising width, brackets and spaces → `notfound.name_variant`;
/// 5. otherwise → `notfound.unknown` (likely registered elsewhere).
/// Only `not_synced` carries a site (the one that served the query); every finding carries its `query`.
public struct NotFoundCheck: Check {

    public init() {}

    public func run(_ context: InspectionContext) throws -> [Finding] {
        let queries = try context.catalog.notFoundQueries(from: context.windowStart, to: context.windowEnd)
        guard !queries.isEmpty else { return [] }
        let directory = EnterpriseDirectory(try context.catalog.enterprises())
        return queries.compactMap { triage($0, directory, context) }
    }

    private func triage(_ q: CatalogQuery, _ d: EnterpriseDirectory, _ context: InspectionContext) -> Finding? {
        let typed = q.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = EnterpriseNameNormalizer.normalize(typed).uppercased()
        let shown = "查询 #\(q.id)「\(typed)」"
        let exact: CatalogEnterprise?
        switch q.kind {
        case "uscc": exact = d.byUSCC[code]
        case "reg_no": exact = d.byRegNo[code]
        case "name": exact = d.byName[typed]
        default: exact = d.byUSCC[code] ?? d.byRegNo[code] ?? d.byName[typed]
        }
        if let e = exact {
            let volumes = context.volumesByEnterprise[e.uscc] ?? []
            if volumes.isEmpty {
                return finding(.noVolume, uscc: e.uscc,
                               detail: "\(shown)：企业 \(e.name)（\(e.uscc)）在目录中存在，但没有任何案卷 (enterprise has no volumes)", query: q.id)
            }
            guard let site = q.siteID.flatMap({ context.snapshot.site($0) }) else { return nil }
            let missing = volumes.filter { v in
                guard context.mustHold(site, v) else { return false }
                if case .success = context.listing(site: site, folder: v.folder) { return false }
                return true
            }
            guard !missing.isEmpty else { return nil }
            return finding(.notSynced, site: site.id, uscc: e.uscc,
                           detail: "\(shown)：企业 \(e.name)（\(e.uscc)）存在，但 \(FindingText.list(missing.map(\.id))) 不在提供查询的站点 \(FindingText.site(site)) (volumes not at serving site)",
                           query: q.id)
        }
        if q.kind == "uscc" || (q.kind != "name" && q.kind != "reg_no" && code.count == 18) {
            if !USCC.isValid(code) {
                let suggestions = CodeSuggester(codes: d.codes).suggestions(for: code)
                let advice: String
                switch suggestions.count {
                case 0: advice = "目录中没有只差一个字符的代码"
                case 1: advice = "建议代码 \(suggestions[0])（\(d.byUSCC[suggestions[0]]?.name ?? "")）"
                default: advice = "目录中有 \(suggestions.count) 个只差一个字符的代码，无法确定：\(FindingText.list(suggestions))"
                }
                return finding(.invalidCode, uscc: suggestions.count == 1 ? suggestions[0] : nil,
                               detail: "\(shown)：代码校验位错误，\(advice) (check character fails)", query: q.id)
            }
        }
        if q.kind == "name" {
            let normalized = EnterpriseNameNormalizer.normalize(typed)
            if let matches = d.byFormerName[normalized], let e = matches.first {
                return finding(.formerName, uscc: e.uscc,
                               detail: "\(shown)：是企业的曾用名，现名称为 \(e.name)（\(e.uscc)）\(more(matches)) (former name)", query: q.id)
            }
            if let matches = d.byNormalizedName[normalized], let e = matches.first {
                return finding(.nameVariant, uscc: e.uscc,
                               detail: "\(shown)：与企业现名称 \(e.name)（\(e.uscc)）仅有全角/半角、括号或空格差异\(more(matches)) (name variant)", query: q.id)
            }
        }
        return finding(.unknown,
                       detail: "\(shown)：目录中没有匹配的企业，可能在外地登记或输入有误 (no match in catalog)", query: q.id)
    }

    private func more(_ matches: [CatalogEnterprise]) -> String {
        matches.count > 1 ? "，另有 \(matches.count - 1) 家同名企业" : ""
    }
}

/// The catalog's enterprises indexed the ways a citizen may have typed them.
struct EnterpriseDirectory {
    let byUSCC: [String: CatalogEnterprise]
    let byRegNo: [String: CatalogEnterprise]
    let byName: [String: CatalogEnterprise]
    let byNormalizedName: [String: [CatalogEnterprise]]
    let byFormerName: [String: [CatalogEnterprise]]
    let codes: Set<String>

    init(_ enterprises: [CatalogEnterprise]) {
        var byUSCC: [String: CatalogEnterprise] = [:], byRegNo: [String: CatalogEnterprise] = [:]
        var byName: [String: CatalogEnterprise] = [:]
        var normalized: [String: [CatalogEnterprise]] = [:], former: [String: [CatalogEnterprise]] = [:]
        for e in enterprises {  // sorted by uscc, so "first" is deterministic
            byUSCC[e.uscc] = e
            if let r = e.regNo, !r.isEmpty, byRegNo[r] == nil { byRegNo[r] = e }
            if byName[e.name] == nil { byName[e.name] = e }
            normalized[EnterpriseNameNormalizer.normalize(e.name), default: []].append(e)
            for f in e.formerNames { former[EnterpriseNameNormalizer.normalize(f), default: []].append(e) }
        }
        self.byUSCC = byUSCC; self.byRegNo = byRegNo; self.byName = byName
        byNormalizedName = normalized; byFormerName = former
        codes = Set(byUSCC.keys)
    }
}
