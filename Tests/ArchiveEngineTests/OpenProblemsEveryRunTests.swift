import Foundation
import XCTest

/// For every finding code: a full run, then three incremental mornings on the unchanged center, report
/// the same open problems — real `sample-center` and `check` processes, as cron runs them.
final class OpenProblemsEveryRunTests: XCTestCase {
    private func problems(_ out: String) throws -> Set<String> {
        var result = Set<String>()
        for line in out.split(separator: "\n").dropFirst() {
            let f = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let key = ["code", "site", "volume", "uscc", "path", "query", "host", "mount"].map { "\(f[$0] ?? "-")" }
            result.insert(key.joined(separator: " "))
        }
        return result
    }

    func testAFullRunThenThreeIncrementalRunsReportTheSameOpenProblemsForEveryCode() throws {
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        let center = w.appendingPathComponent("center")
        let manifest = w.appendingPathComponent("sample-center.json")
        let made = try cli.run(["sample-center", center.path, "--enterprises", "60", "--faults", "2", "--query-days", "3",
                                "--max-pages", "4", "--manifest", manifest.path])
        XCTAssertEqual(made.status, 0, made.err)
        let m = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
        let pem = w.appendingPathComponent("seal.pem")
        try Data(try XCTUnwrap(m["sealCertificatePEM"] as? String).utf8).write(to: pem)
        let at = try XCTUnwrap(m["inspectionTime"] as? String)
        let base = ["check", "--workspace", w.path, "--center", center.path, "--seal-cert", pem.path, "--at", at, "--json"]

        let full = try cli.run(base + ["--full"])
        XCTAssertEqual(full.status, 2, full.err)
        let expected = try problems(full.out)
        let codes = Set(expected.map { String($0.split(separator: " ")[0]) })
        let injected = Set(((m["injected"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String })
        XCTAssertTrue(injected.isSubset(of: codes), "codes never reported by the full run: \(injected.subtracting(codes).sorted())")
        XCTAssertGreaterThanOrEqual(codes.count, 20, "\(codes.sorted())")

        for morning in 1...3 {
            let run = try cli.run(base)
            XCTAssertEqual(run.status, 2, run.err)
            let seen = try problems(run.out)
            XCTAssertEqual(seen.subtracting(expected).sorted(), [], "morning \(morning): new problems on an unchanged center")
            XCTAssertEqual(expected.subtracting(seen).sorted(), [], "morning \(morning): open problems no longer reported")
        }
    }
}
