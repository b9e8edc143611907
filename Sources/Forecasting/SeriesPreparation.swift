import Foundation

/// One point of a prepared series: one local day's median usage, at the mean time of that day's readings.
struct SeriesPoint: Sendable, Hashable {
    /// Days since the reference date (2001-01-01 UTC), fractional.
    var day: Double
    var used: Double
    var total: Double? = nil
    var date: Date { Date(timeIntervalSinceReferenceDate: day * 86_400) }
}

/// A raw series made ready for fitting: reduced to one point per local day, isolated spikes set aside,
/// and cut at the last disk replacement or clean-up.
///
/// Why each step: hourly monitoring gives 24 readings a day whose median is robust to one bad reading and
/// keeps five years of a mount to ~1,800 points; a spike that returns to the trend the next day is a
/// measurement or a temporary file, not growth; after a clean-up the level is new, so earlier points would
/// drag the fitted line up.
struct PreparedSeries: Sendable {
    /// Every daily point, outliers included, oldest first.
    var all: [SeriesPoint]
    /// Indexes into ``all`` of the points set aside as outliers.
    var outlierIndexes: Set<Int>
    var events: [SeriesEvent]
    /// Index into ``all`` where the current series starts.
    var segmentStart: Int
    /// The current series without outliers: what the models are fitted to.
    var points: [SeriesPoint]
    /// The usual spacing of the current series in days (1 for daily or hourly readings, ~30 for monthly).
    var stepDays: Double
    var largestGapDays: Double
    var missingSteps: Int

    init(samples: [CapacitySample], policy: ForecastPolicy) {
        let all = Self.daily(samples, offset: policy.dayOffsetSeconds)
        let outlierIndexes = Self.outliers(all)
        self.all = all
        self.outlierIndexes = outlierIndexes
        let kept = all.indices.filter { !outlierIndexes.contains($0) }
        var events: [SeriesEvent] = []
        var start = kept.first ?? 0
        if kept.count >= 2 {
            let rates = (1..<kept.count).map { k -> Double in
                let a = all[kept[k - 1]], b = all[kept[k]]
                return (b.used - a.used) / max(b.day - a.day, 1.0 / 24)
            }
            let typical = Stats.median(rates)
            let spread = 1.4826 * Stats.median(rates.map { abs($0 - typical) })
            for k in 1..<kept.count {
                let a = all[kept[k - 1]], b = all[kept[k]]
                let dt = max(b.day - a.day, 1.0 / 24)
                let deviation = (b.used - a.used) - typical * dt
                let reference = b.total ?? a.total ?? max(a.used, b.used)
                // A step is a break only when it stands out from the usual day-to-day noise and is not tiny
                // against the disk (0.5 %), so noise on a flat mount never looks like a clean-up.
                let allowance = max(6 * spread * max(1, dt).squareRoot(), 0.005 * reference)
                let jumped = abs(deviation) > allowance
                if let ta = a.total, let tb = b.total, abs(tb - ta) > 0.01 * max(ta, 1) {
                    let kind: SeriesEvent.Kind = jumped ? .replacement : (tb > ta ? .expansion : .shrink)
                    events.append(SeriesEvent(kind: kind, at: b.date, usedBefore: a.used, usedAfter: b.used,
                                              totalBefore: ta, totalAfter: tb))
                    if jumped { start = kept[k] }
                } else if jumped && a.used - b.used > allowance {
                    // Usage fell — not merely grew less than usual — by more than the noise: a clean-up.
                    events.append(SeriesEvent(kind: .cleanUp, at: b.date, usedBefore: a.used, usedAfter: b.used,
                                              totalBefore: a.total, totalAfter: b.total))
                    start = kept[k]
                }
            }
        }
        self.events = events
        segmentStart = start
        let points = kept.filter { $0 >= start }.map { all[$0] }
        self.points = points
        // Gaps are between readings: a reading set aside as an outlier is not a missing day.
        let read = all[min(start, all.count)...].map(\.day)
        let gaps = zip(read.dropFirst(), read).map { $0 - $1 }
        let step = max(1, Stats.median(gaps).rounded())
        stepDays = gaps.isEmpty ? 1 : step
        largestGapDays = gaps.max() ?? 0
        missingSteps = gaps.reduce(0) { $0 + max(0, Int(($1 / step).rounded()) - 1) }
    }

    /// One point per local day: the median of the day's used bytes at the mean time of its readings, with
    /// the day's last capacity.
    static func daily(_ samples: [CapacitySample], offset: Double) -> [SeriesPoint] {
        let sorted = samples.allSatisfy({ $0.used.isFinite }) && zip(samples, samples.dropFirst()).allSatisfy({ $0.at <= $1.at })
            ? samples : samples.filter { $0.used.isFinite }.sorted { $0.at < $1.at }
        var points: [SeriesPoint] = []
        points.reserveCapacity(sorted.count / 12 + 1)
        var i = 0
        var used: [Double] = []
        while i < sorted.count {
            let dayIndex = ((sorted[i].at.timeIntervalSinceReferenceDate + offset) / 86_400).rounded(.down)
            var j = i, timeSum = 0.0
            used.removeAll(keepingCapacity: true)
            while j < sorted.count, ((sorted[j].at.timeIntervalSinceReferenceDate + offset) / 86_400).rounded(.down) == dayIndex {
                used.append(sorted[j].used); timeSum += sorted[j].at.timeIntervalSinceReferenceDate; j += 1
            }
            points.append(SeriesPoint(day: timeSum / Double(j - i) / 86_400, used: Stats.median(used),
                                      total: sorted[j - 1].total))
            i = j
        }
        return points
    }

    /// Hampel filter: a point more than five robust standard deviations from the median of its seven-day
    /// neighbourhood (and more than 0.5 % of the disk away) is an outlier. Points with fewer than two
    /// neighbours on a side are never flagged: the newest reading may be the start of a real change.
    static func outliers(_ points: [SeriesPoint]) -> Set<Int> {
        guard points.count >= 5 else { return [] }
        var flagged: Set<Int> = []
        for i in 2..<(points.count - 2) {
            let window = points[max(0, i - 3)...min(points.count - 1, i + 3)].map(\.used)
            let median = Stats.median(window)
            let sigma = 1.4826 * Stats.median(window.map { abs($0 - median) })
            let floor = 0.005 * (points[i].total ?? abs(median))
            if abs(points[i].used - median) > max(5 * sigma, floor) { flagged.insert(i) }
        }
        return flagged
    }
}

enum Stats {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    static func rms(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }
}
