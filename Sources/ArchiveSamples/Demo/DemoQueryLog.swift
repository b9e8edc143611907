import ArchiveEngine
import Foundation
import GRDB

/// A month of sample query detail: June 2023 (the 1st to the 29th, the full days before the demo's "now"),
/// written as a `query_log` table in the center snapshot's schema, the way `catalog.sqlite` holds it.
///
/// Volumes follow the bureau's year: about 1,400 queries a working day (259,108 in the first half of 2023),
/// fewer at weekends and over the Dragon Boat Festival holiday (22–24 June), most from kiosks. The June
/// total of the bureau's monthly figures is this detail's count, so the month and its days agree.
public enum DemoQueryLog {
    public struct Row {
        public var id: Int64
        public var at: Date
        public var channel: QueryChannel
        public var terminal: String?
        public var kind: String
        public var text: String
        public var result: String
        public var uscc: String?
        public var latencyMS: Int
    }

    public static let defaultSeed: UInt64 = 2023_0601

    public static func generate(seed: UInt64 = defaultSeed) -> [Row] {
        var rng = DemoRandom(seed: seed)
        let holidays: Set<String> = ["2023-06-22", "2023-06-23", "2023-06-24"]
        var rows: [Row] = []
        var day = DemoClock.detailFrom
        while day <= DemoClock.lastFullDay {
            let weekday = BureauTime.calendar.component(.weekday, from: day)
            let dayText = BureauTime.day(day)
            let quiet = holidays.contains(dayText) || ((weekday == 1 || weekday == 7) && dayText != "2023-06-25")
            let count = quiet ? rng.int(420...620) : rng.int(1_560...1_840)
            var events: [(Int, QueryChannel)] = []
            for _ in 0..<count {
                let channel = rng.pick(weighted: [(QueryChannel.kiosk, 70.0), (.window, 20), (.online, 8), (.province, 2)])
                // Service halls open 08:30–18:00; online queries come at any hour.
                let second = channel == .online ? rng.int(0...86_399) : rng.int(30_600...64_799)
                events.append((second, channel))
            }
            events.sort { $0.0 < $1.0 }
            for (second, channel) in events {
                rows.append(makeRow(id: Int64(rows.count + 1), at: day.addingTimeInterval(Double(second)), channel: channel, &rng))
            }
            day = day.addingTimeInterval(86400)
        }
        return rows
    }

    static func makeRow(id: Int64, at: Date, channel: QueryChannel, _ rng: inout DemoRandom) -> Row {
        let kind = rng.pick(weighted: [("uscc", 55.0), ("name", 35), ("reg_no", 10)])
        let result = rng.pick(weighted: [("found", 975.0), ("not_found", 20), ("error", 5)])
        let code = DemoNames.uscc(&rng)
        let text: String
        switch kind {
        case "name": text = DemoNames.enterpriseName(&rng)
        case "reg_no": text = DemoNames.registrationNumber(&rng)
        default: text = code
        }
        let terminal: String?
        switch channel {
        case .kiosk: terminal = DemoNames.kiosk(&rng)
        case .window: terminal = String(format: "W-%02d", rng.int(1...12))
        case .province: terminal = "GD-PROV"
        default: terminal = nil
        }
        return Row(id: id, at: at, channel: channel, terminal: terminal, kind: kind, text: text, result: result,
                   uscc: result == "found" ? code : nil,
                   latencyMS: result == "error" ? rng.int(3_000...8_000) : rng.int(60...900))
    }

    /// Writes `rows` as the `query_log` table of a new SQLite file at `url` (replacing it).
    public static func write(_ rows: [Row], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let db = try DatabaseQueue(path: url.path)
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE query_log (
                    id INTEGER PRIMARY KEY, at TEXT NOT NULL, channel TEXT NOT NULL, terminal TEXT, site_id TEXT,
                    kind TEXT, text TEXT, result TEXT NOT NULL, uscc TEXT, latency_ms INTEGER)
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO query_log VALUES (?, ?, ?, ?, 'dc', ?, ?, ?, ?, ?)")
            for r in rows {
                try insert.execute(arguments: [r.id, BureauTime.iso(r.at), r.channel.rawValue, r.terminal, r.kind, r.text,
                                               r.result, r.uscc, r.latencyMS])
            }
        }
        try db.close()
    }
}
