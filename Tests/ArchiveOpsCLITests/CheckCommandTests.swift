import ArchiveEngine
import Foundation
import XCTest

/// `archive-ops check` as cron and monitoring run it: a real subprocess, real exit codes, real output.
final class CheckCommandTests: XCTestCase {
    private func run(_ arguments: [String], asUser user: String? = nil) throws -> CommandResult {
        try BuiltCLI.run(arguments, asUser: user)
    }

    private func workspace() throws -> URL {
        let scratch = try ScratchFolder(prefix: "ws")
        addTeardownBlock { withExtendedLifetime(scratch) {} }
        return scratch.url
    }

    func testAnUnreadableVolumeFolderIsReportedAsUnknownForThatFolderAndTheRunGoesOn() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root to run the check as the unprivileged account nobody")
        }
        let f = try standardFixture()
        let w = try workspace()
        let fm = FileManager.default
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: w.path)
        let locked = f.folder("offsite", "V003")
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        // nobody must be able to reach the fixture and run the binary (a checkout under /root is not).
        for start in [f.root, try BuiltCLI.executable().deletingLastPathComponent()] {
            var dir = start
            while dir.path != "/" {
                let mode = (try fm.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int) ?? 0
                if mode & 0o005 != 0o005 { throw XCTSkip("\(dir.path) is not open to other accounts") }
                dir.deleteLastPathComponent()
            }
        }

        let result = try run(["check", "--workspace", w.path, "--center", f.root.path, "--only", "sync,anomaly",
                              "--at", "2023-06-30 07:30"], asUser: "nobody")
        XCTAssertEqual(result.status, 3, "UNKNOWN: one folder could not be read, nothing else is wrong\n" + result.output)
        XCTAssertTrue(result.output.contains("\(CenterFixture.code(2))/001"), result.output)
        XCTAssertFalse(result.stdout.contains("sync.missing"), "an unreadable folder is not a missing one: " + result.stdout)
    }

    func testExitCodesFollowTheWorstFindingLikeAMonitoringPlugin() throws {
        let f = try standardFixture()
        let w = try workspace()
        let cert = try SealFixture.shared().certificate.path
        let base = ["check", "--workspace", w.path, "--center", f.root.path, "--seal-cert", cert, "--at", "2023-06-30 07:30"]

        let clean = try run(base)
        assertCommand(clean, exits: 0, stderrIsEmpty: true, "no progress line when stderr is not a terminal")
        XCTAssertTrue(clean.stdout.hasPrefix("巡检结果: 正常 OK"), clean.stdout)

        try f.execute("UPDATE volume SET lock_owner = 'WS-07', locked_at = '2023-06-30T06:00:00+08:00' WHERE id = 'V001'")
        XCTAssertEqual(try run(base).status, 1)

        try FileManager.default.removeItem(at: f.folder("branch-humen", "V001"))
        let critical = try run(base + ["--json"])
        XCTAssertEqual(critical.status, 2)
        let lines = critical.stdout.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let run = try XCTUnwrap(header["run"] as? [String: Any])
        XCTAssertEqual(run["window"] as? String, "2023-06-29T00:00:00+08:00/2023-06-30T00:00:00+08:00")
        XCTAssertEqual(run["center"] as? String, f.root.standardizedFileURL.path)
        XCTAssertNotNil(run["started_at"]); XCTAssertNotNil(run["finished_at"]); XCTAssertNotNil(run["host"])
        XCTAssertEqual(Array(lines.dropFirst()), [
            #"{"check":"sync","code":"sync.missing","#
                + #""detail":"虎门分局（branch-humen） 缺少整个案卷文件夹 \#(CenterFixture.code(1))/001（已过同步宽限期） (volume folder missing)","#
                + #""params":{"key":"sync.missing.folder","values":{"folder":"\#(CenterFixture.code(1))/001","#
                + #""site":{"id":"branch-humen","site":"虎门分局"}}},"#
                + #""path":"\#(CenterFixture.code(1))/001","severity":"critical","site":"branch-humen","#
                + #""uscc":"\#(CenterFixture.code(1))","volume":"V001"}"#,
            #"{"check":"anomaly","code":"anomaly.stale_lock","#
                + #""detail":"案卷 V001 被工作站 WS-07 锁定已 90 分钟（自 2023-06-30 06:00） (stale edit lock)","#
                + #""params":{"key":"anomaly.stale_lock","values":{"minutes":"90","owner":"WS-07","#
                + #""since":"2023-06-30 06:00","volume":"V001"}},"#
                + #""severity":"warning","site":null,"uscc":"\#(CenterFixture.code(1))","volume":"V001"}"#,
        ])

        // The run is stored in the operations database (runs started in the same second share an id
        // and replace each other, as a re-imported run does).
        let store = try Workspace(root: w).openStore()
        let last = try XCTUnwrap(try store.inspectionRuns().last)
        XCTAssertEqual(try store.findings(ofRun: last.id).map(\.code), ["sync.missing", "anomaly.stale_lock"])
    }

    func testUnknownCheckMissingCenterAndSubsetsAreHandledClearly() throws {
        let f = try standardFixture()
        let w = try workspace()
        let bad = try run(["check", "--workspace", w.path, "--center", f.root.path, "--only", "sync,bogus"])
        assertCommand(bad, exits: 3, stderrContains: ["未知的检查项 bogus", "sync, efile, seal"])

        let missing = try run(["check", "--workspace", w.path, "--center", w.appendingPathComponent("nowhere").path])
        assertCommand(missing, exits: 3, stderrContains: ["中心快照目录不存在"])

        let unconfigured = try run(["check", "--workspace", w.path])
        assertCommand(unconfigured, exits: 3, stderrContains: ["未配置中心快照"])

        let subset = try run(["check", "--workspace", w.path, "--center", f.root.path, "--only", "sync,anomaly",
                              "--at", "2023-06-30T07:30:00+08:00", "--max-read-mbps", "50", "--nice", "5"])
        assertCommand(subset, exits: 0, stdoutContains: ["日常档案同步检查（sync）: 正常"])
        XCTAssertFalse(subset.stdout.contains("签章文件生成检查"), subset.stdout)
    }
}
