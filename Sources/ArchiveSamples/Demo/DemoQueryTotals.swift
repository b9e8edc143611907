import ArchiveEngine
import Foundation

/// The bureau's query totals as an aggregate CSV (档案查询量汇总): the yearly figures from the requirements
/// (2020 221,736 · 2021 501,080 · 2022 560,908 · 2023-H1 259,108, together 1,542,832), the 2022 split by
/// channel, and the months of 2023, whose sum is the half year and whose June is the sample detail's count.
public enum DemoQueryTotals {
    public static let yearly: [(period: String, queries: Int)] = [
        ("2020", 221_736), ("2021", 501_080), ("2022", 560_908), ("2023-H1", 259_108),
    ]

    /// 2022 by channel (自助终端 70 %, 窗口 20 %, 网上 8 %, 全省 the rest); sums to 560,908.
    public static let channels2022: [(QueryChannel, Int)] = [
        (.kiosk, 392_636), (.window, 112_182), (.online, 44_873), (.province, 11_217),
    ]

    /// The CSV text: header 统计期间,渠道,查询量,查无结果; UTF-8 with BOM as Excel saves "CSV UTF-8".
    public static func csvText(juneQueries: Int, juneNotFound: Int) -> String {
        var lines = ["统计期间,渠道,查询量,查无结果"]
        for (period, queries) in yearly { lines.append("\(period),合计,\(queries),") }
        for (channel, queries) in channels2022 { lines.append("2022,\(channel.chineseName),\(queries),") }
        // January and February are low (Spring Festival); the rest of H1 after June shares the remainder.
        let remainder = 259_108 - juneQueries
        let weights = [0.15, 0.13, 0.24, 0.24, 0.24]
        var months: [Int] = weights.map { Int((Double(remainder) * $0).rounded(.down)) }
        months[4] += remainder - months.reduce(0, +)
        for (i, queries) in months.enumerated() {
            let notFound = queries * 8 / 1000
            lines.append(String(format: "2023-%02d,合计,%d,%d", i + 1, queries, notFound))
        }
        lines.append("2023-06,合计,\(juneQueries),\(juneNotFound)")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
