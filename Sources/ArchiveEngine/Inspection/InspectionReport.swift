/// The outcome of one inspection: the stored run, its findings in report order, what could not be judged,
/// and the monitoring exit code.
public struct InspectionReport: Sendable {
    public let run: InspectionRun
    public let findings: [Finding]
    public let notes: [InspectionNote]
    /// The checks that took part, in catalogue order.
    public let checks: [CheckDefinition]
    public let plan: CoverageLedger.Plan?
    /// Capacity history this run read (when the disk check took part): disk readings and each site's
    /// archive growth per month. Saved with ``OperationsStore/recordCapacity(of:)``.
    public var diskReadings: [DiskReading] = []
    public var archiveGrowth: [ArchiveGrowthMonth] = []
    /// Store files and bytes the run read (all workers together), for benchmarks and the read-rate cap.
    public var filesRead = 0
    public var bytesRead: Int64 = 0
    /// The catalog facts of the enterprises this run met (findings, codes in tickets), for the enterprise
    /// pages. Saved with ``OperationsStore/recordEnterprises(_:)``.
    public var enterprises: [EnterpriseFacts] = []

    /// Like a monitoring plugin: 2 when anything is critical, else 3 when part of the center could not be
    /// judged (UNKNOWN), else 1 for warnings, else 0 (info findings are OK).
    public var exitCode: Int32 {
        let worst = findings.map(\.severity).max()
        if worst == .critical { return 2 }
        if !notes.isEmpty { return 3 }
        if worst == .warning { return 1 }
        return 0
    }

    /// `OK` / `WARNING` / `CRITICAL` / `UNKNOWN`, for the summary's first line.
    public var status: String {
        switch exitCode {
        case 0: "正常 OK"
        case 1: "警告 WARNING"
        case 2: "严重 CRITICAL"
        default: "部分未知 UNKNOWN"
        }
    }
}
