import Foundation
@testable import Forecasting

/// Synthetic capacity series for the forecast tests: daily readings from a fixed start, in GiB.
enum ForecastSeries {
    static let gib = 1_073_741_824.0
    /// 2026-05-10 00:00 UTC: an arbitrary, fixed start.
    static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    static func day(_ d: Double) -> Date { start.addingTimeInterval(d * 86_400) }

    /// One reading a day for `days` days; `used` and `total` in GiB.
    static func daily(_ days: Int, total: (Int) -> Double?, used: (Int) -> Double) -> [CapacitySample] {
        (0..<days).map { d in CapacitySample(at: day(Double(d)), used: used(d) * gib, total: total(d).map { $0 * gib }) }
    }

    /// Deterministic noise in −1…1 (a linear congruential generator), so the tests never flake.
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }
}
