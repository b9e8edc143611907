import Foundation
import XCTest
@testable import Forecasting

/// The capacity forecast against values worked out by hand (growth in GiB per day, thresholds at 80 / 90 /
/// 100 % of the disk).
final class CapacityForecastTests: XCTestCase {
    private let gib = ForecastSeries.gib

    func testLeastSquaresThroughFivePointsMatchesTheHandComputation() throws {
        // Days 0,2,4,6,8 with 10,12,13,15,16 GiB. Relative to day 8: x̄ = −4, ȳ = 13.2, Sxy = 30, Sxx = 40
        // → slope 0.75 GiB/day, fitted 13.2 + 0.75·4 = 16.2 GiB at day 8; residuals −.2 .3 −.2 .3 −.2
        // → SSE 0.30, σ = √(0.30 / 3) = 0.3162 GiB.
        let points = zip([0.0, 2, 4, 6, 8], [10.0, 12, 13, 15, 16]).map { SeriesPoint(day: $0, used: $1 * gib) }
        let fit = try XCTUnwrap(LinearTrend.fit(points, origin: 8))
        XCTAssertEqual(fit.slopePerDay / gib, 0.75, accuracy: 1e-12)
        XCTAssertEqual(fit.fittedAtOrigin / gib, 16.2, accuracy: 1e-12)
        XCTAssertEqual(fit.residualSigma / gib, (0.1 as Double).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(fit.value(afterDays: 4) / gib, 19.2, accuracy: 1e-12)

        // The same readings on a 20 GiB disk: the backtest keeps the line, full in (20 − 16.2)/0.75 = 5.07 days.
        let samples = zip([0.0, 2, 4, 6, 8], [10.0, 12, 13, 15, 16]).map {
            CapacitySample(at: ForecastSeries.day($0), used: $1 * gib, total: 20 * gib)
        }
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(9))
        XCTAssertEqual(f.model?.method, .linear)
        XCTAssertEqual(f.stepDays, 2)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 3.8 / 0.75, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.warning)?.reached), true, "16.2 GiB is past 80 % of 20 GiB")
    }

    func testAStraightLineIsForecastExactlyAndItsCrossingsAreSolvedToTheDay() throws {
        // 500 GiB + 2 GiB/day on a 1000 GiB disk, days 0…59: at day 59 usage is 618 GiB.
        // Warning 800 GiB in (800 − 618)/2 = 91 days, critical 900 in 141, full 1000 in 191.
        let samples = ForecastSeries.daily(60, total: { _ in 1000 }, used: { 500 + 2 * Double($0) })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(60))
        XCTAssertEqual(f.status, .forecast)
        XCTAssertEqual(f.model?.method, .linear, "a tie goes to the straight line")
        XCTAssertEqual(f.backtest?.chosenError?.mae ?? -1, 0, accuracy: 1e-3)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.warning)?.days), 91, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.critical)?.days), 141, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 191, accuracy: 1e-9)
        XCTAssertEqual(f.crossing(.full)?.date, ForecastSeries.day(59 + 191))
        XCTAssertEqual(try XCTUnwrap(f.growthPerDay) / gib, 2, accuracy: 1e-9)
    }

    func testTheBacktestPicksAMethodWithinFivePercentOfTheTruthNinetyDaysAhead() throws {
        // Two years of daily readings with ±0.3 % noise; history up to day 640, truth checked at day 730.
        var noise = ForecastSeries.Noise(state: 42)
        let steady = ForecastSeries.daily(731, total: { _ in 10_000 }, used: { (2000 + 5 * Double($0)) * (1 + 0.003 * noise.next()) })
        var noise2 = ForecastSeries.Noise(state: 7)
        // Growth that slows down: a backlog being worked off (4000 GiB approached with a 250-day time constant).
        let slowing = ForecastSeries.daily(731, total: { _ in 10_000 }, used: {
            (500 + 4000 * (1 - Foundation.exp(-Double($0) / 250))) * (1 + 0.002 * noise2.next())
        })
        let cases: [(String, [CapacitySample], Double, TrendModel.Method)] = [
            ("steady", steady, 2000 + 5 * 730, .linear),
            ("slowing", slowing, 500 + 4000 * (1 - Foundation.exp(-730.0 / 250)), .dampedTrend),
        ]
        for (name, samples, truth, method) in cases {
            let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(640))
            let backtest = try XCTUnwrap(f.backtest, name)
            XCTAssertEqual(backtest.horizonDays, 90, name)
            XCTAssertEqual(backtest.origins, 5, name)
            XCTAssertEqual(backtest.chosen, method, name)
            XCTAssertEqual(backtest.errors.map(\.method), [.linear, .dampedTrend], "both methods are scored: \(name)")
            let p = try XCTUnwrap(f.projection(afterDays: 90), name)
            XCTAssertLessThan(abs(p.expected / gib - truth) / truth, 0.05, "\(name): \(p.expected / gib) vs \(truth)")
            XCTAssertTrue(p.low / gib < truth && truth < p.high / gib, "\(name): the truth lies inside the 80 % interval")
        }
    }

    func testAnExpansionKeepsTheHistoryAndDrawsTheLinesAgainstTheNewCapacity() throws {
        // 500 GiB + 2 GiB/day; the disk grows from 1000 to 2000 GiB on day 60 with the data kept.
        // Day 119: 738 GiB → warning 1600 GiB in 431 days, critical 1800 in 531, full 2000 in 631.
        let samples = ForecastSeries.daily(120, total: { $0 < 60 ? 1000 : 2000 }, used: { 500 + 2 * Double($0) })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(200))
        XCTAssertEqual(f.events.map(\.kind), [.expansion])
        XCTAssertEqual(f.events.first?.at, ForecastSeries.day(60))
        XCTAssertEqual(f.pointsUsed, 120, "usage keeps its meaning across an expansion")
        XCTAssertEqual(try XCTUnwrap(f.crossing(.warning)?.days), 431, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 631, accuracy: 1e-9)
        XCTAssertEqual(f.staleDays, 81, accuracy: 1e-9)
    }

    func testADiskSwapWithOtherContentsRestartsTheSeries() throws {
        // Days 0…59 on a 1000 GiB disk up to 618 GiB; from day 60 a 2000 GiB disk holding 100 GiB + 2/day.
        // Day 119: 218 GiB → full (2000 GiB) in (2000 − 218)/2 = 891 days.
        let samples = ForecastSeries.daily(120, total: { $0 < 60 ? 1000 : 2000 }, used: {
            $0 < 60 ? 500 + 2 * Double($0) : 100 + 2 * Double($0 - 60)
        })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(120))
        XCTAssertEqual(f.events.map(\.kind), [.replacement])
        XCTAssertEqual(f.seriesStart, ForecastSeries.day(60))
        XCTAssertEqual(f.pointsUsed, 60)
        XCTAssertEqual(f.history.filter { $0.role == .earlier }.count, 60)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 891, accuracy: 1e-9)
    }

    func testACleanUpRestartsTheSeriesAtTheNewLevel() throws {
        // 500 + 2/day up to day 79 (658 GiB), then 400 + 2/day: day 119 is 478 GiB.
        // Warning 800 GiB in (800 − 478)/2 = 161 days — not the 101 days the old level would give.
        let samples = ForecastSeries.daily(120, total: { _ in 1000 }, used: {
            $0 < 80 ? 500 + 2 * Double($0) : 400 + 2 * Double($0 - 80)
        })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(120))
        XCTAssertEqual(f.events.map(\.kind), [.cleanUp])
        XCTAssertEqual(try XCTUnwrap(f.events.first).usedBefore / gib, 658, accuracy: 1e-9)
        XCTAssertEqual(f.pointsUsed, 40)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.warning)?.days), 161, accuracy: 1e-9)
    }

    func testACleanUpOnTheLastDayLeavesTooFewPointsAndNoNumber() {
        let samples = ForecastSeries.daily(60, total: { _ in 1000 }, used: { $0 < 59 ? 500 + 2 * Double($0) : 300 })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(60))
        XCTAssertEqual(f.status, .tooFewPoints)
        XCTAssertNil(f.projection(afterDays: 90))
        XCTAssertTrue(f.crossings.isEmpty)
        XCTAssertEqual(f.reasonText, "当前序列只有 1 个采样点（清理后重新开始），至少需要 5 个才给出预测 (too few points)")
    }

    func testOnePointGivesNoNumber() {
        let f = CapacityForecaster.forecast([CapacitySample(at: ForecastSeries.day(0), used: 500 * gib, total: 1000 * gib)],
                                            asOf: ForecastSeries.day(1))
        XCTAssertEqual(f.status, .tooFewPoints)
        XCTAssertEqual(f.pointsUsed, 1)
        XCTAssertNil(f.model)
        XCTAssertNil(f.growthPerDay)
        XCTAssertTrue(f.crossings.isEmpty)
        XCTAssertEqual(f.latest?.used, 500 * gib, "the reading itself is still reported")
    }

    func testNoPointsGivesNoNumber() {
        let f = CapacityForecaster.forecast([], asOf: ForecastSeries.day(0))
        XCTAssertEqual(f.status, .noHistory)
        XCTAssertEqual(f.reasonText, "没有历史采样，无法预测 (no history)")
        XCTAssertNil(f.projection(afterDays: 365))
    }

    func testSixDaysOfReadingsAreTooShort() {
        let samples = ForecastSeries.daily(6, total: { _ in 1000 }, used: { 500 + 2 * Double($0) })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(6))
        XCTAssertEqual(f.status, .tooShortSpan)
        XCTAssertNil(f.model)
    }

    func testAnIsolatedSpikeIsSetAsideAsAnOutlier() throws {
        // The exact line of the straight-line test with day 30 read as 800 GiB instead of 560: same answer.
        let samples = ForecastSeries.daily(60, total: { _ in 1000 }, used: { $0 == 30 ? 800 : 500 + 2 * Double($0) })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(60))
        XCTAssertEqual(f.outliers, 1)
        XCTAssertEqual(f.history.firstIndex { $0.role == .outlier }, 30)
        XCTAssertEqual(f.missingSteps, 0, "an outlier was read: it is not a gap")
        XCTAssertTrue(f.events.isEmpty, "a spike that returns is neither a clean-up nor a replacement")
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 191, accuracy: 1e-9)
    }

    func testGapsAreCountedAndDoNotBendTheTrend() throws {
        // 500 + 2/day for 120 days with days 40…59 never read: day 119 is 738 GiB, full in 131 days.
        let samples = ForecastSeries.daily(120, total: { _ in 1000 }, used: { 500 + 2 * Double($0) })
            .enumerated().filter { !(40..<60).contains($0.offset) }.map(\.element)
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(120))
        XCTAssertEqual(f.missingSteps, 20)
        XCTAssertEqual(f.largestGapDays, 21, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.crossing(.full)?.days), 131, accuracy: 1e-9)
    }

    func testHourlyReadingsBecomeOneMedianPointPerBureauDay() {
        // Three bureau days (+08:00) of 24 hourly readings; one wild reading a day does not move the median.
        let midnight = Date(timeIntervalSinceReferenceDate: 9_260 * 86_400 - 8 * 3600)  // 2026-05-10 00:00 +08:00
        var samples: [CapacitySample] = []
        for day in 0..<3 {
            for hour in 0..<24 {
                let used = hour == 5 ? 9_999.0 : Double(100 + day)
                samples.append(CapacitySample(at: midnight.addingTimeInterval(Double(day * 24 + hour) * 3600), used: used, total: 10_000))
            }
        }
        let points = PreparedSeries.daily(samples, offset: 8 * 3600)
        XCTAssertEqual(points.map(\.used), [100, 101, 102])
        XCTAssertEqual(points.map { $0.date }, (0..<3).map { midnight.addingTimeInterval(Double($0) * 86_400 + 11.5 * 3600) })
    }

    func testReadingsAfterTheInspectionTimeAreIgnored() {
        let samples = ForecastSeries.daily(60, total: { _ in 1000 }, used: { 500 + 2 * Double($0) })
        let f = CapacityForecaster.forecast(samples, asOf: ForecastSeries.day(29.5))
        XCTAssertEqual(f.samples, 30)
        XCTAssertEqual(f.origin, ForecastSeries.day(29))
    }

    func testADampedTrendCrossingIsSolvedInClosedForm() throws {
        // level 100, trend 10/day, φ = 0.9: the trend adds at most 10·0.9/0.1 = 90, so 190 is never reached.
        // 150: φ^s = 1 − 5·0.1/0.9 = 4/9 → s = ln(4/9)/ln 0.9 = 7.6967 days.
        let model = TrendModel.dampedTrend(DampedTrend(level: 100, trend: 10, alpha: 0.5, beta: 0.1, phi: 0.9,
                                                       stepDays: 1, residualSigma: 0, points: 10))
        let days = try XCTUnwrap(CapacityForecaster.solve(150, model, 3653))
        XCTAssertEqual(days, Foundation.log(4.0 / 9) / Foundation.log(0.9), accuracy: 1e-12)
        XCTAssertEqual(model.value(afterDays: days), 150, accuracy: 1e-9)
        XCTAssertNil(CapacityForecaster.solve(200, model, 3653))
    }

    func testTheIntervalLevelUsesTheNormalQuantile() {
        XCTAssertEqual(ForecastPolicy(intervalLevel: 0.8).z, 1.281_551_6, accuracy: 1e-6)
        XCTAssertEqual(ForecastPolicy(intervalLevel: 0.95).z, 1.959_964, accuracy: 1e-6)
    }
}
