@testable import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// Findings keep their sentence as data (`params`, migration `v9-finding-params`): the contract's `detail`
/// reads as it always did, each page language renders its own sentence, and findings from an older
/// database or an older host fall back to their `detail`.
final class FindingParamsTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try ImportFixtures.scratch()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func corrupt(_ files: [String]) -> Finding {
        SyncCheck().finding(.corrupt, site: "branch-changan", uscc: "914419007954476814", phrase: SyncCheck.Phrase.corrupt,
                            ["site": .site(name: "长安分局", id: "branch-changan"), "folder": .data("914419007954476814/001"),
                             "files": .list(files)])
    }

    func testTheDetailReadsAsBeforeAndEachLanguageHasItsOwnSentence() throws {
        let f = corrupt(["page-0001.jpg", "volume.pdf"])
        XCTAssertEqual(f.detail, "长安分局（branch-changan） 案卷 914419007954476814/001 中 page-0001.jpg、volume.pdf 与目录哈希不一致"
                           + " (hash differs from catalog)")
        let zh = CheckCatalog.sentence(of: f, in: .zh)
        XCTAssertEqual(FindingSpan.plain(zh), "长安分局（branch-changan） 案卷 914419007954476814/001 中 page-0001.jpg、volume.pdf 与目录哈希不一致")
        let en = CheckCatalog.sentence(of: f, in: .en)
        XCTAssertEqual(FindingSpan.plain(en),
                       "长安分局 (branch-changan): in volume 914419007954476814/001, page-0001.jpg, volume.pdf differ from the catalog hash")
        // The only Chinese on the English side is the site's name, and it is marked as data.
        XCTAssertEqual(en.filter { $0.text.unicodeScalars.contains(where: BilingualText.isHan) }.map(\.isData), [true])
        XCTAssertEqual(en.filter(\.isData).map(\.text), ["长安分局", "branch-changan", "914419007954476814/001", "page-0001.jpg", "volume.pdf"])
        // Long lists are cut the same way in both languages.
        let many = corrupt((1...9).map { String(format: "page-%04d.jpg", $0) })
        XCTAssertTrue(many.detail.contains("page-0006.jpg 等 9 个"), many.detail)
        XCTAssertTrue(FindingSpan.plain(CheckCatalog.sentence(of: many, in: .en)).contains("page-0006.jpg … (9 in all)"))
    }

    func testAMissingFileWithSomethingElseInItsPlaceSaysSoInEachLanguage() throws {
        let f = SyncCheck().finding(.missing, site: "dc", phrase: SyncCheck.Phrase.filesMissing,
                                    ["site": .site(name: "市局数据中心", id: "dc"), "folder": .data("9144/001"),
                                     "files": .items([SyncCheck.absent("page-0001.jpg", nil),
                                                      SyncCheck.Phrase.symlinkInPlace(["name": .data("page-0002.jpg")])])])
        XCTAssertEqual(f.detail, "市局数据中心（dc） 案卷 9144/001 缺少 page-0001.jpg、page-0002.jpg（是符号链接，未跟随） (symlink) (files missing)")
        XCTAssertEqual(FindingSpan.plain(CheckCatalog.sentence(of: f, in: .en)),
                       "市局数据中心 (dc): volume 9144/001 lacks page-0001.jpg, page-0002.jpg (a symlink, not followed)")
        XCTAssertEqual(FindingSpan.plain(CheckCatalog.sentence(of: f, in: .zh)),
                       "市局数据中心（dc） 案卷 9144/001 缺少 page-0001.jpg、page-0002.jpg（是符号链接，未跟随）")
    }

    func testTheJSONLineKeepsTheContractAndCarriesParamsAsAnExtraKey() throws {
        let line = corrupt(["page-0001.jpg"]).jsonLine()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["check", "code", "severity", "site", "volume", "uscc", "detail", "params"])
        XCTAssertTrue(object["volume"] is NSNull)
        let params = try XCTUnwrap(object["params"] as? [String: Any])
        XCTAssertEqual(params["key"] as? String, "sync.corrupt")
        XCTAssertEqual((params["values"] as? [String: Any])?["files"] as? [String], ["page-0001.jpg"])
        // A finding made without params prints exactly the contract's keys, as before.
        XCTAssertFalse(Finding(check: "sync", code: "sync.missing", severity: .critical, detail: "x").jsonLine().contains("params"))
    }

    func testEveryPhraseRendersInBothLanguagesWithTheSameValues() throws {
        for check in CheckCatalog.all {
            for phrase in check.phrases.values {
                XCTAssertEqual(phrase.placeholders(.zh), phrase.placeholders(.en), phrase.key)
                XCTAssertTrue(phrase.key.hasPrefix(check.id + "."), phrase.key)
                XCTAssertFalse(phrase.en.unicodeScalars.contains(where: BilingualText.isHan), "Chinese in the English of \(phrase.key)")
            }
        }
        XCTAssertEqual(CheckCatalog.gaps(), [])
    }

    func testADatabaseOfThePreviousVersionUpgradesInPlaceAndItsFindingsShowTheirDetail() throws {
        let file = dir.appendingPathComponent("ops.sqlite")
        do {
            let old = try DatabaseQueue(path: file.path)
            try OperationsStore.migrator.migrate(old, upTo: "v4-capacity-history")
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO inspection_run (id, started_at, finished_at, host, center, coverage, source)
                    VALUES ('r1', '2023-06-30T07:30:00+08:00', '2023-06-30T07:31:00+08:00', 'h', '/c', NULL, 'local');
                    INSERT INTO finding (run_id, seq, "check", code, severity, site, volume, uscc, query, host, mount, path, detail)
                    VALUES ('r1', 0, 'disk', 'disk.forecast', 'warning', NULL, NULL, NULL, NULL, 'ca-nas-01', '/archive', NULL,
                            '主机 ca-nas-01 挂载点 /archive 预计 54 天后写满 (projected full in 54 days)');
                    """)
            }
        }
        let store = try OperationsStore.open(at: file)
        let applied = try store.dbQueue.read { try OperationsStore.migrator.appliedIdentifiers($0) }
        XCTAssertTrue(applied.contains("v9-finding-params"))
        let old = try XCTUnwrap(store.findings(ofRun: "r1").first)
        XCTAssertNil(old.params)
        // The Chinese page shows the Chinese half; the English page the stored text, marked as data.
        XCTAssertEqual(CheckCatalog.sentence(of: old, in: .zh), [FindingSpan("主机 ca-nas-01 挂载点 /archive 预计 54 天后写满", isData: false)])
        XCTAssertEqual(CheckCatalog.sentence(of: old, in: .en), [FindingSpan(old.detail, isData: true)])

        // New findings in the upgraded file keep their params.
        let start = try XCTUnwrap(BureauTime.parse("2023-07-01 07:30"))
        let run = InspectionRun(startedAt: start, finishedAt: start.addingTimeInterval(60), host: "h", center: "/c")
        let fresh = corrupt(["page-0002.jpg"])
        try store.saveInspection(run, findings: [fresh])
        XCTAssertEqual(try store.findings(ofRun: run.id), [fresh])
    }

    func testImportedLinesWithAndWithoutParamsBothImport() throws {
        let store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
        let url = dir.appendingPathComponent("runs.jsonl")
        let withParams = corrupt(["page-0003.jpg"]).jsonLine()
        try Data("""
            {"run":{"center":"/c","checks":["sync"],"finished_at":"2023-06-30T07:31:00+08:00","host":"ops-3",\
            "started_at":"2023-06-30T07:30:00+08:00"}}
            \(withParams)
            {"check":"sync","code":"sync.missing","detail":"旧主机写的 (files missing)","severity":"critical","site":"dc",\
            "uscc":null,"volume":"V1"}
            {"check":"sync","code":"sync.missing","detail":"新版本的语句","params":{"key":"sync.missing.future","values":{"x":{"new":1}}},\
            "severity":"critical","site":"dc","uscc":null,"volume":"V2"}

            """.utf8).write(to: url)
        let summary = try InspectionResultsImporter(store: store, options: ImportOptions(now: testNow, actor: "test")).importFile(at: url)
        XCTAssertEqual(summary.inserted, 1)
        let findings = try store.findings(ofRun: try XCTUnwrap(store.inspectionRuns().first).id)
        XCTAssertEqual(findings.map { $0.params?.key }, ["sync.corrupt", nil, nil])
        XCTAssertEqual(findings[0], corrupt(["page-0003.jpg"]))
        // A phrase this version does not know shows its detail.
        XCTAssertEqual(FindingSpan.plain(CheckCatalog.sentence(of: findings[2], in: .zh)), "新版本的语句")
    }
}
