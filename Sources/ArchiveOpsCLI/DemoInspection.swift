import ArchiveEngine
import Foundation

/// The demo's inspection step: when the workspace configuration names a center snapshot, inspect it as the
/// 07:30 morning run of 2023-06-30 (the demo's "today") and store the run, like `archive-ops check --full`.
enum DemoInspection {
    static let demoTime = "2023-06-30T07:30:00+08:00"

    static func run(workspace: Workspace, store: OperationsStore) throws {
        let config = try workspace.configuration()
        guard let center = config.center, let at = BureauTime.parse(demoTime) else { return }
        var options = InspectionOptions(center: workspace.resolve(center), at: at)
        options.sealCertificate = config.sealCertificate.map(workspace.resolve)
        options.mounts = config.mounts
        options.thresholds = config.thresholds
        options.full = true
        let report = try InspectionRunner.run(options, store: store, progress: ProgressReporter())
        try store.saveInspection(report.run, findings: report.findings)
        print("巡检完成（\(demoTime)）: \(report.status)，\(report.findings.count) 个问题。")
    }
}
