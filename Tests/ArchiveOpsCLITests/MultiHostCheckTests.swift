import ArchiveAnalysis
import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// A center inspected by several hosts: each host holds the catalog and only its own sites' stores, runs
/// `check --site ID --json` as a real subprocess, and the center's host imports the JSON lines. The merged
/// result must be exactly the findings of one run over the whole center, in the same order.
final class MultiHostCheckTests: XCTestCase {
    private let at = "2023-06-30T07:30:00+08:00"

    func testPartitionedRunsImportedOnTheCenterHostEqualOneRunOverTheWholeCenter() throws {
        let scratch = try ScratchFolder(prefix: "multihost")
        let center = scratch.file("center")
        assertCommand(try BuiltCLI.run(["sample-center", center.path, "--enterprises", "60", "--seed", "multihost",
                                        "--query-days", "2", "--max-pages", "3"]), exits: 0)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.file("sample-center.json"))) as? [String: Any]
        let pem = try scratch.write("seal.pem", Data(((manifest?["sealCertificatePEM"] as? String) ?? "").utf8))
        let sites = try DatabaseQueue(path: center.appendingPathComponent("catalog.sqlite").path)
            .read { try Row.fetchAll($0, sql: "SELECT id, root FROM site ORDER BY id") }
            .map { (id: $0["id"] as String, root: $0["root"] as String) }
        let branches = sites.map(\.id).filter { $0 != "processing" && $0 != "dc" && $0 != "offsite" }
        XCTAssertGreaterThan(branches.count, 2)
        // Four hosts: the processing center with the data center, the offsite copy, and two halves of the branches.
        let half = branches.count / 2
        let hosts: [[String]] = [["processing", "dc"], ["offsite"], Array(branches[..<half]), Array(branches[half...])]

        let whole = try BuiltCLI.run(["check", "--workspace", scratch.file("ws-whole").path, "--center", center.path,
                                      "--seal-cert", pem.path, "--at", at, "--json"])
        XCTAssertEqual(whole.status, 2, whole.transcript)
        let wholeStore = try Workspace(root: scratch.file("ws-whole")).openStore()
        let wholeRun = try XCTUnwrap(try wholeStore.inspectionRuns().last)
        let wholeFindings = try wholeStore.findings(ofRun: wholeRun.id)
        XCTAssertEqual(Set(wholeFindings.compactMap(\.site)).isSuperset(of: ["processing", "dc", "offsite"]), true)

        var files: [URL] = []
        for (n, ids) in hosts.enumerated() {
            // The host's own copy: the catalog and its sites' stores, nothing else.
            let mine = scratch.file("host-\(n)/center")
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: center.appendingPathComponent("catalog.sqlite"),
                                             to: mine.appendingPathComponent("catalog.sqlite"))
            for site in sites where ids.contains(site.id) {
                let target = mine.appendingPathComponent(site.root)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: center.appendingPathComponent(site.root), to: target)
            }
            let result = try BuiltCLI.run(["check", "--workspace", scratch.file("host-\(n)/ws").path, "--center", mine.path,
                                           "--seal-cert", pem.path, "--at", at, "--json"] + ids.flatMap { ["--site", $0] })
            XCTAssertTrue([0, 1, 2].contains(result.status), result.transcript)
            XCTAssertFalse(result.stderr.contains("UNKNOWN"), "a host reads only its own stores: " + result.stderr)
            let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((result.stdout.split(separator: "\n").first ?? "").utf8))
                                       as? [String: Any])
            XCTAssertEqual((header["run"] as? [String: Any])?["sites"] as? [String], ids.sorted())
            files.append(try scratch.write("host-\(n).jsonl", Data(result.stdout.utf8)))
        }

        let centerWorkspace = scratch.file("ws-center")
        assertCommand(try BuiltCLI.run(["init", "--workspace", centerWorkspace.path]), exits: 0)
        for file in files {
            assertCommand(try BuiltCLI.run(["import", "inspections", file.path, "--workspace", centerWorkspace.path]), exits: 0)
        }
        let store = try Workspace(root: centerWorkspace).openStore()
        let merged = CurrentInspection.make(try InspectionHistory.load(from: store))
        XCTAssertEqual(merged.runs.count, hosts.count)
        XCTAssertEqual(Set(merged.runs.flatMap { $0.sites ?? [] }), Set(sites.map(\.id)))
        XCTAssertEqual(merged.findings, wholeFindings, "merged partitions differ from the whole run")
        XCTAssertEqual(merged.missing.map(\.site), [])
        // Without one host's result the merged findings lack exactly that host's sites' problems.
        let history = try InspectionHistory.load(from: store)
        let lastHost = try XCTUnwrap(history.runs.first { $0.sites == hosts[3].sorted() })
        let partial = CurrentInspection.make(InspectionHistory(runs: history.runs.filter { $0.id != lastHost.id },
                                                               findings: history.findings))
        XCTAssertEqual(partial.findings, wholeFindings.filter { f in !(f.site.map(hosts[3].contains) ?? false) })

        // Importing the same files again changes nothing.
        for file in files {
            let again = try BuiltCLI.run(["import", "inspections", file.path, "--workspace", centerWorkspace.path])
            assertCommand(again, exits: 0)
        }
        XCTAssertEqual(try store.inspectionRuns().count, hosts.count)

        // A site id the catalog does not know is refused with the known ones listed.
        let unknown = try BuiltCLI.run(["check", "--workspace", scratch.file("ws-x").path, "--center", center.path,
                                        "--at", at, "--site", "branch-nowhere"])
        XCTAssertEqual(unknown.status, 3)
        XCTAssertTrue(unknown.stderr.contains("branch-nowhere") && unknown.stderr.contains("offsite"), unknown.stderr)
    }
}
