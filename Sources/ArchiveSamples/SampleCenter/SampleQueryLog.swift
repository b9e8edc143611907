import ArchiveEngine
import Foundation

/// The sample center's query log (查询日志): every archive query of the last days from kiosks (自助终端),
/// service windows, the online portal and the provincial platform, with ids in time order.
///
/// In the not-found window (the day before the inspection) the only `not_found` results are the injected
/// ones; the other days have random misses (typos, other cities, garbled names) that no check must
/// report, because triage looks at the window only.
struct SampleQueryLog {
    struct Target { var uscc: String; var name: String; var regNo: String?; var branch: String }

    /// An injected not-found query: what the user typed and which finding it must produce.
    struct NotFoundRequest {
        var code: NotFoundCheck.Code
        var kind: String
        /// nil for invalid_code: the typo is made once every catalog code is known.
        var text: String?
        var uscc: String?
        var notBefore: Date? = nil
        var injection: String
    }

    private struct Row {
        var at: Date; var channel: String; var terminal: String; var site: String; var kind: String
        var text: String; var result: String; var uscc: String?; var latency: Int
        var expected: NotFoundRequest?
    }

    let options: SampleCenterOptions
    let window: (start: Date, end: Date)
    let targets: [Target]
    let knownCodes: Set<String>
    let knownNames: Set<String>
    private var rng: SplitMix64
    private let targetsByBranch: [String: [Int]]

    init(options: SampleCenterOptions, window: (start: Date, end: Date), targets: [Target], knownCodes: Set<String>, knownNames: Set<String>) {
        self.options = options; self.window = window; self.targets = targets
        self.knownCodes = knownCodes; self.knownNames = knownNames
        rng = SplitMix64(seed: options.seed, stream: "query-log")
        var byBranch: [String: [Int]] = [:]
        for (i, t) in targets.enumerated() { byBranch[t.branch, default: []].append(i) }
        targetsByBranch = byBranch
    }

    /// notfound.unknown: a valid code or a company name from another city.
    mutating func unknownRequest(variant k: Int) -> NotFoundRequest {
        let g = DongguanGazetteer.self
        if k % 2 == 0 {
            while true {
                let body = "MA5" + (0..<5).map { _ in String(USCC.alphabet[rng.int(0...9)]) }.joined()
                guard let check = USCC.organizationCheckCharacter(forBody: body),
                      let code = USCC.complete("91440300" + body + String(check)), !knownCodes.contains(code) else { continue }
                return NotFoundRequest(code: .unknown, kind: "uscc", text: code, uscc: nil,
                                       injection: "查询深圳市登记的企业代码 (a code registered in Shenzhen)")
            }
        }
        let name = "深圳市\(rng.pick(g.tradeNames))\(rng.pick(g.industries))有限公司"
        return NotFoundRequest(code: .unknown, kind: "name", text: name, uscc: nil,
                               injection: "查询深圳市企业名称 (a Shenzhen company name)")
    }

    /// Writes every query; returns how many. Injected not-found queries become expected findings.
    mutating func write(requests: [NotFoundRequest], into catalog: SampleCatalogWriter, injected: inout [ExpectedFinding],
                        progress: ((String, Int, Int) -> Void)?) throws -> Int {
        let perDay = options.queriesPerDay ?? min(1500, max(40, options.enterprises * 2 / 3))
        var id: Int64 = 0
        let days = max(1, options.queryDays)
        for day in 0..<days {
            let dayStart = window.start.addingTimeInterval(-Double(days - 1 - day) * 86400)
            let inWindow = day == days - 1
            var rows: [Row] = []
            let weekday = (Int((dayStart.timeIntervalSince1970 + 8 * 3600) / 86400) + 4) % 7  // 0 = Sunday, 6 = Saturday (1970-01-01 was a Thursday)
            let n = weekday == 0 || weekday == 6 ? perDay / 3 : perDay * rng.int(85...115) / 100
            for _ in 0..<n { rows.append(randomQuery(dayStart: dayStart, allowNotFound: !inWindow)) }
            if inWindow {
                for request in requests { rows.append(injectedQuery(request, dayStart: dayStart)) }
            }
            id = try insert(&rows, startingAfter: id, into: catalog, injected: &injected)
            progress?("query_log", day + 1, days)
        }
        // Night owls on the inspection day before the inspection (outside the window): online only.
        let today = window.end
        let limit = min(options.at.timeIntervalSince(today), 7 * 3600)
        if limit > 1800 {
            var rows: [Row] = []
            for _ in 0..<max(2, perDay / 100) {
                var row = randomQuery(dayStart: today, allowNotFound: true)
                row.at = today.addingTimeInterval(Double(rng.int(1200...Int(limit) - 60)))
                row.channel = "online"; row.terminal = "WEB-01"; row.site = "dc"
                rows.append(row)
            }
            id = try insert(&rows, startingAfter: id, into: catalog, injected: &injected)
        }
        return Int(id)
    }

    private func insert(_ rows: inout [Row], startingAfter start: Int64, into catalog: SampleCatalogWriter,
                        injected: inout [ExpectedFinding]) throws -> Int64 {
        rows.sort { ($0.at, $0.text) < ($1.at, $1.text) }
        var id = start
        for row in rows {
            id += 1
            try catalog.insert(SampleCatalogWriter.insertQuery, [id, BureauTime.iso(row.at), row.channel, row.terminal, row.site,
                                                                 row.kind, row.text, row.result, row.uscc, row.latency])
            if let r = row.expected {
                injected.append(ExpectedFinding(r.code, site: row.site, uscc: r.uscc, query: id,
                                                injection: "\(r.injection)：\(row.text)"))
            }
        }
        return id
    }

    private mutating func randomQuery(dayStart: Date, allowNotFound: Bool) -> Row {
        let channelRoll = rng.int(0...99)
        let channel = channelRoll < 55 ? "kiosk" : channelRoll < 75 ? "window" : channelRoll < 95 ? "online" : "province"
        let branch = rng.pick(DongguanGazetteer.branches)
        var site = "dc"
        if channel == "kiosk", rng.chance(0.08), let local = targetsByBranch[branch.id], !local.isEmpty { site = branch.id }
        let terminal: String
        switch channel {
        case "kiosk": terminal = "KIOSK-\(branch.tag)-0\(rng.int(1...3))"
        case "window": terminal = "WIN-\(branch.tag)-0\(rng.int(1...2))"
        case "online": terminal = "WEB-01"
        default: terminal = "GD-GOV-01"
        }
        let seconds: Int
        if channel == "online" || channel == "province" {
            seconds = rng.chance(0.85) ? rng.int((8 * 3600)...(22 * 3600)) : rng.int(600...(86400 - 600))
        } else {
            seconds = rng.int((8 * 3600 + 30 * 60)...(17 * 3600 + 50 * 60))
        }
        let time = dayStart.addingTimeInterval(Double(seconds))
        if allowNotFound && rng.chance(0.035) {
            let (kind, text) = missText()
            return Row(at: time, channel: channel, terminal: terminal, site: site, kind: kind, text: text,
                       result: "not_found", uscc: nil, latency: rng.int(150...1200))
        }
        if rng.chance(0.005) || targets.isEmpty {
            let t = targets.isEmpty ? nil : targets[rng.int(0...(targets.count - 1))]
            return Row(at: time, channel: channel, terminal: terminal, site: site, kind: "uscc", text: t?.uscc ?? "914419000000000000",
                       result: "error", uscc: nil, latency: rng.int(3000...15000))
        }
        let index: Int
        if site != "dc", let local = targetsByBranch[site], !local.isEmpty {
            index = local[rng.int(0...(local.count - 1))]
        } else {
            index = rng.int(0...(targets.count - 1))
        }
        let t = targets[index]
        let roll = rng.int(0...99)
        let (kind, text): (String, String)
        if roll < 58 { (kind, text) = ("uscc", t.uscc) } else if roll < 93 || t.regNo == nil { (kind, text) = ("name", t.name) } else { (kind, text) = ("reg_no", t.regNo ?? t.uscc) }
        return Row(at: time, channel: channel, terminal: terminal, site: site, kind: kind, text: text,
                   result: "found", uscc: t.uscc, latency: rng.int(80...900))
    }

    /// A query that finds nothing: a mistyped code, a name from elsewhere, a fragment.
    private mutating func missText() -> (String, String) {
        let g = DongguanGazetteer.self
        switch rng.int(0...3) {
        case 0 where !targets.isEmpty:
            var chars = Array(targets[rng.int(0...(targets.count - 1))].uscc)
            chars[rng.int(2...16)] = USCC.alphabet[rng.int(0...(USCC.alphabet.count - 1))]
            return ("uscc", String(chars))
        case 1:
            return ("name", "广州市\(rng.pick(g.tradeNames))\(rng.pick(g.industries))有限公司")
        case 2:
            return ("name", "\(rng.pick(g.tradeNames))\(rng.pick(g.shopKinds))")
        default:
            return ("reg_no", "4419" + (0..<11).map { _ in String(rng.int(0...9)) }.joined())
        }
    }

    private mutating func injectedQuery(_ request: NotFoundRequest, dayStart: Date) -> Row {
        var earliest = 8 * 3600 + 40 * 60
        if let notBefore = request.notBefore {
            earliest = max(earliest, Int(notBefore.timeIntervalSince(dayStart)))
        }
        let seconds = rng.int(min(earliest, 23 * 3600)...max(min(earliest, 23 * 3600), 17 * 3600 + 20 * 60))
        let branch = rng.pick(DongguanGazetteer.branches)
        var text = request.text ?? ""
        if request.text == nil, let code = request.uscc { text = typo(of: code) }
        return Row(at: dayStart.addingTimeInterval(Double(seconds)), channel: "kiosk",
                   terminal: "KIOSK-\(branch.tag)-0\(rng.int(1...3))", site: "dc", kind: request.kind, text: text,
                   result: "not_found", uscc: nil, latency: rng.int(150...1100), expected: request)
    }

    /// `code` with one character changed so that the check digit fails, one edit away from no other
    /// catalog code.
    private mutating func typo(of code: String) -> String {
        let chars = Array(code)
        for _ in 0..<500 {
            var t = chars
            let position = rng.int(2...16)
            let replacement = USCC.alphabet[rng.int(0...(USCC.alphabet.count - 1))]
            guard replacement != t[position] else { continue }
            t[position] = replacement
            let candidate = String(t)
            guard !USCC.isValid(candidate), !knownCodes.contains(candidate) else { continue }
            let neighbours = knownCodes.filter { other in
                other.count == 18 && zip(other, candidate).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } == 1
            }
            if neighbours == [code] { return candidate }
        }
        return String(chars.prefix(17)) + (chars.last == "0" ? "1" : "0")
    }
}
