import Forecasting
import Foundation

/// One number of the sizing advice with everything a reader needs to check it: the formula with the
/// values put in, the assumptions behind it, and what the inventory or the history lacked.
///
/// The page prints these beside the number; nothing in the advice is a bare figure.
public struct SizingFigure: Codable, Hashable, Sendable {
    public var label: String
    /// nil when the number cannot be given (the reason is in ``missing``).
    public var value: Double?
    /// The prediction interval's ends, where the figure comes from a forecast.
    public var low: Double?
    public var high: Double?
    public var unit: Unit
    /// The formula with its values, e.g. `(12.0 TiB + 3.1 TiB × 2) ÷ 80 % = 22.8 TiB`.
    public var formula: String
    public var assumptions: [String]
    /// What was missing for this figure (清单未填写 …); empty when complete.
    public var missing: [String]

    public enum Unit: String, Codable, Hashable, Sendable {
        case bytes, cores, gigabytes, queriesPerSecond = "queries_per_second", milliseconds, count, percent
    }

    public init(label: String, value: Double?, low: Double? = nil, high: Double? = nil, unit: Unit,
                formula: String, assumptions: [String] = [], missing: [String] = []) {
        self.label = label; self.value = value; self.low = low; self.high = high; self.unit = unit
        self.formula = formula; self.assumptions = assumptions; self.missing = missing
    }
}

/// How sizing texts print bytes: binary units, as df and the disk check do.
enum SizingText {
    static func bytes(_ b: Double) -> String {
        ByteText.binary(b)
    }

    /// At most `digits` decimals, without trailing zeros: 45 → "45", 0.4 → "0.4", 2.25 → "2.25".
    static func number(_ v: Double, digits: Int = 1) -> String {
        var text = String(format: "%.\(digits)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func percent(_ v: Double) -> String { "\(number(v)) %" }
}
