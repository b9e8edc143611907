import ArchiveAnalysis
import Foundation

/// The home page (首页): the headline counts of the operations database.
enum HomePage {
    static let step: SiteBuild.Step = { build in
        let overview = try OperationsOverview.load(from: build.store)
        let rows: [[String: Any]] = [
            ["label": "运维任务单", "value": overview.tickets],
            ["label": "未完成任务单", "value": overview.openTickets],
            ["label": "巡检次数", "value": overview.inspectionRuns],
            ["label": "巡检发现问题", "value": overview.findings],
            ["label": "查询量统计条目", "value": overview.queryStatistics],
            ["label": "查询明细记录", "value": overview.queryEvents],
        ]
        return [try build.renderer.page(path: "index.html", title: "运维总览", bodyTemplate: "layouts/home", values: ["counts": rows])]
    }
}
