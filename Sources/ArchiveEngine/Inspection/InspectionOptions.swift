import Foundation

/// What one inspection runs on and how: the snapshot, the inspection time, which checks, whether to
/// cover everything, and how gently to read.
public struct InspectionOptions: Sendable {
    /// The center snapshot folder (`catalog.sqlite` + `stores/`).
    public var center: URL
    /// PEM file of the trusted seal certificate; nil leaves seal validity UNKNOWN.
    public var sealCertificate: URL?
    /// Mounts on this host judged by statvfs.
    public var mounts: [String] = []
    /// Folders outside the center under which a site's store root may lie (`store_roots`).
    public var storeRoots: [URL] = []
    /// The inspection time (default now): due dates, grace periods, lock ages and the window count from it.
    public var at: Date
    /// Check ids to run (`--only`); nil runs every check.
    public var only: [String]?
    /// Verify every volume's files (the weekend run, the acceptance run).
    public var full = false
    /// Read-rate cap in MB/s; nil is unthrottled.
    public var maxReadMBps: Double?
    public var thresholds = Thresholds()
    /// The inspecting host's name, for the run and for statvfs findings.
    public var host: String = ProcessInfo.processInfo.hostName
    /// The start time recorded for the run (its id and report date); nil records the wall clock. The demo
    /// records its run at the demo's 07:30 so that the same inputs always give the same site.
    public var recordedStart: Date?
    /// Volumes per committed batch of progress.
    public var batchSize = 256
    /// Threads that read, hash, parse and verify store files (`--workers`); nil uses every core. The
    /// findings do not depend on it.
    public var workers: Int?
    /// The sites whose stores this host inspects (`check --site`, repeatable); nil inspects every site.
    /// The catalog-wide parts run either way, so the runs of several hosts over disjoint sites together
    /// give the findings of one run over the whole center.
    public var sites: [String]?
    /// The nice value (0–19) for every worker thread (`--nice`); nil leaves priorities alone.
    public var nice: Int32?
    /// Where the run's time goes (`ARCHIVEOPS_PHASE_TIMES=1`), when the caller measures more than the run
    /// (opening the workspace, saving) and prints the phases itself; nil: the run keeps and prints its own.
    public var phases: PhaseTimes?
    /// Stops the run (as an interruption would) after this many committed batches.
    var stopAfterBatches: Int?

    public init(center: URL, at: Date) {
        self.center = center
        self.at = at
    }
}

/// Why an inspection could not be completed (exit 3, UNKNOWN).
public enum InspectionError: Error, CustomStringConvertible, Sendable {
    case unknownCheck(String)
    case unknownSite(String, known: [String])
    case sealCertificateUnreadable(String, String)
    case interrupted(done: Int, total: Int)

    public var description: String {
        switch self {
        case .unknownCheck(let id):
            "未知的检查项 \(id)。可用的检查项: \(CheckCatalog.all.map(\.id).joined(separator: ", "))。 (unknown check id)"
        case .unknownSite(let id, let known):
            "中心目录中没有站点 \(id)（--site）。目录中的站点: \(known.joined(separator: ", "))。 (unknown site id)"
        case .sealCertificateUnreadable(let path, let reason):
            "无法读取签章证书 \(path): \(reason)。请检查 seal_certificate 或 --seal-cert。 (seal certificate unreadable)"
        case .interrupted(let done, let total):
            "巡检在完成 \(done)/\(total) 卷后中断，进度已保存，下次运行将续传。 (interrupted; progress saved)"
        }
    }
}
