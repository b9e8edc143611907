import ArchiveEngine
import Foundation
import GRDB

/// A small operations database whose every report figure is computed by hand in the tests.
///
/// Tickets (SLA facts as the importer stores them: response_met = minutes ≤ 15, onsite_met only for 特急 = ≤ 60):
///   2023-05  T-0501 normal  other     response 30 → missed
///   2023-06  T-0601 normal  sync      response 10 → met
///            T-0602 urgent  seal      response 20 → missed (by 5)
///            T-0603 critical disk     response 5 met, on site 45 met
///            T-0604 critical kiosk    response 12 met, on site 75 missed (by 15)
///            T-0605 normal  training  no response yet (open) → not judged
/// Runs: 2023-06-29 (sync.missing dc/V1, anomaly.stale_lock dc/V2, notfound.unknown q101, notfound.former_name q102)
///       2023-06-30 (sync.missing dc/V1, notfound.unknown q103, disk.usage h1:/data)
/// Query figures: bureau years 2020–2022 + 2023-H1 (合计) = 1,542,832, a 2023-06 month inside 2023-H1,
/// and detail day figures for 2023-06-29/30.
enum ReportFixture {
    static func store() throws -> OperationsStore {
        let store = try OperationsStore.inMemory()
        try store.dbQueue.write { db in
            func ticket(_ id: String, _ at: String, _ cat: String, _ pri: String, _ status: String, response: Double?,
                        onsite: Double? = nil, description: String = "查询终端无法打开") throws {
                try db.execute(sql: """
                    INSERT INTO ticket (id, reported_at, unit, reporter, category, priority, description, responded_at, status,
                                        response_minutes, onsite_minutes, response_met, onsite_met, engineer, actions, resolution)
                    VALUES (?, ?, '虎门分局', '测试员', ?, ?, ?, NULL, ?, ?, ?, ?, ?, '张工', '远程处理', '已恢复')
                    """, arguments: [id, at, cat, pri, description, status, response, onsite,
                                     response.map { $0 <= 15 ? 1 : 0 },
                                     pri == "critical" ? onsite.map { $0 <= 60 ? 1 : 0 } : nil])
            }
            try ticket("T-0501", "2023-05-20T09:00:00+08:00", "other", "normal", "closed", response: 30)
            try ticket("T-0601", "2023-06-01T09:00:00+08:00", "sync", "normal", "closed", response: 10)
            try ticket("T-0602", "2023-06-02T09:00:00+08:00", "seal", "urgent", "closed", response: 20)
            try ticket("T-0603", "2023-06-03T09:00:00+08:00", "disk", "critical", "closed", response: 5, onsite: 45)
            try ticket("T-0604", "2023-06-04T09:00:00+08:00", "kiosk", "critical", "resolved", response: 12, onsite: 75)
            try ticket("T-0605", "2023-06-05T09:00:00+08:00", "training", "normal", "open", response: nil)
            for (period, level, q) in [("2020", "year", 221_736), ("2021", "year", 501_080), ("2022", "year", 560_908),
                                       ("2023-H1", "half", 259_108), ("2023-06", "month", 40_000)] {
                try db.execute(sql: "INSERT INTO query_stat (period, level, channel, queries, source) VALUES (?, ?, 'all', ?, 'aggregate')",
                               arguments: [period, level, q])
            }
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06', 'month', 'kiosk', 30000, 600, 'aggregate', NULL)")
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-29', 'day', 'kiosk', 100, 5, 'detail', NULL)")
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-29', 'day', 'window', 50, 1, 'detail', NULL)")
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-30', 'day', 'kiosk', 120, 6, 'detail', NULL)")
        }
        try store.saveInspection(run("2023-06-29"), findings: [
            Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", detail: "缺失 V1"),
            Finding(check: "anomaly", code: "anomaly.stale_lock", severity: .warning, site: "dc", volume: "V2", detail: "锁定 V2"),
            Finding(check: "notfound", code: "notfound.unknown", severity: .info, site: "dc", detail: "查无 101", query: 101),
            Finding(check: "notfound", code: "notfound.former_name", severity: .info, site: "dc", detail: "曾用名 102", query: 102),
        ])
        try store.saveInspection(run("2023-06-30"), findings: [
            Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", detail: "仍缺失 V1"),
            Finding(check: "notfound", code: "notfound.unknown", severity: .info, site: "dc", detail: "查无 103", query: 103),
            Finding(check: "disk", code: "disk.usage", severity: .warning, detail: "h1:/data 85%", host: "h1", mount: "/data"),
        ])
        return store
    }

    static func run(_ day: String) -> InspectionRun {
        let start = BureauTime.parse("\(day) 07:30")!
        return InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(600), host: "inspector", center: "dongguan",
                             coverageDetail: "sync, efile, seal, disk, notfound, anomaly, fixity")
    }
}
