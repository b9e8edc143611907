import Foundation

/// Rolling-origin backtest (滚动起点回测): pretend it is an earlier day, fit each method on the history up
/// to then, forecast the days that followed, and measure how far off each method was. The method that was
/// closer is the one used, and its error is printed beside the forecast so a reader can judge it.
public struct Backtest: Sendable, Hashable, Codable {
    /// How far ahead each origin forecast (90 days, or a third of a short history).
    public var horizonDays: Double
    /// How many origins were tried.
    public var origins: Int
    /// Error of each method that could be fitted, linear first.
    public var errors: [MethodError]
    public var chosen: TrendModel.Method

    public struct MethodError: Sendable, Hashable, Codable {
        public var method: TrendModel.Method
        /// Mean absolute error over every forecast day of every origin, in bytes.
        public var mae: Double
        /// Mean absolute percentage error against the usage actually read, in percent (nil when usage was 0).
        public var mape: Double?
        /// Root mean square of (error ÷ days ahead) over the second half of the horizon: how fast the
        /// error grows per day ahead. It sets the width of the prediction interval at long horizons.
        public var errorPerDay: Double
        /// Forecast days the errors were measured on.
        public var comparisons: Int
    }

    public var chosenError: MethodError? { errors.first { $0.method == chosen } }

    /// Runs the backtest over prepared points; nil when the history is too short for even one origin.
    static func run(_ points: [SeriesPoint], step: Double, policy: ForecastPolicy) -> Backtest? {
        guard let first = points.first, let last = points.last else { return nil }
        let span = last.day - first.day
        let horizon = min(policy.backtestHorizonDays, span / 3)
        guard horizon > 0 else { return nil }
        var absolute: [TrendModel.Method: [Double]] = [:]
        var percent: [TrendModel.Method: [Double]] = [:]
        var perDay: [TrendModel.Method: [Double]] = [:]
        var fitted: Set<TrendModel.Method> = []
        var origins = 0
        for j in 0..<max(1, policy.backtestOrigins) {
            let origin = last.day - horizon - Double(j) * horizon / 2
            let train = points.filter { $0.day <= origin + 1e-9 }
            let test = points.filter { $0.day > origin + 1e-9 && $0.day <= origin + horizon + 1e-9 }
            guard train.count >= 3, let trainFirst = train.first, origin - trainFirst.day >= horizon - 1e-9,
                  !test.isEmpty else { break }
            // Both methods forecast from the origin's own latest point, as they would have that day.
            let trainOrigin = train[train.count - 1].day
            origins += 1
            for method in TrendModel.Method.allCases {
                guard let model = TrendModel.fit(method, train, origin: trainOrigin, step: step, policy: policy) else { continue }
                fitted.insert(method)
                for p in test {
                    let ahead = p.day - trainOrigin
                    let error = model.value(afterDays: ahead) - p.used
                    absolute[method, default: []].append(abs(error))
                    if p.used > 0 { percent[method, default: []].append(abs(error) / p.used * 100) }
                    if ahead >= horizon / 2 { perDay[method, default: []].append(error / ahead) }
                }
            }
        }
        guard origins > 0, fitted.contains(.linear) else { return nil }
        let errors = TrendModel.Method.allCases.filter(fitted.contains).map { m in
            MethodError(method: m, mae: Stats.mean(absolute[m] ?? []),
                        mape: (percent[m] ?? []).isEmpty ? nil : Stats.mean(percent[m] ?? []),
                        errorPerDay: Stats.rms(perDay[m] ?? []), comparisons: absolute[m]?.count ?? 0)
        }
        // Ties go to the straight line: the simpler method, and the one a reader can check by hand.
        let linear = errors[0]
        let chosen = errors.dropFirst().first { $0.mae < linear.mae * (1 - 1e-9) - 1e-6 }?.method ?? .linear
        return Backtest(horizonDays: horizon, origins: origins, errors: errors, chosen: chosen)
    }
}
