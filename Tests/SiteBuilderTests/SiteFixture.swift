import ArchiveEngine
import Foundation
import GRDB
@testable import SiteBuilder

/// A database for whole-site tests, with figures computed by hand:
/// June 2023: 4 tickets, response met 3 of 4 (75.0%), 特急 on site met 1 of 2 (50.0%);
/// bureau query totals 2020–2023-H1 = 1,542,832; two runs (29th, 30th) with not-found causes
/// notfound.unknown ×2, notfound.former_name ×1. Free text carries synthetic personal data and an XSS payload.
enum SiteFixture {
    static let idNumber = "441900198503151234"      // synthetic, region 441900, born 1985-03-15
    static let idNumberX = "44190019900101567X"
    static let mobile = "13812345678"
    static let xss = "<script>alert('xss')</script>"

    static func store(at url: URL? = nil) throws -> OperationsStore {
        let store = try url.map { try OperationsStore.open(at: $0) } ?? OperationsStore.inMemory()
        try store.dbQueue.write { db in
            func ticket(_ id: String, _ at: String, _ cat: String, _ pri: String, _ status: String, response: Double?,
                        onsite: Double? = nil, description: String) throws {
                try db.execute(sql: """
                    INSERT INTO ticket (id, reported_at, unit, reporter, category, priority, description, status,
                                        response_minutes, onsite_minutes, response_met, onsite_met, engineer, actions, resolution)
                    VALUES (?, ?, '虎门分局', '测试员', ?, ?, ?, ?, ?, ?, ?, ?, '张工', ?, '已恢复')
                    """, arguments: [id, at, cat, pri, description, status, response, onsite,
                                     response.map { $0 <= 15 ? 1 : 0 },
                                     pri == "critical" ? onsite.map { $0 <= 60 ? 1 : 0 } : nil,
                                     "电话联系报障人 \(mobile) 后远程处理"])
            }
            try ticket("T-0601", "2023-06-01T09:00:00+08:00", "sync", "normal", "closed", response: 10,
                       description: "同步失败 \(xss)")
            try ticket("T-0602", "2023-06-02T09:00:00+08:00", "seal", "urgent", "closed", response: 20,
                       description: "签章积压，当事人身份证 \(idNumber)，统一社会信用代码 91441900MA4W1234X5")
            try ticket("T-0603", "2023-06-03T09:00:00+08:00", "disk", "critical", "closed", response: 5, onsite: 45,
                       description: "磁盘满；手机 \(mobile)，另一证件 \(idNumberX)")
            try ticket("T-0604", "2023-06-04T09:00:00+08:00", "training", "critical", "in_progress", response: 12, onsite: 75,
                       description: "培训：查询终端操作")
            for (period, level, q) in [("2020", "year", 221_736), ("2021", "year", 501_080), ("2022", "year", 560_908),
                                       ("2023-H1", "half", 259_108), ("2023-06", "month", 40_000)] {
                try db.execute(sql: "INSERT INTO query_stat (period, level, channel, queries, source) VALUES (?, ?, 'all', ?, 'aggregate')",
                               arguments: [period, level, q])
            }
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-29', 'day', 'kiosk', 100, 5, 'detail', NULL)")
            try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-30', 'day', 'kiosk', 120, 6, 'detail', NULL)")
        }
        try store.saveInspection(run("2023-06-29"), findings: [
            Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", detail: "缺失 V1"),
            Finding(check: "anomaly", code: "anomaly.stale_lock", severity: .warning, site: "dc", volume: "V2", detail: "锁定 V2"),
            Finding(check: "notfound", code: "notfound.unknown", severity: .info, site: "dc", detail: "查无：\(idNumber)", query: 101),
            Finding(check: "notfound", code: "notfound.former_name", severity: .info, site: "dc", detail: "曾用名", query: 102),
        ])
        try addRun("2023-06-30", to: store)
        try addComparison(to: store)
        return store
    }

    /// One finished migration check (数据迁移核对) with differences of several kinds, hostile text and a
    /// personal number in a path, for the 数据迁移核对报告 pages.
    static func addComparison(to store: OperationsStore) throws {
        let start = BureauTime.parse("2023-06-30 09:00")!
        let id = try store.beginComparison(key: "fixture", oldSide: "/mnt/old（dc）", newSide: "/mnt/new \(xss)（dc）", sites: ["dc"],
                                           host: "inspector", startedAt: start, units: 3)
        let folder = "91441900MA4W1234X5/001"
        try store.finishComparison(Comparison(
            id: id, oldSide: "/mnt/old（dc）", newSide: "/mnt/new \(xss)（dc）", sites: ["dc"], host: "inspector", startedAt: start,
            finishedAt: start.addingTimeInterval(900), enterpriseFolders: 3, volumes: 5, files: 61, bytesRead: 12_500_000,
            resumed: true, notes: ["dc 914419000000000001/003 无法读取"],
            differences: [
                ComparisonDifference(code: .volumeMissing, site: "dc", volume: "V1", uscc: "91441900MA4W1234X5", path: folder,
                                     detail: "新侧缺少案卷文件夹 \(folder)"),
                ComparisonDifference(code: .fileChanged, site: "dc", volume: "V2", path: "\(folder)/page-0002.jpg", cause: .truncated,
                                     detail: "两侧不同：复制被截断 \(xss)", oldBytes: 800, newBytes: 100),
                ComparisonDifference(code: .fileExtra, site: "dc", path: "\(folder)/\(idNumber).txt", detail: "新侧多出文件 \(idNumber).txt"),
            ]))
    }

    /// Builds the whole site from ``store(at:)`` into `<new temporary folder>/Output`; returns both folders.
    static func buildSite() throws -> (dir: URL, output: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let output = dir.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try SiteBuild(store: try store(), outputURL: output).run()
        return (dir, output)
    }

    static func addRun(_ day: String, to store: OperationsStore) throws {
        try store.saveInspection(run(day), findings: [
            Finding(check: "sync", code: "sync.missing", severity: .critical, site: "dc", volume: "V1", detail: "仍缺失 V1"),
            Finding(check: "notfound", code: "notfound.unknown", severity: .info, site: "dc", detail: "查无 \(day)",
                    query: Int64(day.suffix(2)).map { 100 + $0 }),
            Finding(check: "disk", code: "disk.usage", severity: .warning, detail: "h1:/data 85%", host: "h1", mount: "/data"),
        ])
    }

    static func run(_ day: String) -> InspectionRun {
        let start = BureauTime.parse("\(day) 07:30")!
        return InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(600), host: "inspector", center: "dongguan",
                             coverageDetail: "sync, efile, seal, disk, notfound, anomaly, fixity")
    }

    /// Whether `path` is a page of the report site (as opposed to the training manual, search, assets).
    static func isReportPage(_ path: String) -> Bool {
        let p = path.hasPrefix("en/") ? String(path.dropFirst(3)) : path
        return p == "index.html" || ["inspections/", "tickets/", "monthly/", "months/", "queries/"].contains { p.hasPrefix($0) }
    }

    /// Every regular file below `root`, as paths relative to it, sorted.
    static func files(in root: URL) -> [String] {
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var out: [String] = []
        while let url = e?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            out.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        return out.sorted()
    }
}
