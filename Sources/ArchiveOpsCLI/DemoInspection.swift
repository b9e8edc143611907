import ArchiveEngine
import ArchiveSamples
import Foundation

extension DemoStep {
    /// The demo's inspection: when the workspace configuration names a center snapshot, inspect it as the
    /// 07:30 morning run of 2023-06-30 (the demo's "today") and store the run, like `archive-ops check --full`.
    static let inspectCenter = DemoStep(title: "巡检示例中心 (inspect the sample center)") { context in
        let workspace = context.workspace
        let config = try workspace.configuration()
        guard let center = config.center else { return "配置中未指定中心，跳过 (no center configured)" }
        var options = InspectionOptions(center: workspace.resolve(center), at: DemoClock.now)
        options.sealCertificate = config.sealCertificate.map(workspace.resolve)
        options.mounts = config.mounts
        options.thresholds = config.thresholds
        options.full = true
        // The same on every machine and every run: a fixed host name and the demo's "today".
        options.host = "demo"
        options.recordedStart = DemoClock.now
        let store = try context.openStore()
        let report = try InspectionRunner.run(options, store: store, progress: ProgressReporter())
        try store.saveInspection(report.run, findings: report.findings)
        try store.recordCapacity(of: report)
        try store.recordEnterprises(report.enterprises)
        return "\(BureauTime.display(DemoClock.now)) \(report.status)，\(report.findings.count) 个问题"
    }
}
