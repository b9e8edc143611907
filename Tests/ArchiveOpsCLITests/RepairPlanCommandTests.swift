import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops repair-plan` (修复计划): the script it writes, run by a person on a copy of a faulty center,
/// fixes every sync finding it claims to fix; names that are shell syntax stay names; where no site holds a
/// good copy the plan says so.
final class RepairPlanCommandTests: XCTestCase {
    private func scratch() throws -> URL {
        let s = try ScratchFolder(prefix: "repair")
        addTeardownBlock { withExtendedLifetime(s) {} }
        return s.url
    }

    /// `(code, site, volume)` of every step the plan says it fixes.
    private func claims(_ script: String) -> Set<String> {
        var out = Set<String>()
        for line in script.split(separator: "\n") where line.hasPrefix("# 修复 (fixes): ") {
            let words = line.dropFirst("# 修复 (fixes): ".count).split(separator: " ")
            let code = words.first.map(String.init) ?? ""
            let site = words.first { $0.hasPrefix("site=") }.map { String($0.dropFirst(5)) } ?? ""
            let volume = words.first { $0.hasPrefix("volume=") }.map { String($0.dropFirst(7)) } ?? ""
            out.insert("\(code)|\(site)|\(volume)")
        }
        return out
    }

    private func findings(_ jsonLines: String) throws -> [Finding] {
        try jsonLines.split(separator: "\n").dropFirst().map { try JSONDecoder().decode(Finding.self, from: Data($0.utf8)) }
    }

    func testThePlanRunOnACopyOfAFaultyCenterLeavesNoSyncFindingItClaimedToFix() throws {
        let dir = try scratch()
        assertCommand(try BuiltCLI.bash("""
            archive-ops sample-center sample/center --enterprises 60 --seed repair --faults 2 >/dev/null
            cp -a sample/center center
            archive-ops init --workspace ws >/dev/null
            """, in: dir), exits: 0)
        let manifest = try JSONDecoder().decode(SampleCenterManifest.self,
                                                from: Data(contentsOf: dir.appendingPathComponent("sample/sample-center.json")))
        try Data(manifest.sealCertificatePEM.utf8).write(to: dir.appendingPathComponent("seal.pem"))
        let check = ["check", "--workspace", "ws", "--center", "center", "--seal-cert", "seal.pem", "--at", manifest.inspectionTime,
                     "--full", "--json"]
        let before = try BuiltCLI.run(check, in: dir)
        XCTAssertEqual(before.status, 2, before.output)
        let centerBefore = try BuiltCLI.bash("find center -printf '%p %s %T@\\n' | sort | sha256sum", in: dir).stdout

        let plan = try BuiltCLI.run(["repair-plan", "--workspace", "ws", "--seal-cert", "seal.pem", "--output", "plan.sh"], in: dir)
        assertCommand(plan, exits: 0, stdoutContains: ["修复计划已写入", "不会执行"])
        XCTAssertEqual(try BuiltCLI.bash("find center -printf '%p %s %T@\\n' | sort | sha256sum", in: dir).stdout, centerBefore,
                       "planning only reads")
        let script = try String(contentsOf: dir.appendingPathComponent("plan.sh"), encoding: .utf8)
        let claimed = claims(script)
        let syncBefore = try findings(before.stdout).filter { $0.code.hasPrefix("sync.") }
        XCTAssertTrue(claimed.contains { $0.hasPrefix("sync.missing|") }, script)
        XCTAssertTrue(claimed.contains { $0.hasPrefix("sync.corrupt|") }, script)
        XCTAssertTrue(claimed.contains { $0.hasPrefix("anomaly.stale_lock|") }, script)
        XCTAssertTrue(script.contains("# 撤销 (undo): "), script)
        XCTAssertGreaterThanOrEqual(syncBefore.count, 4)

        let applied = try BuiltCLI.bash("BACKUP_DIR=\"$PWD/backup\" bash plan.sh", in: dir)
        XCTAssertTrue(applied.output.contains("== 步骤 1"), applied.output)
        let after = try BuiltCLI.run(check, in: dir)
        let left = try findings(after.stdout).filter { $0.code.hasPrefix("sync.") }
            .map { "\($0.code)|\($0.site ?? "")|\($0.volume ?? "")" }
        XCTAssertEqual(Set(left).intersection(claimed), [], "sync findings the plan claimed to fix are still there\n" + script)
        XCTAssertLessThan(left.count, syncBefore.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("backup").path), "corrupt files were kept aside")
    }

    func testHostileNamesStayNamesAndAMissingGoodCopyIsSaidNotGuessed() throws {
        let f = try CenterFixture(sealFiles: false)
        // A code that is shell syntax: quotes, command substitution, a newline and a leading dash.
        let hostile = "-9144'$(touch PWNED)\"`id`\n; rm -rf ~\n"
        try f.addEnterprise(hostile, name: "恶意名称测试", branch: "branch-humen")
        try f.addVolume("V900", uscc: hostile, seq: 1, branch: "branch-humen")
        try f.addEnterprise(CenterFixture.code(2), name: "东莞市乙贸易有限公司", branch: "branch-humen")
        try f.addVolume("V901", uscc: CenterFixture.code(2), seq: 1, branch: "branch-humen")
        try FileManager.default.removeItem(at: f.folder("offsite", "V900"))
        // Page 2 of V901 is corrupt at every site: there is no good copy anywhere.
        for site in ["processing", "dc", "offsite", "branch-humen"] {
            try Data("damaged".utf8).write(to: f.folder(site, "V901").appendingPathComponent("page-0002.jpg"))
        }
        try f.close()
        let dir = try scratch()
        let check = ["check", "--workspace", dir.appendingPathComponent("ws").path, "--center", f.root.path, "--only", "sync",
                     "--at", "2023-06-30 07:30", "--full"]
        assertCommand(try BuiltCLI.run(["init", "--workspace", dir.appendingPathComponent("ws").path]), exits: 0)
        XCTAssertEqual(try BuiltCLI.run(check).status, 2)
        let ws = dir.appendingPathComponent("ws").path
        let planned = try BuiltCLI.run(["repair-plan", "--workspace", ws, "--output", "plan.sh"], in: dir)
        assertCommand(planned, exits: 0)
        let script = try String(contentsOf: dir.appendingPathComponent("plan.sh"), encoding: .utf8)
        XCTAssertTrue(script.contains("无可用副本"), script)
        XCTAssertTrue(script.contains("无法自动修复 (not fixed): sync.corrupt"), script)
        let syntax = try BuiltCLI.bash("bash -n plan.sh", in: dir)
        assertCommand(syntax, exits: 0)

        let run = try BuiltCLI.bash("BACKUP_DIR=\"$PWD/backup\" bash plan.sh || true", in: dir)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("PWNED").path), run.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root.appendingPathComponent("PWNED").path), run.output)
        let restored = f.folder("offsite", "V900")
        for name in ["metadata.xml", "page-0001.jpg", "page-0002.jpg", "page-0003.jpg", "volume.pdf"] {
            XCTAssertEqual(try Data(contentsOf: restored.appendingPathComponent(name)),
                           try Data(contentsOf: f.folder("processing", "V900").appendingPathComponent(name)), name + "\n" + run.output)
        }
        let after = try BuiltCLI.run(check + ["--json"])
        XCTAssertFalse(after.stdout.contains("\"V900\""), after.output)
        XCTAssertTrue(after.stdout.contains("\"V901\""), "no good copy: still reported\n" + after.output)
    }
}
