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
        let shown: [String: FindingValue] = ["query": .data(String(q.id)), "text": .data(typed)]
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
                return finding(.noVolume, uscc: e.uscc, phrase: Phrase.noVolume,
                               shown.merging(enterprise(e)) { a, _ in a }, query: q.id)
            }
            guard let site = q.siteID.flatMap({ context.snapshot.site($0) }) else { return nil }
            let missing = volumes.filter { v in
                guard context.mustHold(site, v) else { return false }
                if case .success = context.listing(site: site, folder: v.folder) { return false }
                return true
            }
            guard !missing.isEmpty else { return nil }
            let values = shown.merging(enterprise(e)) { a, _ in a }
                .merging(["volumes": .list(missing.map(\.id)), "site": .centerSite(site)]) { a, _ in a }
            return finding(.notSynced, site: site.id, uscc: e.uscc, phrase: Phrase.notSynced, values, query: q.id)
        }
        if q.kind == "uscc" || (q.kind != "name" && q.kind != "reg_no" && code.count == 18) {
            if !USCC.isValid(code) {
                let suggestions = CodeSuggester(codes: d.codes).suggestions(for: code)
                let advice: FindingMessage
                switch suggestions.count {
                case 0: advice = Phrase.noSuggestion()
                case 1: advice = Phrase.suggestion(["code": .data(suggestions[0]), "name": .data(d.byUSCC[suggestions[0]]?.name ?? "")])
                default: advice = Phrase.suggestions(["count": .data(String(suggestions.count)), "codes": .list(suggestions)])
                }
                return finding(.invalidCode, uscc: suggestions.count == 1 ? suggestions[0] : nil, phrase: Phrase.invalidCode,
                               shown.merging(["advice": .phrases([advice])]) { a, _ in a }, query: q.id)
            }
        }
        if q.kind == "name" {
            let normalized = EnterpriseNameNormalizer.normalize(typed)
            if let matches = d.byFormerName[normalized], let e = matches.first {
                return finding(.formerName, uscc: e.uscc, phrase: Phrase.formerName,
                               shown.merging(enterprise(e, matches)) { a, _ in a }, query: q.id)
            }
            if let matches = d.byNormalizedName[normalized], let e = matches.first {
                return finding(.nameVariant, uscc: e.uscc, phrase: Phrase.nameVariant,
                               shown.merging(enterprise(e, matches)) { a, _ in a }, query: q.id)
            }
        }
        return finding(.unknown, phrase: Phrase.unknown, shown, query: q.id)
    }

    /// The enterprise's name and code, and how many other enterprises matched as well.
    private func enterprise(_ e: CatalogEnterprise, _ matches: [CatalogEnterprise] = []) -> [String: FindingValue] {
        var values: [String: FindingValue] = ["name": .data(e.name), "uscc": .data(e.uscc)]
        if matches.count > 1 { values["others"] = .data(String(matches.count - 1)) }
        return values
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
