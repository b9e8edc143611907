import Foundation

/// What an operator can choose for one import (`--encoding`, `--skip-bad`), plus what the run records:
/// the contract's service levels for the SLA facts, the time and the actor written to the audit trail.
public struct ImportOptions: Sendable {
    /// Forces an encoding instead of detecting it.
    public var encoding: TextEncodingChoice?
    /// Imports the good rows and writes the bad ones to `<input>.rejected.csv` instead of rejecting the file.
    public var skipBad: Bool
    public var serviceLevels: ServiceLevels
    /// When the import ran (the audit entry's time). The demo passes its fixed "now" so its database
    /// is the same on every run.
    public var now: Date
    public var actor: String
    /// Which center a `query_log` belongs to (`import queries --center`): its ids are unique only inside
    /// one center's catalog, so two centers' logs are kept apart under their names. `""` is the unnamed
    /// center every earlier import used.
    public var center: String

    public init(encoding: TextEncodingChoice? = nil, skipBad: Bool = false, serviceLevels: ServiceLevels = .init(),
                now: Date = Date(), actor: String = AuditEntry.currentActor, center: String = "") {
        self.encoding = encoding; self.skipBad = skipBad; self.serviceLevels = serviceLevels
        self.now = now; self.actor = actor; self.center = center
    }
}

/// The three kinds of import file (`archive-ops import tickets|queries|inspections`).
public enum ImportKind: String, CaseIterable, Sendable {
    case tickets, queries, inspections

    public var chineseName: String {
        switch self {
        case .tickets: "运维任务单"
        case .queries: "档案查询量"
        case .inspections: "巡检结果"
        }
    }
}

/// What one import did: counts of rows inserted, updated, unchanged and rejected, the file's SHA-256 and
/// encoding, and where the rejected rows went. Printed by the CLI and recorded in the audit trail.
public struct ImportSummary: Sendable {
    public var kind: ImportKind
    public var file: URL
    public var sha256: String
    public var encoding: String?
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// The rejected rows' errors (with `--skip-bad`); the first ``RowErrorReport/storedLimit`` are kept.
    public var rowErrors = RowErrorReport()
    public var rejectsFile: URL?
    /// Further facts worth a line, e.g. which day totals were recomputed.
    public var notes: [String] = []

    public init(kind: ImportKind, file: URL, sha256: String, encoding: String? = nil) {
        self.kind = kind; self.file = file; self.sha256 = sha256; self.encoding = encoding
    }

    public var changed: Int { inserted + updated }

    /// `新增 3，更新 1，未变 40，拒绝 0` — the audit summary and the CLI's report line.
    public var counts: String {
        "新增 \(inserted)，更新 \(updated)，未变 \(unchanged)，拒绝 \(rejected)"
    }

    /// The audit entry of this import.
    func auditEntry(options: ImportOptions) -> AuditEntry {
        var summary = "导入\(kind.chineseName): \(counts)"
        if let encoding { summary += "（编码 \(encoding)）" }
        if let rejectsFile { summary += "；错误行已写入 \(rejectsFile.lastPathComponent)" }
        return AuditEntry(at: options.now, actor: options.actor, command: "import \(kind.rawValue)",
                          file: file.path, fileSHA256: sha256, summary: summary)
    }
}
