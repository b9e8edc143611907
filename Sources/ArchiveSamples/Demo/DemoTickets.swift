import ArchiveEngine
import CSV
import Foundation

/// A year of sample maintenance tickets (运维任务单), 2022-07-01 … 2023-06-29, and their export in the
/// unified fault-reporting platform's format: GB18030, CRLF, Chinese headers, multi-line quoted fields.
///
/// Every category and priority occurs; most tickets meet the contract's service levels, a few miss the
/// 15-minute response or the 1-hour on-site rule for 特急, the latest few are still open or in progress,
/// some descriptions quote synthetic ID-card and mobile numbers (for masking) and one holds
/// `<script>alert(1)</script>` (for escaping).
public enum DemoTickets {
    public static let defaultSeed: UInt64 = 2023_0630

    public static func generate(seed: UInt64 = defaultSeed) -> [Ticket] {
        var rng = DemoRandom(seed: seed)
        var tickets: [Ticket] = []
        var day = DemoClock.ticketsFrom
        while day <= DemoClock.lastFullDay {
            let weekday = BureauTime.calendar.component(.weekday, from: day)  // 1 = Sunday
            let weekend = weekday == 1 || weekday == 7
            let count = weekend ? rng.pick(weighted: [(0, 0.7), (1, 0.3)]) : rng.pick(weighted: [(0, 0.3), (1, 0.35), (2, 0.25), (3, 0.1)])
            var times = (0..<count).map { _ in weekend ? rng.int(540...1020) : rng.int(510...1080) }  // minutes after midnight
            times.sort()
            for (seq, minute) in times.enumerated() {
                let reported = day.addingTimeInterval(Double(minute * 60 + rng.int(0...59)))
                let id = "BZ" + BureauTime.day(day).replacingOccurrences(of: "-", with: "") + String(format: "%02d", seq + 1)
                tickets.append(makeTicket(id: id, reported: reported, index: tickets.count, &rng))
            }
            day = day.addingTimeInterval(86400)
        }
        return tickets
    }

    static let categoryWeights: [(TicketCategory, Double)] = [
        (.kiosk, 20), (.notfound, 17), (.sync, 10), (.efile, 8), (.seal, 7), (.anomaly, 8), (.disk, 5),
        (.install, 6), (.training, 6), (.hardware, 5), (.other, 8),
    ]

    static func priorityWeights(_ category: TicketCategory) -> [(TicketPriority, Double)] {
        switch category {
        case .sync, .disk, .efile, .seal: [(.normal, 40), (.urgent, 40), (.critical, 20)]
        case .kiosk, .anomaly: [(.normal, 55), (.urgent, 30), (.critical, 15)]
        case .notfound: [(.normal, 75), (.urgent, 22), (.critical, 3)]
        case .install, .training, .hardware, .other: [(.normal, 85), (.urgent, 15)]
        }
    }

    static func makeTicket(id: String, reported: Date, index: Int, _ rng: inout DemoRandom) -> Ticket {
        var category = rng.pick(weighted: categoryWeights)
        var unit = rng.pick(weighted: DemoNames.units)
        if category == .disk { unit = rng.chance(0.7) ? "市局信息中心" : unit }
        var text = DemoTicketTexts.text(for: category, unit: unit, &rng)
        if index == 157 {
            category = .anomaly
            text = DemoTicketTexts.markupProbe(&rng)
        } else if index % 25 == 11 {
            category = .notfound
            text = DemoTicketTexts.personalData(unit: unit, &rng)
        }
        let priority = rng.pick(weighted: priorityWeights(category))
        func after(_ date: Date, minutes: Int) -> Date { date.addingTimeInterval(Double(minutes * 60 + rng.int(0...59))) }

        // Service levels: mostly met, a few misses, as a real year looks.
        let responded = after(reported, minutes: rng.chance(0.06) ? rng.int(16...45) : rng.int(1...13))
        var onsite: Date?
        switch priority {
        case .critical:
            onsite = after(reported, minutes: rng.chance(0.12) ? rng.int(61...110) : rng.int(20...57))
        case .urgent where [.kiosk, .install, .hardware, .anomaly, .sync].contains(category):
            onsite = rng.chance(0.5) ? after(responded, minutes: rng.int(40...240)) : nil
        case .normal where [.kiosk, .install, .training].contains(category):
            onsite = rng.chance(0.6) ? after(responded, minutes: rng.int(90...2880)) : nil
        default:
            onsite = nil
        }
        // An engineer cannot be on site before the ticket was answered.
        if let o = onsite, o < responded { onsite = responded.addingTimeInterval(Double(rng.int(3...8) * 60)) }
        let work: Int
        switch (priority, category) {
        case (_, .training), (_, .hardware): work = rng.int(1440...7200)
        case (.critical, _): work = rng.int(30...240)
        case (.urgent, _): work = rng.int(60...600)
        case (.normal, _): work = rng.int(120...4320)
        }
        // Only 特急 work goes on into the night; other visits and fixes happen in office hours.
        if priority != .critical { onsite = onsite.map { officeHours($0, &rng) } }
        var resolved: Date? = after(onsite ?? responded, minutes: work)
        if priority != .critical { resolved = resolved.map { officeHours($0, &rng) } }
        var respondedAt: Date? = responded

        // The last days before "now": what has not happened yet is not in the export.
        let now = DemoClock.now
        if let r = resolved, r > now { resolved = nil }
        if let o = onsite, o > now { onsite = nil }
        if responded > now { respondedAt = nil }
        if now.timeIntervalSince(reported) < 3 * 86400 && rng.chance(0.4) { resolved = nil }

        let status: TicketStatus
        if let r = resolved {
            status = now.timeIntervalSince(r) > 3 * 86400 && !rng.chance(0.08) ? .closed : .resolved
        } else {
            status = respondedAt == nil || (onsite == nil && rng.chance(0.5)) ? .open : .inProgress
        }
        let done = resolved != nil
        return Ticket(
            id: id, reportedAt: reported, unit: unit, reporter: DemoNames.reporter(&rng), category: category,
            priority: priority, description: text.description, respondedAt: respondedAt, onsiteAt: onsite,
            resolvedAt: resolved, actions: respondedAt == nil ? nil : (done ? text.actions : "已联系报障人，正在排查。"),
            resolution: done ? text.resolution : nil, engineer: respondedAt == nil ? nil : rng.pick(DemoNames.engineers),
            status: status)
    }

    /// Moves a time outside 08:30–18:00 to the next morning's office hours (never earlier).
    static func officeHours(_ date: Date, _ rng: inout DemoRandom) -> Date {
        let p = BureauTime.parts(date)
        let minute = p.h * 60 + p.mi
        let midnight = BureauTime.startOfDay(date)
        if minute < 510 { return midnight.addingTimeInterval(Double((510 + rng.int(0...90)) * 60)) }
        if minute >= 1080 { return midnight.addingTimeInterval(Double((1440 + 510 + rng.int(0...120)) * 60)) }
        return date
    }

    /// The tickets as the platform's CSV text (Chinese headers, CRLF rows, `2023-06-30 17:05:09` times).
    public static func csvText(_ tickets: [Ticket]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: TicketImporter.Column.all.map(\.chinese))
        func time(_ d: Date?) -> String {
            guard let d else { return "" }
            let p = BureauTime.parts(d)
            return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.y, p.mo, p.d, p.h, p.mi, p.s)
        }
        for t in tickets {
            try writer.write(row: [
                t.id, time(t.reportedAt), t.unit ?? "", t.reporter ?? "", t.category.chineseName, t.priority.chineseName,
                t.description, time(t.respondedAt), time(t.onsiteAt), time(t.resolvedAt), t.actions ?? "",
                t.resolution ?? "", t.engineer ?? "", t.status.chineseName,
            ])
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// The export file's bytes: GB18030, as the platform writes it on the bureau's Windows PCs.
    public static func platformExport(_ tickets: [Ticket]) throws -> Data {
        guard let data = TextDecoding.gb18030(try csvText(tickets)) else {
            throw DemoError.cannotEncode("GB18030")
        }
        return data
    }
}

/// Why the demo inputs could not be written.
public enum DemoError: Error, CustomStringConvertible {
    case cannotEncode(String)

    public var description: String {
        switch self {
        case .cannotEncode(let name): "无法生成 \(name) 编码的示例文件：系统 iconv 不支持该编码。 (iconv cannot encode \(name))"
        }
    }
}
