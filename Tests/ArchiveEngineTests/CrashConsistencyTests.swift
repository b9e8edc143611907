#if canImport(Glibc)
import Glibc
#endif
@testable import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// `kill -9` at random points (seeded, so a failure can be replayed) of `check --full` and of every
/// import, then the command run again to the end: the operations database ends exactly as after one
/// uninterrupted run — same runs, same findings, same rows — and passes `PRAGMA integrity_check`.
final class CrashConsistencyTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) for the kill points.
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func fraction() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    static let seed: UInt64 = 20_231_130
    /// Kill points per command (five commands: at least 20 in all).
    static let killsPerCommand = 5

    /// The inputs: a center with problems, a ticket export, query totals, the center's query log and
    /// another host's inspection results.
    private func inputs() throws -> (center: CenterFixture, folder: URL, commands: [[String]]) {
        let f = try CenterFixture(sealFiles: false)
        try f.addEnterprise(CenterFixture.code(1), name: "东莞市甲电子科技有限公司")
        try f.addEnterprise(CenterFixture.code(2), name: "东莞市乙贸易有限公司", branch: "branch-changan")
        for i in 1...40 {
            try f.addVolume(String(format: "V%03d", i), uscc: CenterFixture.code(1 + i % 2), seq: 1 + i / 2,
                            branch: i % 2 == 0 ? "branch-humen" : "branch-changan", pages: 3)
        }
        try FileManager.default.removeItem(at: f.folder("dc", "V007"))
        try Data("changed".utf8).write(to: f.folder("offsite", "V012").appendingPathComponent("page-0002.jpg"))
        try f.execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO query_log SELECT i, printf('2023-06-%02dT%02d:%02d:00+08:00', 1 + i % 29, i % 24, i % 60),
                   CASE i % 3 WHEN 0 THEN 'kiosk' WHEN 1 THEN 'window' ELSE 'online' END, 'K' || (i % 40), 'dc', 'name',
                   '东莞市某某公司' || i, CASE WHEN i % 7 = 0 THEN 'not_found' ELSE 'found' END, NULL, 100 + i % 50 FROM n
            """)
        try f.close()

        let folder = f.root.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tickets = "ticket_id,reported_at,responded_at,resolved_at,category,priority,status,description,unit\n"
        for i in 1...3000 {
            let day = 1 + i % 28
            tickets += "T\(String(format: "%05d", i)),2023-06-\(String(format: "%02d", day)) 09:00,2023-06-\(String(format: "%02d", day)) 09:10,"
            tickets += i % 5 == 0 ? "," : "2023-06-\(String(format: "%02d", day)) 11:00,"
            tickets += "sync,\(["normal", "urgent", "critical"][i % 3]),\(i % 5 == 0 ? "open" : "resolved"),\"第 \(i) 号故障，描述\",虎门分局\n"
        }
        try Data(tickets.utf8).write(to: folder.appendingPathComponent("tickets.csv"))
        var totals = "period,channel,queries,not_found\n"
        for m in 1...12 { totals += "2022-\(String(format: "%02d", m)),all,\(40000 + m),\(100 + m)\n" }
        try Data(totals.utf8).write(to: folder.appendingPathComponent("totals.csv"))
        var jsonl = ""
        for r in 0..<3 {
            jsonl += #"{"run":{"started_at":"2023-06-2\#(r + 1)T07:30:00+08:00","finished_at":"2023-06-2\#(r + 1)T07:40:00+08:00","host":"ops-2","center":"/mnt/c"}}"# + "\n"
            for k in 0..<400 {
                jsonl += #"{"check":"sync","code":"sync.missing","severity":"critical","site":"dc","volume":"V\#(k)","uscc":null,"detail":"缺少 \#(k)"}"# + "\n"
            }
        }
        try Data(jsonl.utf8).write(to: folder.appendingPathComponent("runs.jsonl"))

        let commands = [
            ["import", "tickets", folder.appendingPathComponent("tickets.csv").path],
            ["import", "queries", folder.appendingPathComponent("totals.csv").path],
            ["import", "queries", f.catalogURL.path],
            ["import", "inspections", folder.appendingPathComponent("runs.jsonl").path],
            ["check", "--center", f.root.path, "--full", "--only", "sync,anomaly,fixity,efile", "--at", "2023-06-30 07:30"],
        ]
        return (f, folder, commands)
    }

    /// `command` with `--workspace` after its (sub)command names.
    static func arguments(_ command: [String], workspace: URL) -> [String] {
        let names = command.first == "import" ? 2 : 1
        return Array(command.prefix(names)) + ["--workspace", workspace.path] + command.dropFirst(names)
    }

    func testEveryCommandKilledAtRandomPointsEndsAsAnUninterruptedRun() throws {
        let cli = try CLIProcess()
        let (center, _, commands) = try inputs()
        _ = center

        // The reference: each command once, uninterrupted; its duration bounds the kill points.
        let reference = try temporaryWorkspace(self)
        var durations: [TimeInterval] = []
        for command in commands {
            let start = Date()
            let r = try cli.run(Self.arguments(command, workspace: reference))
            durations.append(Date().timeIntervalSince(start))
            XCTAssertTrue([0, 1, 2].contains(r.status), "\(command): \(r.out) \(r.err)")
        }
        let expected = try DatabaseDump(workspace: reference)

        var rng = Seeded(state: Self.seed)
        let crashed = try temporaryWorkspace(self)
        var killedMidWay = 0
        for (command, duration) in zip(commands, durations) {
            let args = Self.arguments(command, workspace: crashed)
            for _ in 0..<Self.killsPerCommand {
                let running = try cli.start(args)
                // Within the first 80 % of an uninterrupted run's time, so most kills land mid-work even when
                // the machine is busy; one that lands after the command ended counts as a plain rerun.
                usleep(useconds_t(rng.fraction() * duration * 0.8 * 1_000_000))
                running.kill9()
                if running.wait().killed { killedMidWay += 1 }
                XCTAssertEqual(try DatabaseDump.integrity(crashed), "ok", "\(command)")
            }
            let rerun = try cli.run(args)
            XCTAssertTrue([0, 1, 2].contains(rerun.status), "\(command): \(rerun.out) \(rerun.err)")
        }
        XCTAssertGreaterThanOrEqual(killedMidWay, 10, "kills must land while the commands run")
        XCTAssertEqual(try DatabaseDump.integrity(crashed), "ok")
        let actual = try DatabaseDump(workspace: crashed)
        for table in expected.tables.keys.sorted() {
            XCTAssertEqual(actual.tables[table], expected.tables[table], "table \(table) differs after the crashes (seed \(Self.seed))")
        }
        XCTAssertEqual(Set(actual.tables.keys), Set(expected.tables.keys))
    }
}

/// Every row of an operations database in a comparable form: sorted, with the columns that record *when*
/// or *which attempt* (wall-clock times, the run ids derived from them, the audit trail) left out.
struct DatabaseDump {
    var tables: [String: [String]] = [:]

    /// Columns that differ between two correct histories (a rerun starts at another second).
    static let volatile: [String: Set<String>] = [
        "inspection_run": ["id", "started_at", "finished_at"],
        "finding": ["run_id"],
        "coverage_volume": ["run_id"],
        "coverage_run": ["run_id"],
    ]
    static let skipped: Set<String> = ["audit", "grdb_migrations", "sqlite_sequence"]

    init(workspace: URL) throws {
        let db = try DatabaseQueue(path: workspace.appendingPathComponent("archive-ops.sqlite").path)
        try db.read { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in names where !Self.skipped.contains(table) && !table.contains("_fts") {
                let columns = try db.columns(in: table).map(\.name).filter { !(Self.volatile[table]?.contains($0) ?? false) }
                let list = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                // A check killed after storing its complete run leaves that run; its rerun adds an identical
                // one. Identical rows are therefore compared as a set.
                tables[table] = Array(Set(try String.fetchAll(db, sql: "SELECT \(list) FROM \"\(table)\""))).sorted()
            }
        }
    }

    static func integrity(_ workspace: URL) throws -> String {
        let path = workspace.appendingPathComponent("archive-ops.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else { return "ok" }
        let db = try DatabaseQueue(path: path)
        return try db.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }
}
