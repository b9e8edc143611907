import ArchiveEngine
import Foundation

/// The demo's sample input files, written into `<workspace>/demo-inputs/` exactly as an operator would
/// receive them: the platform's ticket export, the bureau's query totals, and a query_log detail file.
public struct DemoInputs: Sendable {
    public static let folderName = "demo-inputs"

    public var tickets: URL
    public var queryTotals: URL
    public var queryDetail: URL

    /// Generates and writes the three files (replacing earlier ones); the same bytes on every run.
    public static func write(into folder: URL) throws -> DemoInputs {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inputs = DemoInputs(
            tickets: folder.appendingPathComponent("运维任务单-2022-07至2023-06.csv"),
            queryTotals: folder.appendingPathComponent("档案查询量汇总.csv"),
            queryDetail: folder.appendingPathComponent("query-detail.sqlite"))

        try DemoTickets.platformExport(DemoTickets.generate()).write(to: inputs.tickets, options: .atomic)

        let detail = DemoQueryLog.generate()
        try DemoQueryLog.write(detail, to: inputs.queryDetail)

        let notFound = detail.filter { $0.result == "not_found" }.count
        let totals = DemoQueryTotals.csvText(juneQueries: detail.count, juneNotFound: notFound)
        try (Data([0xEF, 0xBB, 0xBF]) + Data(totals.utf8)).write(to: inputs.queryTotals, options: .atomic)
        return inputs
    }
}
