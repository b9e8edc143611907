import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation

/// 硬件选型建议 (`sizing/index.html` and its English twin): the advice of ``SizingAdvice`` with every
/// number beside its formula and assumptions, charts of the history with forecast and interval band, and
/// the same numbers in tables (a chart alone does not go into an acceptance binder).
enum SizingPages {
    static let path = "sizing/index.html"
    /// Forecasts are drawn this far ahead on the charts.
    static let chartHorizonDays = 365.0

    static let step: SiteBuild.Step = { build in
        let capacity = try build.capacityData()
        let advice = capacity.advice(inventory: build.hardware, thresholds: build.thresholds)
        return try SiteLanguage.allCases.map { lang in
            let n = build.labelNames(lang)
            return try build.renderer.report(path: path, language: lang, title: n.text("sizing_title"),
                                             view: view(advice, n: n))
        }
    }

    static func view(_ advice: SizingAdvice?, n: LabelNames) -> SizingView {
        guard let a = advice else {
            return SizingView(asOf: "—", intervalPercent: "80", hasMounts: false, mounts: [], hasSites: false, sites: [],
                              serverFigures: [], hasServers: false, servers: [], requirements: [], hasGroups: false,
                              groups: [], hasPeripherals: false, peripherals: [], hasGaps: false, gaps: [], inventoryEmpty: true,
                              assumptions: [], manualHref: "manual/sizing.html", hasData: false)
        }
        let interval = String(Int((a.policy.intervalLevel * 100).rounded()))
        let mounts = a.mounts.enumerated().map { i, m in mount(m, index: i, n: n) }
        let sites = a.storage.enumerated().map { i, p in site(p, index: i, n: n) }
        let s = a.server
        let assumptions = a.assumptions
        return SizingView(
            asOf: BureauTime.display(a.asOf), intervalPercent: interval,
            hasMounts: !mounts.isEmpty, mounts: mounts, hasSites: !sites.isEmpty, sites: sites,
            serverFigures: [s.peakRate, s.designRate, s.secondsPerQuery, s.cores, s.concurrency, s.memory].map { figure($0, n: n) },
            hasServers: !s.servers.isEmpty,
            servers: s.servers.map { v in
                .init(name: v.name, role: v.role ?? "—", model: v.model ?? "—",
                      cores: v.cores.map { "\($0)" } ?? "—", coresMark: n.mark(v.coresMark), coresClass: v.coresMark.rawValue,
                      memory: v.ramGB.map { "\(Self.number($0)) GB" } ?? "—", memoryMark: n.mark(v.memoryMark),
                          memoryClass: v.memoryMark.rawValue)
            },
            requirements: a.clients.requirements.map { r in
                .init(kind: n.clientKind(r.kind), cores: "\(r.cores)", memory: "\(Self.number(r.ramGB)) GB",
                      disk: "\(Self.number(r.diskGB)) GB", interfaces: r.interfaces.map(n.local).joined(separator: n.listSeparator),
                      reasons: r.reasons.map(n.local).joined(separator: n.clauseSeparator))
            },
            hasGroups: !a.clients.groups.isEmpty,
            groups: a.clients.groups.map { g in
                .init(kind: n.clientKind(g.kind), name: g.name, count: g.count.map { "\($0)" } ?? "—", model: g.model ?? "—",
                      os: g.os ?? "—", values: n.localSpans(g.values),
                      marks: [g.cores, g.memory, g.disk, g.usb, g.network].map { .init(text: n.mark($0), css: $0.rawValue) })
            },
            hasPeripherals: !a.peripherals.items.isEmpty,
            peripherals: a.peripherals.items.map { p in
                .init(kind: n.peripheralKind(p.kind), model: p.model, count: p.count.map { "\($0)" } ?? "—",
                      attachedTo: p.attachedTo ?? "—",
                      interface: .init(text: n.mark(p.interface), css: p.interface.rawValue),
                      driver: .init(text: n.mark(p.driver), css: p.driver.rawValue),
                      speed: p.speed.map { .init(text: n.mark($0), css: $0.rawValue) },
                      notes: n.localSpans(p.notes.map(n.local).joined(separator: n.clauseSeparator)))
            },
            hasGaps: !a.peripherals.gaps.isEmpty, gaps: a.peripherals.gaps.map { .init(text: n.local($0)) },
            inventoryEmpty: a.inventoryEmpty,
            assumptions: [
                n.format("fmt_sizingInterval", interval),
                n.format("fmt_sizingBurst", Self.number(assumptions.burstFactor), Self.number(assumptions.queryGrowthReserve),
                         String(Int(assumptions.targetUtilisation * 100))),
                n.format("fmt_sizingHeadroom", Self.number(a.policy.warningPercent)),
                n.text("sizing_bytesNote"),
            ].map { .init(text: $0) },
            manualHref: "manual/sizing.html", hasData: true)
    }

    /// Used space as a share of the mount (`83.4 %`); nil when the size of the mount is not known.
    static func usagePercent(used: Double?, total: Double?) -> String? {
        guard let used, let total, total > 0 else { return nil }
        return String(format: "%.1f %%", used / total * 100)
    }

    /// Days until a forecast reaches a line, with the day it does (`42（2023-08-11）`), as the dashboard and the
    /// monthly summary list a mount; already reached, not within the forecast, or `—` without such a line.
    static func daysTo(_ line: CapacityForecast.ThresholdCrossing.Line, in f: CapacityForecast, n: LabelNames) -> String {
        guard let c = f.crossing(line) else { return "—" }
        if c.reached { return n.text("sizing_reached") }
        guard let days = c.wholeDays else { return n.text("sizing_notWithin") }
        return "\(days)\(n.text("paren_open"))\(c.date.map(BureauTime.day) ?? "")\(n.text("paren_close"))"
    }

    static func mount(_ m: MountForecast, index: Int, n: LabelNames) -> SizingView.Mount {
        let f = m.forecast
        let usage: String
        if let l = f.latest, let total = l.total, let percent = usagePercent(used: l.used, total: total) {
            usage = percent + "\(n.text("paren_open"))\(bytes(l.used)) / \(bytes(total))\(n.text("paren_close"))"
        } else { usage = "—" }
        var capacityChart = CapacityChart(title: n.format("fmt_sizingChart", m.host, m.mount), forecast: f,
                                          horizonDays: chartHorizonDays)
        capacityChart.localize = { [n] in n.local($0) }
        let chart = capacityChart.svg()
        return .init(
            anchor: "mount-\(index + 1)", host: m.host, mount: m.mount, usage: usage,
            method: f.model.map { n.method($0.method) } ?? "—", error: error(f, n: n), growth: f.growthPerDay.map { bytes($0) } ?? "—",
            reason: f.reasonText.map(n.local), chart: chart,
            hasCrossings: !f.crossings.isEmpty,
            crossings: f.crossings.map { c in
                .init(line: n.line(c.line, percent: c.percent),
                      days: c.reached ? n.text("sizing_reached") : c.wholeDays.map { String($0) } ?? n.text("sizing_notWithin"),
                      date: c.reached ? "—" : c.date.map(BureauTime.day) ?? "—",
                      range: c.reached ? "—" : "\(c.earliestDays.map { String(Int($0)) } ?? "—")–" +
                          "\(c.latestDays.map { String(Int($0)) } ?? "∞")")
            },
            events: f.events.map { .init(date: BureauTime.day($0.at), text: n.local($0.description)) },
            notes: notes(f, n: n))
    }

    static func site(_ p: StoragePlan, index: Int, n: LabelNames) -> SizingView.Site {
        let f = p.growthForecast
        let years = Double(p.horizons.map(\.years).max() ?? 1)
        var capacityChart = CapacityChart(title: n.format("fmt_sizingSiteChart", p.siteName), forecast: f,
                                          horizonDays: 365.25 * years)
        capacityChart.localize = { [n] in n.local($0) }
        let chart = capacityChart.svg()
        let horizons: [SizingView.Horizon] = p.horizons.map { h in
            SizingView.Horizon(years: String(h.years), growth: figure(h.growth, n: n), need: figure(h.needUsable, n: n),
                               buyUsable: figure(h.buyUsable, n: n), buyRaw: figure(h.buyRaw, n: n))
        }
        var assumptions: [String] = []
        if let h = p.horizons.first {
            assumptions = h.growth.assumptions + h.needUsable.assumptions.suffix(1) + h.buyUsable.assumptions + h.buyRaw.assumptions
        }
        let missing: [String] = Array(Set(p.storages.flatMap(\.missing))).sorted()
        let method: String = f.model.map { n.method($0.method) } ?? "—"
        let archive: String = p.archiveBytes.map { bytes($0) } ?? "—"
        return SizingView.Site(
            anchor: "site-\(p.siteID)", name: p.siteName, id: p.siteID, archive: archive,
            volumes: Format.int(p.volumes), pages: Format.int(p.pages), method: method, error: error(f, n: n),
            reason: f.reasonText.map(n.local), chart: chart, storages: p.storages.map(storage), horizons: horizons,
            hasAssumptions: !assumptions.isEmpty, assumptions: assumptions.map { SizingView.Text(text: n.local($0)) },
            missing: missing.map { SizingView.Text(text: n.local($0)) })
    }

    static func storage(_ s: StoragePlan.Storage) -> SizingView.Storage {
        let place = [s.host, s.mount].compactMap { $0 }.joined(separator: " ")
        var raid = "—"
        if let level = s.raid {
            raid = level.rawValue
            if let disks = s.raidDisks { raid += " × \(disks)" }
        }
        let used: String = s.usedNow.map { bytes($0) } ?? "—"
        let capacity: String = s.capacityNow.map { bytes($0) } ?? "—"
        return SizingView.Storage(place: place.isEmpty ? "—" : place, copies: String(s.copies), raid: raid,
                                  overhead: String(format: "%.2f", s.raidOverhead), used: used, capacity: capacity)
    }

    static func figure(_ f: SizingFigure, n: LabelNames) -> SizingView.Figure {
        let value: String
        let range: String
        switch f.unit {
        case .bytes:
            value = f.value.map { bytes($0) } ?? "—"
            range = f.low.flatMap { lo in f.high.map { hi in "\(bytes(lo))–\(bytes(hi))" } } ?? ""
        case .cores: value = f.value.map { "\(Int($0))" } ?? "—"; range = ""
        case .gigabytes: value = f.value.map { "\(number($0)) GB" } ?? "—"; range = ""
        case .queriesPerSecond: value = f.value.map { "\(number($0, digits: 3))/s" } ?? "—"; range = ""
        case .milliseconds: value = f.value.map { "\(number($0, digits: 0)) ms" } ?? "—"; range = ""
        case .count, .percent: value = f.value.map { number($0, digits: 2) } ?? "—"; range = ""
        }
        return .init(label: n.local(f.label), value: value, range: range, formula: n.local(f.formula),
                     assumptions: f.assumptions.map { .init(text: n.local($0)) }, missing: f.missing.map { .init(text: n.local($0)) })
    }

    /// `MAE 17.6 GiB，MAPE 0.14 %（5 × 90 天）` / `MAE 17.6 GiB, MAPE 0.14 % (5 × 90 days)`.
    static func error(_ f: CapacityForecast, n: LabelNames) -> String {
        guard let e = f.backtest?.chosenError, let b = f.backtest else { return "—" }
        let zh = n.language == .zh
        let mape = e.mape.map { String(format: zh ? "，MAPE %.2f %%" : ", MAPE %.2f %%", $0) } ?? ""
        let runs = "\(b.origins) × \(Int(b.horizonDays.rounded()))"
        return "MAE \(bytes(e.mae))\(mape)" + (zh ? "（\(runs) 天）" : " (\(runs) days)")
    }

    static func notes(_ f: CapacityForecast, n: LabelNames) -> String {
        var parts: [String] = []
        if f.pointsUsed > 0 { parts.append(n.format("fmt_sizingPoints", String(f.pointsUsed), f.seriesStart.map(BureauTime.day) ?? "—")) }
        if f.outliers > 0 { parts.append(n.format("fmt_sizingOutliers", String(f.outliers))) }
        if f.missingSteps > 0 { parts.append(n.format("fmt_sizingGaps", String(f.missingSteps), String(Int(f.largestGapDays)))) }
        if f.staleDays >= 2 { parts.append(n.format("fmt_sizingStale", String(Int(f.staleDays)))) }
        return parts.joined(separator: "；")
    }

    static func bytes(_ b: Double) -> String {
        ByteText.binary(b)
    }

    static func number(_ v: Double, digits: Int = 1) -> String {
        var text = String(format: "%.\(digits)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
