/// One step of a repair plan (修复计划): what to do, which finding it fixes, and how to undo it. The plan is
/// written for a person to review and run; ArchiveOps never executes it.
public struct RepairStep: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// Copy `source` (a site whose copy matches the catalog) to `target`, both absolute, checking
        /// `sha256` before and after; `replaces` when a corrupt file is moved aside first.
        case copy(source: String, target: String, sha256: String, replaces: Bool)
        /// Move a folder or file inside a store (a misfiled volume back to its place, or aside).
        case move(from: String, to: String)
        /// Move a folder or file of a store aside into the plan's backup folder (nothing is deleted).
        case quarantine(path: String)
        /// A statement for the center's catalog database, with its undo statement.
        case sql(statement: String, undo: String)
        /// Nothing safe can be done automatically (no good copy exists): why, and what a person should do.
        case manual(reason: String)
    }

    /// The finding this step fixes: `sync.missing dc V000123`.
    public let finding: Finding
    public let action: Action
    /// What the step does, Chinese first (one line).
    public let summary: String

    public init(finding: Finding, action: Action, summary: String) {
        self.finding = finding
        self.action = action
        self.summary = summary
    }

    /// Whether the plan claims to fix the finding (false for the steps that only say why it cannot).
    public var fixes: Bool {
        if case .manual = action { return false }
        return true
    }
}
