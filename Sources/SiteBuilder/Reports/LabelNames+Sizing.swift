import ArchiveAnalysis
import Forecasting
import Foundation

extension LabelNames {
    func mark(_ m: CheckMark) -> String { l["mark_\(m.rawValue)"] ?? local(m.displayName) }
    func method(_ m: TrendModel.Method) -> String { l["method_\(m.rawValue)"] ?? local(m.displayName) }
    func line(_ line: CapacityForecast.ThresholdCrossing.Line, percent: Double) -> String {
        "\(l["line_\(line.rawValue)"] ?? local(line.displayName)) \(Int(percent.rounded())) %"
    }
    func clientKind(_ k: ClientPlan.Kind) -> String { l["kind_\(k.rawValue)"] ?? local(k.displayName) }
    func peripheralKind(_ k: PeripheralChecklist.Kind) -> String { l["kind_\(k.rawValue)"] ?? local(k.displayName) }
}
