import ArchiveEngine
import Foundation

/// Every inspection run (巡检) with its findings, read from the store in two reads. The daily reports, the
/// monthly summaries and the dashboard all derive from this one value, so they agree with each other.
public struct InspectionHistory: Sendable {
    /// Runs oldest first (by start time, then id).
    public let runs: [InspectionRun]
    /// Findings of each run, in the order the run reported them.
    public let findings: [String: [Finding]]

    public init(runs: [InspectionRun], findings: [String: [Finding]]) {
        self.runs = runs
        self.findings = findings
    }

    public static func load(from store: OperationsStore) throws -> InspectionHistory {
        InspectionHistory(runs: try store.inspectionRuns(), findings: try store.findingsByRun())
    }

    public var latest: InspectionRun? { runs.last }

    public func findings(of run: InspectionRun) -> [Finding] { findings[run.id] ?? [] }

    /// The run before `index`, the one "changes since the day before" compares with.
    public func previous(before index: Int) -> InspectionRun? {
        index > 0 && index < runs.count ? runs[index - 1] : nil
    }

    /// What changed between two consecutive runs.
    public func changes(at index: Int) -> FindingChanges {
        let current = findings(of: runs[index])
        guard let prev = previous(before: index) else {
            return FindingChanges(new: current, resolved: [], stillOpen: [], hasPrevious: false)
        }
        return FindingChanges.between(previous: findings(of: prev), current: current)
    }
}

/// The identity of a finding across runs: the same problem at the same place. Two runs reporting the same
/// key mean the problem is still open; the detail text may differ (counts, timestamps) and does not matter.
public struct FindingKey: Hashable, Sendable, Comparable {
    public var code: String
    public var site: String
    public var volume: String
    public var query: Int64
    public var host: String
    public var mount: String

    public init(_ f: Finding) {
        code = f.code; site = f.site ?? ""; volume = f.volume ?? ""; query = f.query ?? -1
        host = f.host ?? ""; mount = f.mount ?? ""
    }

    public static func < (a: FindingKey, b: FindingKey) -> Bool {
        (a.code, a.site, a.volume, a.query, a.host, a.mount) < (b.code, b.site, b.volume, b.query, b.host, b.mount)
    }
}

/// Findings new, resolved and still open compared with the previous run (当日较前一日的变化).
public struct FindingChanges: Codable, Hashable, Sendable {
    public var new: [Finding]
    public var resolved: [Finding]
    public var stillOpen: [Finding]
    /// False for the first run in the database: everything is "new" only because nothing came before.
    public var hasPrevious: Bool

    public static func between(previous: [Finding], current: [Finding]) -> FindingChanges {
        let before = Set(previous.map(FindingKey.init))
        let now = Set(current.map(FindingKey.init))
        return FindingChanges(
            new: current.filter { !before.contains(FindingKey($0)) },
            resolved: previous.filter { !now.contains(FindingKey($0)) },
            stillOpen: current.filter { before.contains(FindingKey($0)) },
            hasPrevious: true)
    }
}
