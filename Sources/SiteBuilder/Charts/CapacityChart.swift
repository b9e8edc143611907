import ArchiveEngine
import Forecasting
import Foundation

/// A mount's or a site's capacity history with its forecast as inline SVG (容量历史与预测): the readings the
/// forecast used (solid), readings before a restart (grey), outliers (hollow), the forecast (dashed) with
/// its prediction interval as a band, the warning, critical and capacity lines, and a marker at each
/// expansion, replacement or clean-up. The same numbers are in the tables beside it.
public struct CapacityChart: Sendable {
    public var title: String
    public var forecast: CapacityForecast
    /// How far past the latest reading the forecast is drawn.
    public var horizonDays: Double
    public var width = 640
    public var height = 240
    /// Picks the page's half of the chart's bilingual tooltips (`警告线 (warning)`); both halves by default.
    public var localize: @Sendable (String) -> String = { $0 }

    public init(title: String, forecast: CapacityForecast, horizonDays: Double) {
        self.title = title; self.forecast = forecast; self.horizonDays = horizonDays
    }

    public func svg() -> String {
        let left = 64, right = 20, top = 16, bottom = 40
        let plotW = Double(width - left - right), plotH = Double(height - top - bottom)
        let history = forecast.history
        var s = SVGText.open(width: width, height: height, title: title)
        guard let first = history.first?.at, let last = history.last?.at else {
            return s + #"<text class="axis" x="\#(width / 2)" y="\#(height / 2)" text-anchor="middle">"#
                + HTMLText.escape(localize("没有历史采样 (no history)")) + "</text></svg>"
        }
        let origin = forecast.origin ?? last
        let end = forecast.isForecast ? origin.addingTimeInterval(horizonDays * 86_400) : last
        let span = max(end.timeIntervalSince(first), 86_400)
        // The value axis reaches the capacity (so the lines and the headroom are visible) and the band's top.
        var top_ = history.map(\.used).max() ?? 0
        if let total = forecast.latest?.total { top_ = max(top_, total) }
        if let p = forecast.projection(afterDays: horizonDays) { top_ = max(top_, p.high) }
        let unit = ByteUnit(for: top_)
        let maxUnits = SVGText.niceMax(Int((top_ / unit.bytes).rounded(.up)))
        let maxBytes = Double(maxUnits) * unit.bytes
        func x(_ d: Date) -> Double { Double(left) + plotW * d.timeIntervalSince(first) / span }
        func y(_ v: Double) -> Double { Double(top) + plotH - plotH * min(max(v, 0), maxBytes) / maxBytes }
        func pt(_ d: Date, _ v: Double) -> String { "\(SVGText.num(x(d))),\(SVGText.num(y(v)))" }

        s += SVGText.valueGrid(left: left, right: width - right, top: top, plotHeight: Int(plotH), maxValue: maxUnits)
        s += #"<text class="axis" x="4" y="\#(top + 4)">\#(unit.name)</text>"#
        // Month labels along the time axis, at most eight.
        let months = MonthTicks.between(first, end)
        let every = max(1, Int((Double(months.count) / 8).rounded(.up)))
        for (i, m) in months.enumerated() where i % every == 0 {
            s += #"<line class="grid" x1="\#(SVGText.num(x(m.date)))" y1="\#(top)" x2="\#(SVGText.num(x(m.date)))" y2=""# +
                #"\#(top + Int(plotH))"/>"#
            s += #"<text class="axis" x="\#(SVGText.num(x(m.date)))" y="\#(top + Int(plotH) + 16)" text-anchor="middle">\#(m.label)</text>"#
        }
        // Threshold lines against the capacity now.
        for c in forecast.crossings {
            let cls = c.line == .full ? "capacity" : (c.line == .critical ? "critical-line" : "warning-line")
            s += #"<line class="\#(cls)" x1="\#(left)" y1="\#(SVGText.num(y(c.bytes)))" x2="\#(width - right)" y2=""# +
                #"\#(SVGText.num(y(c.bytes)))"><title>\#(HTMLText.escape(localize(c.line.displayName))) "#
                + #"\#(SVGText.num(c.percent)) %</title></line>"#
        }
        // Interval band and forecast line.
        if forecast.isForecast {
            let steps = 24
            let days = (0...steps).map { horizonDays * Double($0) / Double(steps) }
            let uppers = days.compactMap { d in forecast.projection(afterDays: d).map { pt(origin.addingTimeInterval(d * 86_400),
                $0.high) } }
            let lowers = days.reversed().compactMap { d in
                forecast.projection(afterDays: d).map { pt(origin.addingTimeInterval(d * 86_400), $0.low) }
            }
            let level = Int(forecast.intervalLevel * 100)
            s += #"<polygon class="band" points="\#((uppers + lowers).joined(separator: " "))"><title>"# +
                HTMLText.escape(localize("\(level) % 预测区间 (\(level) % prediction interval)"))
                + "</title></polygon>"
            let line = days.compactMap { d in forecast.projection(afterDays: d).map { pt(origin.addingTimeInterval(d * 86_400),
                $0.expected) } }
            s += #"<polyline class="forecast" points="\#(line.joined(separator: " "))"/>"#
        }
        // History: one polyline per role run, so a restart shows as a break.
        var run: [String] = [], runRole: CapacityForecast.HistoryPoint.Role?
        func flush() {
            if run.count > 1, let role = runRole {
                s += #"<polyline class="\#(role == .earlier ? "history-earlier" : "line")" points="\#(run.joined(separator: " "))"/>"#
            }
            run = []
        }
        for p in history where p.role != .outlier {
            if p.role != runRole { flush(); runRole = p.role }
            run.append(pt(p.at, p.used))
        }
        flush()
        for p in history where p.role == .outlier {
            s += #"<circle class="outlier" cx="\#(SVGText.num(x(p.at)))" cy="\#(SVGText.num(y(p.used)))" r="3"><title>"# +
                HTMLText.escape(localize("离群值 (outlier)")) + " \(BureauTime.day(p.at))</title></circle>"
        }
        for e in forecast.events {
            let ex = SVGText.num(x(e.at))
            s += #"<line class="event" x1="\#(ex)" y1="\#(top)" x2="\#(ex)" y2="\#(top + Int(plotH))"><title>"# +
                #"\#(BureauTime.day(e.at)) \#(HTMLText.escape(localize(e.description)))</title></line>"#
        }
        return s + "</svg>"
    }
}

/// The unit a chart's value axis counts in: TiB for big disks, GiB otherwise.
struct ByteUnit {
    var name: String
    var bytes: Double

    init(for maximum: Double) {
        if maximum >= 2 * 1_099_511_627_776 { name = "TiB"; bytes = 1_099_511_627_776 } else { name = "GiB"; bytes = 1_073_741_824 }
    }
}

/// First days of months (bureau time) between two dates, labelled `2023-06`.
enum MonthTicks {
    static func between(_ a: Date, _ b: Date) -> [(date: Date, label: String)] {
        var (y, m) = { let p = BureauTime.parts(a); return (p.y, p.mo) }()
        var ticks: [(date: Date, label: String)] = []
        while ticks.count < 240 {
            m += 1
            if m > 12 { m = 1; y += 1 }
            let label = String(format: "%04d-%02d", y, m)
            guard let d = BureauTime.parseDate(label + "-01"), d <= b else { break }
            ticks.append((d, label))
        }
        return ticks
    }
}
