import Foundation

/// One finished comparison (数据迁移核对) of an old and a new copy of the archive: what was compared, how
/// much was read, and every difference — what the 数据迁移核对报告 page shows.
public struct Comparison: Codable, Hashable, Sendable {
    public var id: String
    public var oldSide: String
    public var newSide: String
    /// The site ids compared (`dc`, or `dc→dc-new` when a store was compared with another site's).
    public var sites: [String]
    public var host: String
    public var startedAt: Date
    public var finishedAt: Date
    public var enterpriseFolders: Int
    public var volumes: Int
    public var files: Int
    public var bytesRead: Int64
    /// True when the run continued an interrupted one.
    public var resumed: Bool
    /// What could not be read (UNKNOWN), Chinese first.
    public var notes: [String]
    public var differences: [ComparisonDifference]

    public init(id: String, oldSide: String, newSide: String, sites: [String], host: String, startedAt: Date, finishedAt: Date,
                enterpriseFolders: Int, volumes: Int, files: Int, bytesRead: Int64, resumed: Bool, notes: [String],
                differences: [ComparisonDifference]) {
        self.id = id; self.oldSide = oldSide; self.newSide = newSide; self.sites = sites; self.host = host
        self.startedAt = startedAt; self.finishedAt = finishedAt; self.enterpriseFolders = enterpriseFolders
        self.volumes = volumes; self.files = files; self.bytesRead = bytesRead; self.resumed = resumed
        self.notes = notes; self.differences = differences
    }

    /// The worst severity among the differences, nil when the copies agree.
    public var worst: Severity? { differences.map(\.severity).max() }

    /// Exit code like `check`: 0 identical, 1 warnings only, 2 critical, 3 when something could not be read
    /// and nothing critical was found (identical cannot be claimed).
    public var exitCode: Int32 {
        switch worst {
        case .critical: 2
        case .warning: notes.isEmpty ? 1 : 3
        case .info, nil: notes.isEmpty ? 0 : 3
        }
    }

    /// `cmp-20230630T073000-host`.
    static func makeID(host: String, startedAt: Date) -> String {
        "cmp-" + InspectionRun.makeID(host: host, startedAt: startedAt)
    }
}
