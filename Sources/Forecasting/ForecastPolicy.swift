import Foundation

/// The tunable parts of a capacity forecast (预测参数). Every consumer — the disk check, the dashboard, the
/// monthly summary and the sizing page — passes the same policy made from the workspace thresholds, so
/// they all state the same days and dates.
public struct ForecastPolicy: Sendable, Hashable, Codable {
    /// Usage (percent of capacity) at which a mount warns and turns critical (the disk.usage thresholds).
    public var warningPercent: Double
    public var criticalPercent: Double
    /// Below this many points (after the latest restart) no number is given: a trend through three
    /// readings says nothing about next year.
    public var minimumPoints: Int
    /// …nor when the points span fewer days than this.
    public var minimumSpanDays: Double
    /// The least-squares line is fitted through this much recent history of the current series.
    public var linearWindowDays: Double
    /// The backtest forecasts this far ahead from each origin (shortened to a third of a short history).
    public var backtestHorizonDays: Double
    /// How many rolling origins the backtest uses at most.
    public var backtestOrigins: Int
    /// Coverage of the prediction interval (0.8 = an 80 % interval).
    public var intervalLevel: Double
    /// Threshold crossings are searched this far ahead; beyond it they are "not within the horizon".
    public var searchHorizonDays: Double
    /// Offset of the local day from UTC (+08:00 for the bureau): several samples in one local day are
    /// reduced to one point, and the day boundary must be the bureau's.
    public var dayOffsetSeconds: Double

    public init(warningPercent: Double = 80, criticalPercent: Double = 90, minimumPoints: Int = 5,
                minimumSpanDays: Double = 7, linearWindowDays: Double = 365, backtestHorizonDays: Double = 90,
                backtestOrigins: Int = 5, intervalLevel: Double = 0.8, searchHorizonDays: Double = 3653,
                dayOffsetSeconds: Double = 8 * 3600) {
        self.warningPercent = warningPercent; self.criticalPercent = criticalPercent
        self.minimumPoints = minimumPoints; self.minimumSpanDays = minimumSpanDays
        self.linearWindowDays = linearWindowDays; self.backtestHorizonDays = backtestHorizonDays
        self.backtestOrigins = backtestOrigins; self.intervalLevel = intervalLevel
        self.searchHorizonDays = searchHorizonDays; self.dayOffsetSeconds = dayOffsetSeconds
    }

    /// The two-sided normal quantile for ``intervalLevel`` (80 % → 1.2816, 95 % → 1.96).
    var z: Double { NormalQuantile.twoSided(intervalLevel) }
}

/// Normal quantiles without a statistics library: Acklam's rational approximation (relative error < 1.2e-9).
enum NormalQuantile {
    static func twoSided(_ level: Double) -> Double { inverse(0.5 + min(max(level, 0), 0.999_999) / 2) }

    static func inverse(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverse(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
