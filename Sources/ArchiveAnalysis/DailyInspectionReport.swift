import ArchiveEngine
import Foundation

/// The daily inspection report (巡检报告) of one run: what ran, what it covered, every finding grouped by
/// check and severity with what to do about it (from ``CheckCatalog``), and what changed since the run before.
public struct DailyInspectionReport: Codable, Hashable, Sendable {
    public var run: InspectionRun
    public var previousRunID: String?
    public var nextRunID: String?
    public var total: Int
    public var bySeverity: [SeverityCount]
    public var sections: [CheckSection]
    public var changes: FindingChanges

    public struct SeverityCount: Codable, Hashable, Sendable {
        public var severity: Severity
        public var count: Int
    }

    /// One check of the catalogue and its findings in this run.
    public struct CheckSection: Codable, Hashable, Sendable {
        public var checkID: String
        public var name: String
        public var summary: String
        /// Worst severity found, nil when the check reported nothing.
        public var worst: Severity?
        /// False when the run lists its checks (``InspectionRun/checks``) and this one is not among them.
        public var ran: Bool
        public var total: Int
        /// Findings by severity, worst first; severities without findings are left out.
        public var groups: [SeverityGroup]
        /// The help for each code that occurred: meaning, likely causes and the steps to resolve.
        public var guidance: [CodeGuidance]
    }

    public struct SeverityGroup: Codable, Hashable, Sendable {
        public var severity: Severity
        public var findings: [ReportedFinding]
    }

    /// A finding as the report lists it, marked new when the previous run did not have it.
    public struct ReportedFinding: Codable, Hashable, Sendable {
        public var finding: Finding
        public var title: String
        public var isNew: Bool
    }

    public struct CodeGuidance: Codable, Hashable, Sendable {
        public var code: String
        public var title: String
        public var count: Int
        public var meaning: String
        public var causes: [String]
        public var resolution: [String]
    }

    /// The report of `history.runs[index]`.
    public static func make(history: InspectionHistory, index: Int) -> DailyInspectionReport {
        let run = history.runs[index]
        let findings = history.findings(of: run)
        let changes = history.changes(at: index)
        let newKeys = Set(changes.new.map(FindingKey.init))
        var checkIDs = CheckCatalog.all.map(\.id)
        for f in findings where !checkIDs.contains(f.check) { checkIDs.append(f.check) }
        let ranIDs = run.checks.map(Set.init)
        let sections = checkIDs.map { id -> CheckSection in
            let def = CheckCatalog.definition(id: id)
            let mine = findings.filter { $0.check == id }
            let groups = Severity.allCases.reversed().compactMap { sev -> SeverityGroup? in
                let list = mine.filter { $0.severity == sev }
                guard !list.isEmpty else { return nil }
                return SeverityGroup(severity: sev, findings: list.map {
                    ReportedFinding(finding: $0, title: CheckCatalog.definition(code: $0.code)?.title ?? $0.code,
                                    isNew: changes.hasPrevious && newKeys.contains(FindingKey($0)))
                })
            }
            var codes: [String] = []
            for f in mine where !codes.contains(f.code) { codes.append(f.code) }
            let guidance = codes.map { code -> CodeGuidance in
                let d = CheckCatalog.definition(code: code)
                return CodeGuidance(code: code, title: d?.title ?? code, count: mine.filter { $0.code == code }.count,
                                    meaning: d?.meaning ?? "", causes: d?.causes ?? [], resolution: d?.resolution ?? [])
            }
            return CheckSection(checkID: id, name: def?.name ?? id, summary: def?.summary ?? "",
                                worst: mine.map(\.severity).max(), ran: !mine.isEmpty || (ranIDs?.contains(id) ?? true),
                                total: mine.count, groups: groups, guidance: guidance)
        }
        let bySeverity = Severity.allCases.reversed().map { s in
            SeverityCount(severity: s, count: findings.filter { $0.severity == s }.count)
        }
        return DailyInspectionReport(
            run: run, previousRunID: history.previous(before: index)?.id,
            nextRunID: index + 1 < history.runs.count ? history.runs[index + 1].id : nil,
            total: findings.count, bySeverity: bySeverity, sections: sections, changes: changes)
    }
}
