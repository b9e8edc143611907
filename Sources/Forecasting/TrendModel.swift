import Foundation

/// A fitted trend, ready to say where usage will be some days after the forecast origin.
///
/// Two methods, because disks grow in two ways: steadily (an archive scanned at a constant pace — a
/// straight line fits best) or with a pace that is changing (a backlog being worked off, a new branch
/// coming online — a damped trend follows the recent pace and does not extrapolate it for ever).
public enum TrendModel: Sendable, Hashable, Codable {
    /// Least squares through recent history: `value(h) = fittedAtOrigin + slopePerDay · h`.
    case linear(LinearTrend)
    /// Holt's damped trend: `value(h) = level + trend · (φ + φ² + … + φ^(h/step))`.
    case dampedTrend(DampedTrend)

    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case linear
        case dampedTrend = "damped_trend"

        /// 中文名 alone, for sentences (线性最小二乘, 阻尼趋势).
        public var chineseName: String {
            switch self {
            case .linear: "线性最小二乘"
            case .dampedTrend: "阻尼趋势"
            }
        }

        /// 中文名 (English name), as the pages print it.
        public var displayName: String {
            switch self {
            case .linear: "线性最小二乘 (linear least squares)"
            case .dampedTrend: "阻尼趋势 Holt (damped trend)"
            }
        }
    }

    public var method: Method {
        switch self {
        case .linear: .linear
        case .dampedTrend: .dampedTrend
        }
    }

    /// Usage `days` after the origin (0 = the fitted value at the origin).
    public func value(afterDays days: Double) -> Double {
        switch self {
        case .linear(let m): m.value(afterDays: days)
        case .dampedTrend(let m): m.value(afterDays: days)
        }
    }

    /// Growth over the next day from the origin: the pace the page prints ("每天约 …").
    public var growthPerDay: Double { value(afterDays: 1) - value(afterDays: 0) }

    /// Root mean square of the one-step-ahead (linear: in-sample) residuals: the noise the interval starts from.
    public var residualSigma: Double {
        switch self {
        case .linear(let m): m.residualSigma
        case .dampedTrend(let m): m.residualSigma
        }
    }

    static func fit(_ method: Method, _ points: [SeriesPoint], origin: Double, step: Double,
                    policy: ForecastPolicy) -> TrendModel? {
        switch method {
        case .linear:
            let recent = points.filter { $0.day >= origin - policy.linearWindowDays - 1e-9 }
            return LinearTrend.fit(recent, origin: origin).map(TrendModel.linear)
        case .dampedTrend:
            return DampedTrend.fit(points, origin: origin, step: step).map(TrendModel.dampedTrend)
        }
    }
}

/// Ordinary least squares of usage on time.
public struct LinearTrend: Sendable, Hashable, Codable {
    public var slopePerDay: Double
    /// The fitted line at the origin (not the last reading: one noisy reading should not decide alone).
    public var fittedAtOrigin: Double
    public var residualSigma: Double
    public var points: Int

    public func value(afterDays days: Double) -> Double { fittedAtOrigin + slopePerDay * days }

    static func fit(_ points: [SeriesPoint], origin: Double) -> LinearTrend? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + ($1.day - origin) } / n
        let my = points.reduce(0) { $0 + $1.used } / n
        var sxy = 0.0, sxx = 0.0
        for p in points {
            let dx = p.day - origin - mx
            sxy += dx * (p.used - my); sxx += dx * dx
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let atOrigin = my - slope * mx
        var sse = 0.0
        for p in points {
            let r = p.used - (atOrigin + slope * (p.day - origin))
            sse += r * r
        }
        let sigma = points.count > 2 ? (sse / (n - 2)).squareRoot() : 0
        return LinearTrend(slopePerDay: slope, fittedAtOrigin: atOrigin, residualSigma: sigma, points: points.count)
    }
}

/// Holt's linear method with a damped trend (Gardner & McKenzie), on a regular grid of `stepDays`.
/// Smoothing parameters are chosen from a small grid by the least one-step-ahead squared error.
public struct DampedTrend: Sendable, Hashable, Codable {
    public var level: Double
    /// Trend per step at the origin.
    public var trend: Double
    public var alpha: Double
    public var beta: Double
    public var phi: Double
    public var stepDays: Double
    public var residualSigma: Double
    public var points: Int

    public func value(afterDays days: Double) -> Double {
        let steps = max(0, days / stepDays)
        let damping = phi < 1 ? phi * (1 - Foundation.pow(phi, steps)) / (1 - phi) : steps
        return level + trend * damping
    }

    static let alphas = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9]
    static let betas = [0.01, 0.05, 0.1, 0.2]
    static let phis = [0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998]

    static func fit(_ points: [SeriesPoint], origin: Double, step: Double) -> DampedTrend? {
        let grid = Self.grid(points, origin: origin, step: step)
        guard grid.count >= 3 else { return nil }
        let head = Array(grid.prefix(6))
        let initialTrend = head.count >= 2
            ? LinearTrend.fit(head.enumerated().map { SeriesPoint(day: Double($0.offset), used: $0.element) }, origin: 0)?.slopePerDay ?? 0
            : 0
        var best: DampedTrend?
        var bestSSE = Double.infinity
        for phi in phis {
            for alpha in alphas {
                for beta in betas {
                    var level = grid[0], trend = initialTrend, sse = 0.0
                    for y in grid.dropFirst() {
                        let predicted = level + phi * trend
                        let error = y - predicted
                        sse += error * error
                        let newLevel = alpha * y + (1 - alpha) * predicted
                        trend = beta * (newLevel - level) + (1 - beta) * phi * trend
                        level = newLevel
                    }
                    if best == nil || sse < bestSSE - 1e-9 * max(1, bestSSE) {
                        bestSSE = sse
                        best = DampedTrend(level: level, trend: trend, alpha: alpha, beta: beta, phi: phi,
                                           stepDays: step,
                                           residualSigma: (sse / Double(grid.count - 1)).squareRoot(),
                                           points: points.count)
                    }
                }
            }
        }
        return best
    }

    /// Values on the nodes `origin − k·step` (oldest first), linearly interpolated between readings, so a
    /// gap of a few days does not shift the steps.
    static func grid(_ points: [SeriesPoint], origin: Double, step: Double) -> [Double] {
        guard let first = points.first else { return [] }
        let count = Int(((origin - first.day) / step + 1e-9).rounded(.down)) + 1
        guard count >= 1 else { return [] }
        var values = [Double](repeating: 0, count: count)
        var j = 0
        for k in 0..<count {
            let t = origin - Double(count - 1 - k) * step
            while j + 1 < points.count && points[j + 1].day < t { j += 1 }
            if j + 1 < points.count, points[j].day <= t {
                let a = points[j], b = points[j + 1]
                let span = b.day - a.day
                values[k] = span > 0 ? a.used + (b.used - a.used) * (t - a.day) / span : b.used
            } else {
                values[k] = points[min(j, points.count - 1)].used
            }
        }
        return values
    }
}
