import Foundation
import XCTest

/// The smaller faults a careless operator or a hostile file meets (issue 9 item 8), each through the real
/// command: formulas in rejected rows, file permissions, exit codes and messages.
final class OperatorSafetyTests: XCTestCase {
    private func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    func testRejectedRowsCannotRunAsFormulasAndPersonalDataFilesAreNotWorldReadable() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        XCTAssertEqual(try mode(w.appendingPathComponent("archive-ops.sqlite")) & 0o077, 0, "the database is private")

        let csv = """
            ticket_id,reported_at,category,priority,status,description,reporter
            T-1,2023-06-01 09:00,sync,normal,closed,正常一行,张三
            T-2,not a time,sync,normal,closed,"=HYPERLINK(""http://x"",""点我"")",@SUM(A1)
            T-3,2023-06-02 09:00,nonsense,normal,closed,+cmd|' /C calc'!A0,-2+3

            """
        let file = w.appendingPathComponent("tickets.csv")
        try Data(csv.utf8).write(to: file)
        let r = try cli.run(["import", "tickets", "--workspace", w.path, "--skip-bad", file.path])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        let rejects = w.appendingPathComponent("tickets.csv.rejected.csv")
        XCTAssertEqual(try mode(rejects) & 0o077, 0, "rejected rows hold personal data")
        let text = String(decoding: try Data(contentsOf: rejects), as: UTF8.self)
        for line in text.split(separator: "\r\n").dropFirst() {
            for field in line.split(separator: ",") {
                let f = field.hasPrefix("\"") ? field.dropFirst() : field
                XCTAssertFalse(["=", "+", "-", "@"].contains { f.hasPrefix($0) }, "formula left in: \(line)")
            }
        }
        XCTAssertTrue(text.contains("'=HYPERLINK"), text)
        XCTAssertTrue(text.contains("'@SUM(A1)") && text.contains("'-2+3"), text)
    }

    func testAnUnknownRunWithJSONPrintsOneLineSayingSo() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        let r = try cli.run(["check", "--workspace", w.path, "--center", w.appendingPathComponent("nowhere").path, "--json"])
        XCTAssertEqual(r.status, 3)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, r.out)
        let first = try XCTUnwrap(lines.first, "nothing printed with --json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        XCTAssertEqual(object["status"] as? String, "UNKNOWN")
        XCTAssertTrue((object["reason"] as? String)?.contains("中心快照目录不存在") ?? false, r.out)
    }

    func testAFailedBuildExitsOneWithAPlainMessage() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        try Data("not a database".utf8).write(to: w.appendingPathComponent("archive-ops.sqlite"))
        let r = try cli.run(["build", "--workspace", w.path])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("站点生成失败"), r.err)
        XCTAssertFalse(r.err.contains("USAGE") || r.err.contains("Usage") || r.err.contains("NSError") || r.err.contains("Error Domain"), r.err)
    }

    func testAnInspectionFileWithAnUnknownCheckIsRefused() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        let file = w.appendingPathComponent("run.jsonl")
        try Data("""
            {"run":{"started_at":"2023-06-30T07:30:00+08:00","finished_at":"2023-06-30T07:40:00+08:00","host":"ops-2","center":"/mnt/c"}}
            {"check":"bogus","code":"bogus.thing","severity":"critical","site":"dc","volume":"V1","uscc":null,"detail":"?"}
            {"check":"sync","code":"sync.vanished","severity":"critical","site":"dc","volume":"V2","uscc":null,"detail":"?"}

            """.utf8).write(to: file)
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        let r = try cli.run(["import", "inspections", "--workspace", w.path, file.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("未知的检查项 bogus") && r.err.contains("第 2 行"), r.err)
        XCTAssertTrue(r.err.contains("sync.vanished"), r.err)
    }
}

/// `archive-ops demo` never touches a real workspace (issue 9 item 1).
final class DemoWorkspaceTests: XCTestCase {
    func testTheDemoRefusesARealWorkspaceAndLeavesItsConfigurationAndDataAlone() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        let config = w.appendingPathComponent("archive-ops.yaml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "# center: /mnt/archive-center", with: "center: /mnt/real-center")
        try Data(text.utf8).write(to: config)
        let database = try Data(contentsOf: w.appendingPathComponent("archive-ops.sqlite"))

        let r = try cli.run(["demo", "--workspace", w.path])
        XCTAssertEqual(r.status, 1, r.out + r.err)
        XCTAssertTrue(r.err.contains("已是正式工作目录"), r.err)
        XCTAssertEqual(try String(contentsOf: config, encoding: .utf8), text, "the operator's center: is kept")
        XCTAssertEqual(try Data(contentsOf: w.appendingPathComponent("archive-ops.sqlite")), database, "no demo rows")
        XCTAssertFalse(FileManager.default.fileExists(atPath: w.appendingPathComponent("demo-inputs").path))
    }
}

/// The demo seal is not in the bureau's name, and trusting it is called out.
final class DemoSealTrustTests: XCTestCase {
    func testTheDemoSealIsNotIssuedInTheBureausNameAndCheckWarnsWhenItIsTrusted() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        let center = w.appendingPathComponent("center")
        let manifest = w.appendingPathComponent("sample.json")
        XCTAssertEqual(try cli.run(["sample-center", center.path, "--enterprises", "12", "--faults", "none", "--query-days", "1",
                                    "--max-pages", "2", "--manifest", manifest.path]).status, 0)
        let m = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        let pem = w.appendingPathComponent("seal.pem")
        try Data(try XCTUnwrap(m["sealCertificatePEM"] as? String).utf8).write(to: pem)

        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["x509", "-in", pem.path, "-noout", "-subject", "-nameopt", "utf8"]
        let out = Pipe()
        openssl.standardOutput = out
        try openssl.run()
        let subject = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        openssl.waitUntilExit()
        XCTAssertFalse(subject.contains("市场监督管理局"), subject)
        XCTAssertTrue(subject.contains("演示"), subject)

        let r = try cli.run(["check", "--workspace", w.path, "--center", center.path, "--seal-cert", pem.path,
                             "--at", try XCTUnwrap(m["inspectionTime"] as? String), "--only", "seal"])
        XCTAssertTrue(r.out.contains("受信任的签章证书是 ArchiveOps 演示证书"), r.out + r.err)
    }
}

/// A failed or killed `sample-center` leaves nothing half-made, so the rerun works.
final class SampleCenterCleanupTests: XCTestCase {
    func testAKilledSampleCenterLeavesNoPartialFolderAndTheRerunWorks() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        let center = w.appendingPathComponent("center")
        let running = try cli.start(["sample-center", center.path, "--enterprises", "400", "--query-days", "5"])
        usleep(1_500_000)
        running.kill9()
        XCTAssertTrue(running.wait().killed, "the run was still writing when killed")
        XCTAssertTrue(((try? FileManager.default.contentsOfDirectory(atPath: center.path)) ?? []).isEmpty, "no partial center left")
        let rerun = try cli.run(["sample-center", center.path, "--enterprises", "12", "--faults", "none", "--query-days", "1", "--max-pages", "2"])
        XCTAssertEqual(rerun.status, 0, rerun.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: center.appendingPathComponent("catalog.sqlite").path))
    }
}
