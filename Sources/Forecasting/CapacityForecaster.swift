import Foundation

/// The one capacity forecast function (容量预测). The disk check's `disk.forecast`, the dashboard's
/// days-to-full, the monthly summary's capacity section and the sizing page all call
/// ``forecast(_:asOf:policy:)`` with the same policy, so they cannot disagree.
///
/// ## Steps
/// 1. Readings after `asOf` are ignored; the rest are reduced to one median point per local day.
/// 2. Isolated spikes are set aside (Hampel filter); a disk replacement or a clean-up restarts the series,
///    an expansion with usage carried over does not (usage keeps its meaning).
/// 3. Too little history: no number, and the reason.
/// 4. A rolling-origin backtest picks linear least squares or Holt's damped trend, whichever was closer.
/// 5. The chosen method is fitted to the whole current series; the interval widens with the backtest's
///    error per day ahead; the warning, critical and full lines are solved for days and dates.
public enum CapacityForecaster {
    public static func forecast(_ samples: [CapacitySample], asOf: Date,
                                policy: ForecastPolicy = ForecastPolicy()) -> CapacityForecast {
        let usable = samples.filter { $0.at <= asOf && $0.used.isFinite }
        let prepared = PreparedSeries(samples: usable, policy: policy)
        let latest = usable.max { $0.at < $1.at }
        let history = prepared.all.enumerated().map { i, p in
            CapacityForecast.HistoryPoint(
                at: p.date, used: p.used, total: p.total,
                role: prepared.outlierIndexes.contains(i) ? .outlier : (i < prepared.segmentStart ? .earlier : .fitted))
        }
        let points = prepared.points
        let span = (points.last?.day ?? 0) - (points.first?.day ?? 0)
        var result = CapacityForecast(
            status: .forecast, asOf: asOf, samples: usable.count, history: history, events: prepared.events,
            seriesStart: points.first?.date, pointsUsed: points.count, outliers: prepared.outlierIndexes.count,
            stepDays: prepared.stepDays, largestGapDays: prepared.largestGapDays, missingSteps: prepared.missingSteps,
            latest: latest, origin: points.last?.date, model: nil, backtest: nil,
            intervalLevel: policy.intervalLevel, intervalZ: policy.z, crossings: [],
            minimumPoints: policy.minimumPoints, minimumSpanDays: policy.minimumSpanDays, spanDays: span)
        if usable.isEmpty { result.status = .noHistory; return result }
        if points.count < policy.minimumPoints { result.status = .tooFewPoints; return result }
        if span < policy.minimumSpanDays { result.status = .tooShortSpan; return result }
        guard let origin = points.last?.day,
              let backtest = Backtest.run(points, step: prepared.stepDays, policy: policy),
              let model = TrendModel.fit(backtest.chosen, points, origin: origin, step: prepared.stepDays, policy: policy)
        else { result.status = .notBacktestable; return result }
        result.backtest = backtest
        result.model = model
        if let total = latest?.total ?? points.last?.total, total > 0 {
            result.crossings = [
                crossing(.warning, percent: policy.warningPercent, total: total, result, policy),
                crossing(.critical, percent: policy.criticalPercent, total: total, result, policy),
                crossing(.full, percent: 100, total: total, result, policy),
            ]
        }
        return result
    }

    static func crossing(_ line: CapacityForecast.ThresholdCrossing.Line, percent: Double, total: Double,
                         _ f: CapacityForecast, _ policy: ForecastPolicy) -> CapacityForecast.ThresholdCrossing {
        let bytes = total * percent / 100
        let model = f.model!
        let now = model.value(afterDays: 0)
        let days = solve(bytes, model, policy.searchHorizonDays)
        let earliest = firstDay(policy.searchHorizonDays) { model.value(afterDays: $0) + f.halfWidth(afterDays: $0) >= bytes }
        let latest = firstDay(policy.searchHorizonDays) { model.value(afterDays: $0) - f.halfWidth(afterDays: $0) >= bytes }
        return .init(line: line, percent: percent, bytes: bytes, days: days, earliestDays: earliest,
                     latestDays: latest, date: days.flatMap { d in f.origin.map { $0.addingTimeInterval(d * 86_400) } },
                     reached: now >= bytes)
    }

    /// Days until the expected usage reaches `bytes`, solved exactly for either method.
    static func solve(_ bytes: Double, _ model: TrendModel, _ horizon: Double) -> Double? {
        let now = model.value(afterDays: 0)
        if now >= bytes { return 0 }
        let days: Double?
        switch model {
        case .linear(let m):
            days = m.slopePerDay > 0 ? (bytes - m.fittedAtOrigin) / m.slopePerDay : nil
        case .dampedTrend(let m):
            // level + trend·φ(1−φ^s)/(1−φ) = bytes  ⇒  φ^s = 1 − r(1−φ)/φ with r = (bytes − level)/trend.
            guard m.trend > 0 else { days = nil; break }
            let r = (bytes - m.level) / m.trend
            if m.phi >= 1 { days = r * m.stepDays; break }
            let rest = 1 - r * (1 - m.phi) / m.phi
            days = rest > 0 ? Foundation.log(rest) / Foundation.log(m.phi) * m.stepDays : nil
        }
        guard let days, days.isFinite, days <= horizon else { return nil }
        return max(0, days)
    }

    /// The first whole day (0…horizon) on which `reached` holds.
    static func firstDay(_ horizon: Double, _ reached: (Double) -> Bool) -> Double? {
        var d = 0.0
        while d <= horizon {
            if reached(d) { return d }
            d += 1
        }
        return nil
    }
}
