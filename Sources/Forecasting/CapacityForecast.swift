import Foundation

/// The forecast of one capacity series (容量预测): what the history was, which method was chosen and how
/// wrong it was in the backtest, where usage will be with an interval, and when it crosses the warning,
/// critical and full lines.
///
/// Made only by ``CapacityForecaster/forecast(_:asOf:policy:)``, the one forecast function that the disk
/// check, the dashboard, the monthly summary and the sizing page all call.
public struct CapacityForecast: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// A forecast with a backtested method and an interval.
        case forecast
        /// No readings at all.
        case noHistory = "no_history"
        /// Fewer readings (days) in the current series than ``ForecastPolicy/minimumPoints``.
        case tooFewPoints = "too_few_points"
        /// The current series spans fewer days than ``ForecastPolicy/minimumSpanDays``.
        case tooShortSpan = "too_short_span"
        /// Enough points, but spread so that no backtest origin fits: no method can be judged.
        case notBacktestable = "not_backtestable"
    }

    public var status: Status
    public var asOf: Date
    /// Raw readings at or before ``asOf``.
    public var samples: Int
    /// One point per local day, oldest first, with its role in the fit (for charts and tables).
    public var history: [HistoryPoint]
    public var events: [SeriesEvent]
    /// Start of the current series (after the last replacement or clean-up).
    public var seriesStart: Date?
    /// Daily points the models were fitted to.
    public var pointsUsed: Int
    public var outliers: Int
    /// Usual spacing of the readings (days), longest gap between two readings, and missing readings.
    public var stepDays: Double
    public var largestGapDays: Double
    public var missingSteps: Int
    /// The latest raw reading and the capacity the thresholds are drawn against.
    public var latest: CapacitySample?
    /// The last point of the current series: days ahead are counted from here.
    public var origin: Date?
    public var model: TrendModel?
    public var backtest: Backtest?
    public var intervalLevel: Double
    /// z · sqrt(σ² + (errorPerDay · h)²) is the half-width of the interval h days ahead.
    public var intervalZ: Double
    public var crossings: [ThresholdCrossing]

    public struct HistoryPoint: Sendable, Hashable, Codable {
        public enum Role: String, Sendable, Hashable, Codable {
            case fitted, outlier
            /// Before the last replacement or clean-up: shown, not fitted.
            case earlier
        }
        public var at: Date
        public var used: Double
        public var total: Double?
        public var role: Role
    }

    /// Where usage will be `days` after the origin: the expected value and the prediction interval.
    public struct Projection: Sendable, Hashable, Codable {
        public var days: Double
        public var expected: Double
        public var low: Double
        public var high: Double
    }

    /// Days from the origin until the expected usage, the interval's upper edge (earliest) and its lower
    /// edge (latest) reach a line. A nil day means "not within the search horizon at this trend".
    public struct ThresholdCrossing: Sendable, Hashable, Codable {
        public enum Line: String, Sendable, Hashable, Codable {
            case warning, critical, full
            public var displayName: String {
                switch self {
                case .warning: "警告线 (warning)"
                case .critical: "严重线 (critical)"
                case .full: "写满 (full)"
                }
            }
        }
        public var line: Line
        public var percent: Double
        public var bytes: Double
        public var days: Double?
        public var earliestDays: Double?
        public var latestDays: Double?
        public var date: Date?
        /// The fitted usage at the origin is already at or above the line.
        public var reached: Bool

        /// The first whole day on which the expected usage is at the line (25.3 → 26), as pages and the
        /// disk check print it — the same counting as ``earliestDays`` and ``latestDays``.
        public var wholeDays: Int? { days.map { Int(($0 - 1e-6).rounded(.up)) }.map { max(0, $0) } }
    }

    public var isForecast: Bool { status == .forecast }

    public func projection(afterDays days: Double) -> Projection? {
        guard let model, isForecast else { return nil }
        let expected = model.value(afterDays: days)
        let half = halfWidth(afterDays: days)
        return Projection(days: days, expected: expected, low: expected - half, high: expected + half)
    }

    public func halfWidth(afterDays days: Double) -> Double {
        guard let model else { return 0 }
        let perDay = backtest?.chosenError?.errorPerDay ?? 0
        let sigma = model.residualSigma
        return intervalZ * (sigma * sigma + (perDay * days) * (perDay * days)).squareRoot()
    }

    public func crossing(_ line: ThresholdCrossing.Line) -> ThresholdCrossing? {
        crossings.first { $0.line == line }
    }

    /// Usage growth per day at the origin from the chosen model.
    public var growthPerDay: Double? { isForecast ? model?.growthPerDay : nil }

    /// Days between the origin and ``asOf`` (a stale series is forecast from its last reading, and says so).
    public var staleDays: Double {
        guard let origin else { return 0 }
        return max(0, asOf.timeIntervalSince(origin) / 86_400)
    }

    /// Why there is no number, in Chinese first; nil for a forecast.
    public var reasonText: String? {
        switch status {
        case .forecast: return nil
        case .noHistory: return "没有历史采样，无法预测 (no history)"
        case .tooFewPoints:
            return "当前序列只有 \(pointsUsed) 个采样点\(restartNote)，至少需要 \(minimumPoints) 个才给出预测 (too few points)"
        case .tooShortSpan:
            return "当前序列只覆盖 \(String(format: "%.0f", spanDays)) 天\(restartNote)，至少需要 \(String(format: "%.0f", minimumSpanDays)) 天才给出" +
                "预测 (history too short)"
        case .notBacktestable:
            return "采样分布过于集中，无法回测检验预测方法，不给出数字 (cannot backtest)"
        }
    }

    var minimumPoints: Int
    var minimumSpanDays: Double
    var spanDays: Double

    private var restartNote: String {
        guard let last = events.last(where: \.restartsSeries) else { return "" }
        return "（\(last.kind == .cleanUp ? "清理" : "更换磁盘")后重新开始）"
    }
}
