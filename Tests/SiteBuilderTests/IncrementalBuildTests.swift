import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
@testable import SiteBuilder
import XCTest

/// Incremental builds: after a new inspection, an import of tickets or of query statistics, a build that
/// renders only the changed pages publishes exactly the bytes of a full build from scratch; a cache that
/// is missing, corrupted, foreign or out of date is never trusted; builds at the same time do not mix.
final class IncrementalBuildTests: RebuildTestCase {
    private var cache: URL { SiteBuildCache.url(for: output) }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testAfterANewInspectionOnlyItsPagesAreRenderedAndTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let first = try build(store)
        XCTAssertEqual(first.reused, 0, "the first build has no cache")
        let again = try build(store)
        XCTAssertGreaterThan(again.reused, 50, "nothing changed: every rendered page is taken over")
        XCTAssertEqual(again.written, 0)

        try SiteFixture.addRun("2023-07-01", to: store)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, again.reused - 20, "only the pages that list or show the new run are rendered")
        XCTAssertGreaterThan(summary.written, 0)
    }

    /// The search documents keep their numbers when a run is added (its pages take free numbers in their
    /// folders' blocks; only the folder's pages after it in url order move), so few url/title and text
    /// shards are written again; the index is still exactly a full build's.
    func testAfterANewInspectionEverySearchDocumentKeepsItsNumber() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try SiteFixture.addRun("2023-07-01", to: store)
        try build(store)
        func numbers() throws -> [String: Int] {
            Dictionary(try SearchIndexFiles.numberedDocuments(output).map { ($0.document[0] as! String, $0.number) },
                       uniquingKeysWith: { a, _ in a })
        }
        let before = try numbers()
        let files = try SearchIndexFiles.allFiles(output)
        try SiteFixture.addRun("2023-07-02", to: store)
        try build(store)
        try assertSameAsFullBuild(store)
        let after = try numbers()
        XCTAssertEqual(after.count, before.count + 2, "the new report in both languages")
        // Only a page after the new report in its own folder (the folder's index.html) moves, by one.
        let added = Set(after.keys).subtracting(before.keys)
        for (url, number) in before {
            let moved = added.filter { SearchNumbering.block($0) == SearchNumbering.block(url) && $0 < url }.count
            XCTAssertEqual(after[url], number + moved, url)
        }
        let old = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        let changed = try SearchIndexFiles.allFiles(output).filter { old[$0.path] != $0.text }.map(\.path)
        let shards = changed.filter { $0.hasPrefix("search/m/") || $0.hasPrefix("search/x/") }
        XCTAssertLessThanOrEqual(shards.count, 4, "the url/title and text shards of the two new documents: \(shards)")
    }

    func testAfterAnImportOfTicketsTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        let csv = try write("tickets.csv", """
            工单编号,报障时间,报障单位,报障人,问题类别,紧急程度,问题描述,响应时间,到场时间,解决时间,处理过程,处理结果,处理人,状态
            T-0701,2023-07-02 10:00,长安分局,王工,查询终端故障,紧急,自助终端无法打印,2023-07-02 10:08,,2023-07-02 11:00,远程重启,已恢复,张工,已关闭
            T-0604,2023-06-04 09:00,虎门分局,测试员,业务培训,特急,培训：查询终端操作,2023-06-04 09:12,2023-06-04 10:15,2023-06-05 17:00,现场培训,已完成,张工,已关闭

            """)
        _ = try TicketImporter(store: store).importFile(at: csv)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 0)
        let ticket = try String(contentsOf: output.appendingPathComponent("tickets/T-0701.html"), encoding: .utf8)
        XCTAssertTrue(ticket.contains("自助终端无法打印"))
    }

    func testAfterAnImportOfQueryStatisticsTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        let csv = try write("queries.csv", "统计期间,渠道,查询量,查无结果\n2023-07,合计,\"41,500\",\n")
        _ = try QueryStatisticsImport.importFile(at: csv, store: store)
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 0)
    }

    /// The query pages, month indexes and ticket lists are taken over by their rows: a changed day figure,
    /// a new channel (a new column on every day page), a ticket of a category that had none, a ticket's
    /// status changed and a new month each render exactly the pages a full build shows differently.
    func testAfterChangedQueryFiguresANewCategoryAndANewMonthTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let steps: [(String, () throws -> Void, String, String)] = [
            ("a changed day figure", {
                try store.dbQueue.write { db in
                    try db.execute(sql: "UPDATE query_stat SET queries = 4321 WHERE period = '2023-06-30' AND channel = 'kiosk'")
                }
            }, "queries/days-2023-06.html", "4,321"),
            ("a new channel", {
                try store.dbQueue.write { db in
                    try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-06-29', 'day', 'online', 77, 1, 'detail', NULL)")
                }
            }, "queries/days-2023-06.html", "77"),
            ("a ticket of a category that had none", {
                let csv = try self.write("hardware.csv", """
                    工单编号,报障时间,报障单位,报障人,问题类别,紧急程度,问题描述,响应时间,到场时间,解决时间,处理过程,处理结果,处理人,状态
                    T-0605,2023-06-05 10:00,长安分局,王工,硬件咨询,一般,扫描仪选型咨询,2023-06-05 10:08,,,,,张工,处理中

                    """)
                _ = try TicketImporter(store: store).importFile(at: csv)
            }, "tickets/category-hardware.html", "T-0605"),
            ("a ticket closed", {
                try store.dbQueue.write { db in try db.execute(sql: "UPDATE ticket SET status = 'closed' WHERE id = 'T-0604'") }
            }, "tickets/category-training.html", "T-0604"),
            ("a new month", {
                try SiteFixture.addRun("2023-08-01", to: store)
                try store.dbQueue.write { db in
                    try db.execute(sql: "INSERT INTO query_stat VALUES ('2023-08-01', 'day', 'kiosk', 90, 2, 'detail', NULL)")
                }
            }, "months/2023-08.html", "2023-08-01"),
        ]
        for (what, change, path, shows) in steps {
            let before = try contents(of: output)
            try change()
            let summary = try build(store)
            try assertSameAsFullBuild(store)
            XCTAssertTrue(try page(path).contains(shows), "\(what): \(path) shows \(shows)")
            XCTAssertNotEqual(before[path], try contents(of: output)[path], "\(what) changed \(path)")
            XCTAssertGreaterThan(summary.reused, 50, what)
        }
        XCTAssertTrue(try page("tickets/open.html").contains("T-0605"))
        XCTAssertFalse(try page("tickets/open.html").contains("T-0604"))
    }

    func testAfterAChangeOfAnEnterprisesFactsTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let uscc = "91441900MA4W1234X5"  // named in ticket T-0602
        func facts(_ name: String, former: [String], at: String) -> EnterpriseFacts {
            EnterpriseFacts(uscc: uscc, name: name, formerNames: former, branchID: "branch-humen",
                            volumes: [EnterpriseVolume(id: "V1", seq: 1, pages: 12, sites: ["dc", "branch-humen"])],
                            recordedAt: BureauTime.parse(at)!)
        }
        try store.recordEnterprises([facts("东莞市示例科技有限公司", former: [], at: "2023-06-29 07:30")])
        try build(store)
        try assertSameAsFullBuild(store)
        // The catalog renamed it: the enterprise page, its index, the ticket naming it and the reports
        // whose findings are on its volume change; nothing else may be taken over stale.
        try store.recordEnterprises([facts("东莞市示例智能科技有限公司", former: ["东莞市示例科技有限公司"], at: "2023-06-30 07:30")])
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 50)
        let page = try String(contentsOf: output.appendingPathComponent("enterprises/\(uscc).html"), encoding: .utf8)
        XCTAssertTrue(page.contains("东莞市示例智能科技有限公司"))
    }

    func testAfterARunIsDeletedOrItsFindingsReplacedTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try SiteFixture.addRun("2023-07-01", to: store)
        try SiteFixture.addRun("2023-07-02", to: store)
        try build(store)
        // The run in the middle removed by hand (sqlite3): the next run's "changes since" compare with another run.
        try store.dbQueue.write { db in
            let id = try String.fetchOne(db, sql: "SELECT id FROM inspection_run ORDER BY started_at LIMIT 1 OFFSET 2")!
            try db.execute(sql: "DELETE FROM finding WHERE run_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM inspection_run WHERE id = ?", arguments: [id])
        }
        try build(store)
        try assertSameAsFullBuild(store)
        // The first run imported again with other findings: its page and the next one's "changes" differ.
        try store.saveInspection(SiteFixture.run("2023-06-29"), findings: [
            Finding(check: "seal", code: "seal.invalid", severity: .critical, site: "dc", volume: "V9", detail: "签章无效 V9"),
        ])
        let summary = try build(store)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(summary.reused, 50)
    }

    /// archive-ops.yaml and `--as-of` are inputs too: the as-of day, the disk thresholds, the service levels
    /// and the inspection deadline each change pages without any row of the database changing.
    func testAfterAChangedConfigurationTheSiteEqualsAFullBuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        // Half a year of daily disk readings (75 % and growing), so that the thresholds show on the pages.
        let start = BureauTime.parse("2023-01-01 08:00")!
        _ = try store.recordDiskReadings((0..<181).map { day in
            DiskReading(host: "h1", mount: "/data", at: start.addingTimeInterval(Double(day) * 86_400),
                        totalBytes: 4 << 40, usedBytes: Int64(3_000 + day * 2) << 30, source: .center)
        })
        try build(store)
        let changes: [(String, (inout SiteBuild) -> Void)] = [
            ("as-of day", { $0.asOf = CalendarDay("2023-07-03") }),
            ("disk thresholds", { $0.asOf = CalendarDay("2023-07-03"); $0.thresholds.diskWarningPercent = 70 }),
            ("service levels", {
                $0.asOf = CalendarDay("2023-07-03"); $0.thresholds.diskWarningPercent = 70; $0.serviceLevels.responseMinutes = 10
            }),
            ("inspection deadline", {
                $0.asOf = CalendarDay("2023-07-03"); $0.thresholds.diskWarningPercent = 70; $0.serviceLevels.responseMinutes = 10
                $0.inspectionDeadline.minutes = 7 * 60 + 35
            }),
        ]
        for (what, change) in changes {
            configure = change
            let summary = try build(store)
            try assertSameAsFullBuild(store)
            XCTAssertGreaterThan(summary.written, 0, "\(what) changes some page")
        }
    }

    /// A build killed after it published but before it wrote its caches (or between the two) leaves caches
    /// that describe the site before; the next build must still publish exactly a full build's bytes.
    func testABuildKilledBeforeItsCachesWereWrittenIsFollowedByAGoodRebuild() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        let searchCache = SearchIndexCache.url(for: output)
        try build(store)
        for (day, next, keep) in [("2023-07-01", "2023-07-11", [cache, searchCache]), ("2023-07-02", "2023-07-12", [cache])] {
            let saved = try keep.map { try Data(contentsOf: $0) }
            try SiteFixture.addRun(day, to: store)
            try build(store)
            for (url, data) in zip(keep, saved) { try data.write(to: url) }  // as if killed before writing these
            try SiteFixture.addRun(next, to: store)
            try build(store)
            try assertSameAsFullBuild(store)
        }
    }

    /// The real thing: `archive-ops build` killed at some moment of its run, then run again.
    func testAKilledBuildCommandIsFollowedByAGoodRebuild() throws {
        let workspace = dir.appendingPathComponent("ws")
        _ = try BuiltCLI.run(["init", "--workspace", workspace.path])
        let db = workspace.appendingPathComponent("archive-ops.sqlite")
        try FileManager.default.removeItem(at: db)
        let store = try SiteFixture.store(at: db)
        let site = workspace.appendingPathComponent("Output")
        _ = try BuiltCLI.run(["build", "--workspace", workspace.path, "--as-of", "2023-07-05"])
        for (n, delay) in [0.05, 0.3, 0.8, 1.5].enumerated() {
            try SiteFixture.addRun("2023-07-0\(n + 1)", to: store)
            let old = try contents(of: site)
            let p = Process()
            p.executableURL = try BuiltCLI.executable()
            p.arguments = ["build", "--workspace", workspace.path, "--as-of", "2023-07-05"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let killed = try contents(of: site)
            let again = try BuiltCLI.run(["build", "--workspace", workspace.path, "--as-of", "2023-07-05"])
            XCTAssertEqual(again.status, 0, again.output)
            // The reference: the same command from scratch (no Output/, no caches), as bench/site-build.sh does it.
            let actual = try contents(of: site)
            // Whenever the kill came, Output/ was one whole site: the previous one or the new one.
            XCTAssertTrue(killed == old || killed == actual, "a half site after a kill after \(delay) s")
            for leftover in [site, SiteBuildCache.url(for: site), SearchIndexCache.url(for: site), ManualOutlineCache.url(for: site)] {
                try? FileManager.default.removeItem(at: leftover)
            }
            let full = try BuiltCLI.run(["build", "--workspace", workspace.path, "--as-of", "2023-07-05"])
            XCTAssertEqual(full.status, 0, full.output)
            let expected = try contents(of: site)
            XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted())
            for (path, data) in expected where actual[path] != data { XCTFail("\(path) differs from a full build (kill after \(delay) s)") }
        }
    }

    func testAMissingCorruptedOrForeignCacheIsIgnoredAndTheBuildRendersEverything() throws {
        let store = try SiteFixture.store()
        try build(store)
        let good = try Data(contentsOf: cache)

        // Corrupted: one byte changed in the middle.
        var bad = good
        bad[bad.count / 2] ^= 0x01
        try bad.write(to: cache)
        XCTAssertEqual(try build(store).reused, 0)
        try assertSameAsFullBuild(store)

        // Truncated, empty, missing, not ours.
        for broken in [good.prefix(good.count / 3), Data(), nil, Data("<html>not a cache</html>\n".utf8)] {
            if let broken { try broken.write(to: cache) } else { try FileManager.default.removeItem(at: cache) }
            XCTAssertEqual(try build(store).reused, 0)
            try assertSameAsFullBuild(store)
        }

        // Foreign: the cache of another site's Output/ (same pages, other files) is not trusted.
        let other = dir.appendingPathComponent("Other")
        try build(store, into: other)
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.copyItem(at: SiteBuildCache.url(for: other), to: cache)
        XCTAssertEqual(try build(store).reused, 0)
        try assertSameAsFullBuild(store)
        XCTAssertGreaterThan(try build(store).reused, 0, "the build wrote a good cache again")
    }

    func testAPageEditedInOutputIsRenderedAgainNotTakenOver() throws {
        let store = try SiteFixture.store()
        try build(store)
        let page = output.appendingPathComponent("tickets/T-0601.html")
        let original = try Data(contentsOf: page)
        // Written in place, same size, as an editor or a careless `sed -i` would.
        var edited = original
        edited[edited.count - 20] = UInt8(ascii: "X")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: edited)
        try handle.close()
        try build(store)
        XCTAssertEqual(try Data(contentsOf: page), original)
        try assertSameAsFullBuild(store)
    }

    /// On a file system that keeps whole seconds (or within one kernel tick) a page edited in place, with the
    /// same size, in the second the build published it keeps its inode, size and modification time: only
    /// its bytes tell. The page and the cache are given the same whole second, as such a file system would.
    func testAPageEditedInTheSameSecondAsTheBuildIsRenderedAgain() throws {
        let store = try SiteFixture.store()
        try build(store)
        let path = "tickets/T-0601.html"
        let page = output.appendingPathComponent(path)
        let original = try Data(contentsOf: page)
        let second = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        func stampAsBuiltInOneSecond() throws {
            try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: page.path)
            var entries = try XCTUnwrap(SiteBuildCache.read(from: cache)).entries
            entries[path]?.file = try XCTUnwrap(FileIdentity(path: page.path))
            try SiteBuildCache(entries: entries).write(to: cache)
            try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: cache.path)
        }
        try stampAsBuiltInOneSecond()
        // Not edited: the racy page's bytes are those the cache hashed, so it is still taken over.
        let untouched = try build(store)
        XCTAssertEqual(untouched.written, 0)
        XCTAssertGreaterThan(untouched.reused, 50)

        try stampAsBuiltInOneSecond()
        var edited = original
        edited[edited.count - 20] = UInt8(ascii: "X")
        let handle = try FileHandle(forWritingTo: page)
        try handle.write(contentsOf: edited)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: second], ofItemAtPath: page.path)
        XCTAssertEqual(try XCTUnwrap(SiteBuildCache.read(from: cache)).entries[path]?.file, FileIdentity(path: page.path),
                       "the edit left the file's identity as the cache describes it")
        let summary = try build(store)
        XCTAssertEqual(try Data(contentsOf: page), original)
        XCTAssertEqual(summary.written, 1, "the edited page, and only it, is rendered and written again")
        try assertSameAsFullBuild(store)
    }

    func testAChangedTemplateRendersEveryPageAgain() throws {
        let store = try SiteFixture.store()
        try build(store)
        let templates = dir.appendingPathComponent("Templates/partials")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let footer = try String(contentsOf: SiteThemeFile.url("partials/footer.mustache"), encoding: .utf8)
        try Data((footer + "<!-- 本局页脚 -->\n").utf8).write(to: templates.appendingPathComponent("footer.mustache"))
        let build = try SiteBuild(store: store, outputURL: output, templateOverrides: dir.appendingPathComponent("Templates"))
        XCTAssertEqual(try build.run().reused, 0)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("本局页脚"))
    }

    func testTwoBuildsAtOnceLeaveOneWholeSiteAndAGoodCache() throws {
        let store = try SiteFixture.store(at: dir.appendingPathComponent("archive-ops.sqlite"))
        try build(store)
        try SiteFixture.addRun("2023-07-01", to: store)
        let errors = NSMutableArray()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            do {
                try build(store, incremental: i != 1)
            } catch {
                errors.add("\(error)")
            }
        }
        XCTAssertEqual(errors.count, 0, "\(errors)")
        try assertSameAsFullBuild(store)
        XCTAssertEqual(try build(store).written, 0, "the cache left behind describes the published site")
        try assertSameAsFullBuild(store)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("staging") }, [])
    }

    /// Pages are written to the staging folder as they are rendered: a step that fails after other steps'
    /// pages went there leaves `Output/` as it was and no staging folder behind; a page rendered twice at
    /// one path fails the build before the second copy can write through the link into the published file.
    func testAStepFailingAfterPagesWereStagedKeepsThePreviousSite() throws {
        let store = try SiteFixture.store()
        try build(store)
        let before = try contents(of: output)
        try SiteFixture.addRun("2023-07-01", to: store)
        struct StepFailed: Error {}
        var site = try SiteBuild(store: store, outputURL: output)
        XCTAssertThrowsError(try site.run(SiteBuild.defaultSteps + [{ _ in throw StepFailed() }]))
        XCTAssertEqual(try contents(of: output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("staging") }, [])

        site.incremental = false
        XCTAssertThrowsError(try site.run([InspectionReportPages.step, InspectionReportPages.step])) { error in
            XCTAssertTrue("\(error)".contains("两个页面写入同一路径"), "\(error)")
        }
        XCTAssertEqual(try contents(of: output), before, "the published files are untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("staging") }, [])
        try build(store)
        try assertSameAsFullBuild(store)
    }

    func testTheStagingFolderOfAKilledBuildIsRemovedByTheNextBuild() throws {
        let store = try SiteFixture.store()
        try build(store)
        let leftover = dir.appendingPathComponent(".Output.staging-999999")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("inspections"), withIntermediateDirectories: true)
        try Data("半个页面".utf8).write(to: leftover.appendingPathComponent("inspections/x.html"))
        try build(store)
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover.path))
        try assertSameAsFullBuild(store)
    }
}

/// The shipped theme's files, for tests that override one of them.
enum SiteThemeFile {
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").appendingPathComponent(path)
    }
}
