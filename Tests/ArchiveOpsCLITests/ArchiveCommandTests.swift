import AcceptanceBundle
import ArchiveSamples
import Foundation
import XCTest

/// `archive-ops archive` end to end: a real workspace, real imports, the real binary, real unzip.
final class ArchiveCommandTests: XCTestCase {
    var dir: URL!
    var workspace: URL { dir.appendingPathComponent("ws") }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    func run(_ arguments: [String], tool: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try tool ?? BuiltCLI.executable()
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// A workspace with the fixture tickets of June 2023, a contract and a DEMO team certificate.
    func prepareWorkspace(contract: Bool = true) throws {
        XCTAssertEqual(try run(["init", "--workspace", workspace.path]).status, 0)
        for name in ["tickets-gb18030-crlf.csv", "tickets-utf8-bom-english.csv"] {
            let file = dir.appendingPathComponent(name)
            try FileManager.default.copyItem(at: TestFixtures.imports(name), to: file)
            XCTAssertEqual(try run(["import", "tickets", file.path, "--workspace", workspace.path]).status, 0)
        }
        let team = try DemoTeamCertificate.make(seed: "archive-cli")
        try team.certificatePEM.write(to: workspace.appendingPathComponent("team.pem"), atomically: true, encoding: .utf8)
        try team.privateKeyPEM.write(to: workspace.appendingPathComponent("team-key.pem"), atomically: true, encoding: .utf8)
        var config = try String(contentsOf: workspace.appendingPathComponent("archive-ops.yaml"), encoding: .utf8)
        config += "team_certificate: team.pem\nteam_key: team-key.pem\n"
        if contract { config += "contract:\n  name: 测试运维合同\n  number: TEST-2023-06\n" }
        try config.write(to: workspace.appendingPathComponent("archive-ops.yaml"), atomically: true, encoding: .utf8)
    }

    func testArchivingTwiceGivesTwoVersionsWithTheSameBytesUpToTheSignature() throws {
        try prepareWorkspace()
        let first = try run(["archive", "--from", "2023-06", "--to", "2023-06", "--workspace", workspace.path])
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("第 1 版"), first.stdout)
        let second = try run(["archive", "--from", "2023-06", "--to", "2023-06", "--workspace", workspace.path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("第 2 版"), second.stdout)

        let folder = workspace.appendingPathComponent("Acceptance")
        let v1 = folder.appendingPathComponent("acceptance-2023-06_2023-06-v1.zip")
        let v2 = folder.appendingPathComponent("acceptance-2023-06_2023-06-v2.zip")
        let a = [UInt8](try Data(contentsOf: v1)), b = [UInt8](try Data(contentsOf: v2))
        let sigA = try XCTUnwrap(BundleVerifyTestsSupport.localHeaderOffset(of: "manifest.sig", in: a))
        XCTAssertEqual(sigA, BundleVerifyTestsSupport.localHeaderOffset(of: "manifest.sig", in: b))
        XCTAssertEqual(Array(a[..<sigA]), Array(b[..<sigA]), "same database and period: identical bytes before the signature")

        // Both verify with the team certificate, as a subprocess would.
        for bundle in [v1, v2] {
            let verdict = try run(["verify", bundle.path, "--cert", workspace.appendingPathComponent("team.pem").path])
            XCTAssertEqual(verdict.status, 0, verdict.stdout + verdict.stderr)
        }

        // The site's 验收材料 page lists both, the second as unchanged.
        XCTAssertEqual(try run(["build", "--workspace", workspace.path]).status, 0)
        let page = try String(contentsOf: workspace.appendingPathComponent("Output/acceptance/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("acceptance-2023-06_2023-06-v1.zip") && page.contains("acceptance-2023-06_2023-06-v2.zip"), page)
        XCTAssertTrue(page.contains("本期间第一版") && page.contains("内容与上一版相同"), page)

        // New data since: a third version says what changed.
        let more = dir.appendingPathComponent("tickets-out-of-order.csv")
        try FileManager.default.copyItem(at: TestFixtures.imports("tickets-out-of-order.csv"), to: more)
        // The file holds one row with times out of order; --skip-bad imports the other.
        try run(["import", "tickets", more.path, "--skip-bad", "--workspace", workspace.path])
        XCTAssertEqual(try run(["archive", "--from", "2023-06", "--to", "2023-06", "--workspace", workspace.path]).status, 0)
        XCTAssertEqual(try run(["build", "--workspace", workspace.path]).status, 0)
        let after = try String(contentsOf: workspace.appendingPathComponent("Output/acceptance/index.html"), encoding: .utf8)
        XCTAssertTrue(after.contains("v3") && after.contains("运维数据库有变化"), after)
    }

    func testEveryLinkInsideABundleStaysInsideIt() throws {
        try prepareWorkspace()
        let made = try run(["archive", "--from", "2023-06", "--to", "2023-06", "--workspace", workspace.path, "--out", "out"])
        XCTAssertEqual(made.status, 0)
        let bundle = dir.appendingPathComponent("out/acceptance-2023-06_2023-06-v1.zip")
        let unpacked = dir.appendingPathComponent("unpacked")
        XCTAssertEqual(try run(["-q", bundle.path, "-d", unpacked.path], tool: URL(fileURLWithPath: "/usr/bin/unzip")).status, 0)
        let files = try XCTUnwrap(FileManager.default.subpaths(atPath: unpacked.path))
        XCTAssertTrue(files.contains("README.txt") && files.contains("index.html") && files.contains("tickets/index.html"), "\(files)")
        XCTAssertTrue(files.contains("monthly/2023-06.html") && files.contains("assets/style.css"), "\(files)")
        XCTAssertFalse(files.contains { $0.hasPrefix("en/") || $0.hasPrefix("manual/") || $0.hasPrefix("search") }, "\(files)")
        let readme = try String(contentsOf: unpacked.appendingPathComponent("README.txt"), encoding: .utf8)
        XCTAssertTrue(readme.contains("测试运维合同") && readme.contains("TEST-2023-06") && readme.contains("openssl cms -verify"), readme)
        let href = try NSRegularExpression(pattern: ##"(?:href|src)="([^"#]*)[^"]*""##)
        for file in files where file.hasSuffix(".html") {
            let html = try String(contentsOf: unpacked.appendingPathComponent(file), encoding: .utf8)
            for match in href.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                guard !target.isEmpty else { continue }
                let resolved = unpacked.appendingPathComponent(file).deletingLastPathComponent()
                    .appendingPathComponent(target).standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.path),
                              "\(file) links to \(target), which is not in the bundle")
            }
        }
    }

    func testArchiveWithoutAContractSaysWhichKeysToSet() throws {
        try prepareWorkspace(contract: false)
        let r = try run(["archive", "--from", "2023-06", "--to", "2023-06", "--workspace", workspace.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("contract") && r.stderr.contains("archive-ops.yaml"), r.stderr)
        let bad = try run(["archive", "--from", "2023-13", "--to", "2023-06", "--workspace", workspace.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("YYYY-MM"), bad.stderr)
    }

    func testPDFsOfTheMonthlySummaryAreDatedThePeriodEndAndReproducible() throws {
        guard BundlePDFPrinter.find() != nil else { throw XCTSkip("Chromium is not installed") }
        try prepareWorkspace()
        for _ in 0..<2 {
            let r = try run(["archive", "--from", "2023-06", "--to", "2023-06", "--pdf", "--workspace", workspace.path])
            XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        }
        var pdfs: [Data] = []
        for v in 1...2 {
            let bundle = workspace.appendingPathComponent("Acceptance/acceptance-2023-06_2023-06-v\(v).zip")
            let folder = dir.appendingPathComponent("pdf-v\(v)")
            XCTAssertEqual(try run(["-q", bundle.path, "pdf/*", "-d", folder.path], tool: URL(fileURLWithPath: "/usr/bin/unzip")).status, 0)
            pdfs.append(try Data(contentsOf: folder.appendingPathComponent("pdf/monthly-2023-06.pdf")))
            let list = try run(["-l", bundle.path], tool: URL(fileURLWithPath: "/usr/bin/unzip")).stdout
            XCTAssertTrue(list.contains("pdf/service-reports.pdf"), list)
        }
        let text = String(decoding: pdfs[0], as: UTF8.self)
        XCTAssertTrue(text.contains("/CreationDate (D:20230630235959+08'00')"), "PDF dated the period's end")
        XCTAssertFalse(text.contains("file://"), "no host paths inside the PDF")
        XCTAssertEqual(pdfs[0], pdfs[1], "the same period gives the same PDF")
    }
}

/// The central directory offsets the byte comparisons need.
enum BundleVerifyTestsSupport {
    static func localHeaderOffset(of name: String, in b: [UInt8]) -> Int? {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        let e = b.count - 22
        var p = u32(e + 16)
        for _ in 0..<u16(e + 10) {
            let n = u16(p + 28)
            if String(decoding: b[(p + 46)..<(p + 46 + n)], as: UTF8.self) == name { return u32(p + 42) }
            p += 46 + n + u16(p + 30) + u16(p + 32)
        }
        return nil
    }
}
