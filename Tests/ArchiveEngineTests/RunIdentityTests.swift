@testable import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// Every run keeps its own id: checks started in the same second, and imported runs, never replace one
/// another's findings, and importing the same file twice changes nothing.
final class RunIdentityTests: XCTestCase {
    private func header(_ out: String) throws -> [String: Any] {
        let first = String(out.split(separator: "\n").first ?? "")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        return try XCTUnwrap(object["run"] as? [String: Any])
    }

    func testTwoChecksStartedInTheSameSecondKeepTwoRunsWithAllTheirFindings() throws {
        let cli = try CLIProcess()
        let f = try standardFixture()
        try FileManager.default.removeItem(at: f.folder("branch-humen", "V001"))
        let w = try temporaryWorkspace(self)
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        let args = ["check", "--workspace", w.path, "--center", f.root.path, "--only", "sync", "--full", "--json",
                    "--at", "2023-06-30 07:30"]
        // Start both just after a second begins, so that they start within the same second.
        let now = Date().timeIntervalSince1970
        usleep(useconds_t((1 - (now - now.rounded(.down))) * 1_000_000) + 20_000)
        let a = try cli.start(args), b = try cli.start(args)
        let ra = a.wait(), rb = b.wait()
        XCTAssertEqual(ra.status, 2, ra.err)
        XCTAssertEqual(rb.status, 2, rb.err)
        let ids = [try header(ra.out)["id"] as? String, try header(rb.out)["id"] as? String]
        XCTAssertNotEqual(ids[0], ids[1])

        let store = try Workspace(root: w).openStore()
        let runs = try store.inspectionRuns()
        XCTAssertEqual(runs.count, 2)
        for run in runs {
            XCTAssertEqual(try store.findings(ofRun: run.id).map(\.code), ["sync.missing"], run.id)
        }
    }

    func testAnImportedRunNeverReplacesALocalRunAndImportsStayIdempotent() throws {
        let cli = try CLIProcess()
        let f = try standardFixture()
        try FileManager.default.removeItem(at: f.folder("branch-humen", "V001"))
        let w = try temporaryWorkspace(self)
        let local = try cli.run(["check", "--workspace", w.path, "--center", f.root.path, "--only", "sync", "--json",
                                 "--at", "2023-06-30 07:30"])
        XCTAssertEqual(local.status, 2, local.err)
        let run = try header(local.out)
        // A one-line file whose header matches the local run's host, start and center.
        var imported = run
        imported.removeValue(forKey: "id")
        let line = String(decoding: try JSONSerialization.data(withJSONObject: ["run": imported], options: [.sortedKeys]), as: UTF8.self)
        let file = w.appendingPathComponent("other-host.jsonl")
        try Data((line + "\n").utf8).write(to: file)

        // Imported twice in a row, then twice at the same time by two processes.
        for _ in 0..<2 {
            let r = try cli.run(["import", "inspections", "--workspace", w.path, file.path])
            XCTAssertEqual(r.status, 0, r.out + r.err)
        }
        let p = try cli.start(["import", "inspections", "--workspace", w.path, file.path])
        let q = try cli.start(["import", "inspections", "--workspace", w.path, file.path])
        XCTAssertEqual(p.wait().status, 0)
        XCTAssertEqual(q.wait().status, 0)

        let store = try Workspace(root: w).openStore()
        let runs = try store.inspectionRuns()
        XCTAssertEqual(runs.count, 2, "\(runs.map(\.id))")
        let localRun = try XCTUnwrap(runs.first { $0.source == "local" })
        XCTAssertEqual(localRun.id, run["id"] as? String)
        XCTAssertEqual(try store.findings(ofRun: localRun.id).map(\.code), ["sync.missing"], "the local run keeps its findings")
        let importedRun = try XCTUnwrap(runs.first { $0.source == "import" })
        XCTAssertNotEqual(importedRun.id, localRun.id)
        XCTAssertEqual(try store.findings(ofRun: importedRun.id), [])
    }
}
