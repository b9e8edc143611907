import ArchiveEngine
import Foundation
import XCTest

/// `archive-ops compare` (数据迁移核对) on generated pairs of centers with known differences: what it
/// reports must be exactly what was injected, identical trees report nothing, neither tree is touched, and
/// a comparison killed with SIGKILL resumes to the same result as an uninterrupted one.
final class CompareCommandTests: XCTestCase {
    private func scratch() throws -> URL {
        let s = try ScratchFolder(prefix: "compare")
        addTeardownBlock { withExtendedLifetime(s) {} }
        return s.url
    }

    /// A sample center at `dir/old` and a byte- and mtime-identical copy at `dir/new`.
    private func centerPair(_ dir: URL, enterprises: Int = 24) throws {
        assertCommand(try BuiltCLI.bash("""
            archive-ops sample-center old --enterprises \(enterprises) --faults none --seed compare >/dev/null
            cp -a old new
            archive-ops init --workspace ws >/dev/null
            """, in: dir), exits: 0)
    }

    /// Path, size, mtime and SHA-256 of every entry: what "unchanged" means for a side.
    private func treeState(_ dir: URL) throws -> String {
        let r = try BuiltCLI.bash("cd \(dir.path) && find . -printf '%p %s %T@ %m\\n' | sort"
                                  + " && find . -type f -print0 | sort -z | xargs -0 sha256sum", in: dir)
        XCTAssertEqual(r.status, 0, r.output)
        return r.stdout
    }

    private struct Line: Decodable, Hashable {
        let code: String
        let path: String?
        let new_path: String?
        let cause: String?
    }

    private func differences(_ stdout: String) throws -> [Line] {
        try stdout.split(separator: "\n").dropFirst().map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    private func header(_ stdout: String) throws -> [String: Any] {
        let first = stdout.split(separator: "\n").first.map(String.init) ?? "{}"
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        return object?["comparison"] as? [String: Any] ?? [:]
    }

    /// The enterprise folders of the dc store, sorted, and the first one with a sealed first volume.
    private func enterprises(_ store: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
    }

    func testIdenticalCentersReportNothingAndStayUntouched() throws {
        let dir = try scratch()
        try centerPair(dir)
        let before = (try treeState(dir.appendingPathComponent("old")), try treeState(dir.appendingPathComponent("new")))
        let result = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json"], in: dir)
        assertCommand(result, exits: 0, stderrIsEmpty: true)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, "only the header line: " + result.stdout)
        let h = try header(result.stdout)
        XCTAssertEqual(h["status"] as? String, "OK")
        XCTAssertGreaterThan(h["files"] as? Int ?? 0, 100)
        XCTAssertEqual(try treeState(dir.appendingPathComponent("old")), before.0)
        XCTAssertEqual(try treeState(dir.appendingPathComponent("new")), before.1)
        let text = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws"], in: dir)
        assertCommand(text, exits: 0, stdoutContains: ["数据迁移核对 OK：两侧一致"])
    }

    func testEveryInjectedKindOfDifferenceIsReportedExactlyOnceWithItsCause() throws {
        let dir = try scratch()
        try centerPair(dir, enterprises: 40)
        let fm = FileManager.default
        let dc = dir.appendingPathComponent("new/stores/dc")
        // Enterprise folders with a sealed first volume and letters in the code, so every injection has a target.
        let all = try enterprises(dc)
        let sealed = all.filter { fm.fileExists(atPath: dc.appendingPathComponent("\($0)/001/volume.sealed.pdf").path) }
        let lettered = sealed.filter { $0.contains { $0.isLetter } }
        XCTAssertGreaterThanOrEqual(sealed.count, 10)
        XCTAssertGreaterThanOrEqual(lettered.count, 1)
        let u = sealed.filter { $0 != lettered[0] }
        let caseFolder = lettered[0]
        func p(_ s: String) -> String { dc.appendingPathComponent(s).path }
        var expected = Set<Line>()

        try fm.removeItem(atPath: p("\(u[0])/001"))
        expected.insert(Line(code: "compare.volume_missing", path: "\(u[0])/001", new_path: nil, cause: nil))

        try fm.moveItem(atPath: p("\(u[1])/001"), toPath: p("\(u[2])/009"))
        expected.insert(Line(code: "compare.volume_moved", path: "\(u[1])/001", new_path: "\(u[2])/009", cause: "moved_uscc"))

        try fm.moveItem(atPath: p("\(u[3])/001/page-0001.jpg"), toPath: p("\(u[3])/001/PAGE-0001.JPG"))
        expected.insert(Line(code: "compare.file_renamed", path: "\(u[3])/001/page-0001.jpg", new_path: "\(u[3])/001/PAGE-0001.JPG",
                             cause: "case_change"))

        let page2 = try Data(contentsOf: URL(fileURLWithPath: p("\(u[4])/001/page-0002.jpg")))
        try page2.prefix(page2.count / 2).write(to: URL(fileURLWithPath: p("\(u[4])/001/page-0002.jpg")))
        expected.insert(Line(code: "compare.file_changed", path: "\(u[4])/001/page-0002.jpg", new_path: nil, cause: "truncated"))

        // Another genuine JPEG of a different size: what an image "optimiser" leaves behind.
        let other = try Data(contentsOf: URL(fileURLWithPath: p("\(u[6])/001/page-0001.jpg")))
        let original = try Data(contentsOf: URL(fileURLWithPath: p("\(u[5])/001/page-0001.jpg")))
        XCTAssertNotEqual(other.count, original.count)
        try other.write(to: URL(fileURLWithPath: p("\(u[5])/001/page-0001.jpg")))
        expected.insert(Line(code: "compare.file_changed", path: "\(u[5])/001/page-0001.jpg", new_path: nil, cause: "reencoded_image"))

        // The sealed copy replaced by the unsealed e-file (a "re-save" that drops the signature).
        try fm.removeItem(atPath: p("\(u[5])/001/volume.sealed.pdf"))
        try fm.copyItem(atPath: p("\(u[5])/001/volume.pdf"), toPath: p("\(u[5])/001/volume.sealed.pdf"))
        expected.insert(Line(code: "compare.file_changed", path: "\(u[5])/001/volume.sealed.pdf", new_path: nil, cause: "seal_lost"))

        let metadata = try String(contentsOfFile: p("\(u[6])/001/metadata.xml"), encoding: .utf8)
        try metadata.replacingOccurrences(of: "<seq>1</seq>", with: "<seq>7</seq>").write(toFile: p("\(u[6])/001/metadata.xml"),
                                                                                            atomically: false, encoding: .utf8)
        expected.insert(Line(code: "compare.file_changed", path: "\(u[6])/001/metadata.xml", new_path: nil, cause: "metadata_changed"))

        try Data("x".utf8).write(to: URL(fileURLWithPath: p("\(u[7])/001/Thumbs.db")))
        expected.insert(Line(code: "compare.file_extra", path: "\(u[7])/001/Thumbs.db", new_path: nil, cause: nil))
        try fm.removeItem(atPath: p("\(u[7])/001/page-0003.jpg"))
        expected.insert(Line(code: "compare.file_missing", path: "\(u[7])/001/page-0003.jpg", new_path: nil, cause: nil))

        // Same size, one byte flipped: corruption, not a re-encoding.
        var pdf = try Data(contentsOf: URL(fileURLWithPath: p("\(u[8])/001/volume.pdf")))
        pdf[pdf.count / 2] ^= 0x01
        try pdf.write(to: URL(fileURLWithPath: p("\(u[8])/001/volume.pdf")))
        expected.insert(Line(code: "compare.file_changed", path: "\(u[8])/001/volume.pdf", new_path: nil, cause: "content_changed"))

        try fm.createDirectory(atPath: p("\(u[9])/050"), withIntermediateDirectories: false)
        try Data("<x/>".utf8).write(to: URL(fileURLWithPath: p("\(u[9])/050/metadata.xml")))
        expected.insert(Line(code: "compare.volume_extra", path: "\(u[9])/050", new_path: nil, cause: nil))

        // A whole enterprise folder whose code lost its capitals (a trip through a case-insensitive share).
        let lower = caseFolder.lowercased()
        try fm.moveItem(atPath: p(caseFolder), toPath: p(lower + ".tmp"))
        try fm.moveItem(atPath: p(lower + ".tmp"), toPath: p(lower))
        for seq in try fm.contentsOfDirectory(atPath: p(lower)).sorted() {
            expected.insert(Line(code: "compare.volume_moved", path: "\(caseFolder)/\(seq)", new_path: "\(lower)/\(seq)",
                                 cause: "case_change"))
        }

        // The new catalog lost one volume's row.
        let query = "SELECT id || ' ' || uscc || '/' || printf('%03d', seq) FROM volume WHERE uscc = '\(u[10])' AND seq = 1"
        let lostVolume = try BuiltCLI.bash("sqlite3 old/catalog.sqlite \"\(query)\"", in: dir).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        XCTAssertEqual(lostVolume.count, 2)
        let delete = "DELETE FROM volume WHERE id = '\(lostVolume[0])'"
        assertCommand(try BuiltCLI.bash("sqlite3 new/catalog.sqlite \"\(delete)\"", in: dir), exits: 0)
        expected.insert(Line(code: "compare.catalog_missing", path: String(lostVolume[1]), new_path: nil, cause: nil))

        let before = (try treeState(dir.appendingPathComponent("old")), try treeState(dir.appendingPathComponent("new")))
        let result = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json"], in: dir)
        XCTAssertEqual(result.status, 2, result.output)
        let reported = try differences(result.stdout)
        XCTAssertEqual(reported.count, Set(reported).count, "each difference once: " + result.stdout)
        XCTAssertEqual(Set(reported).subtracting(expected), [], "reported but not injected")
        XCTAssertEqual(expected.subtracting(Set(reported)), [], "injected but not reported")
        XCTAssertEqual(try treeState(dir.appendingPathComponent("old")), before.0, "the old side is untouched")
        XCTAssertEqual(try treeState(dir.appendingPathComponent("new")), before.1, "the new side is untouched")

        // One worker or several: the same differences, in the same order.
        let serial = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json", "--jobs", "1", "--restart"], in: dir)
        let parallel = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json", "--jobs", "3", "--restart"], in: dir)
        XCTAssertEqual(serial.stdout.split(separator: "\n").dropFirst(), result.stdout.split(separator: "\n").dropFirst())
        XCTAssertEqual(parallel.stdout.split(separator: "\n").dropFirst(), result.stdout.split(separator: "\n").dropFirst())

        let text = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws"], in: dir)
        assertCommand(text, exits: 2, stdoutContains: ["复制被截断", "图像被重新编码", "签章 PDF 失去有效签章",
                                                       "移到了另一个统一社会信用代码下", "名称大小写变化", "处理 (what to do)"])
    }

    func testOneStoreAgainstAnotherWithItsCatalog() throws {
        let dir = try scratch()
        try centerPair(dir)
        let dc = dir.appendingPathComponent("new/stores/dc")
        let first = try enterprises(dc)[0]
        try FileManager.default.removeItem(at: dc.appendingPathComponent("\(first)/001/metadata.xml"))
        let result = try BuiltCLI.run(["compare", "old/stores/dc", "new/stores/dc", "--catalog", "old/catalog.sqlite", "--site", "dc",
                                       "--workspace", "ws", "--json"], in: dir)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertEqual(try differences(result.stdout), [Line(code: "compare.file_missing", path: "\(first)/001/metadata.xml",
                                                             new_path: nil, cause: nil)])
        let noCatalog = try BuiltCLI.run(["compare", "old/stores/dc", "new/stores/dc", "--workspace", "ws"], in: dir)
        assertCommand(noCatalog, exits: 3, stderrContains: ["--old-catalog"])
    }

    func testAComparisonKilledMidwayResumesToTheSameResultAsAnUninterruptedOne() throws {
        let dir = try scratch()
        try centerPair(dir, enterprises: 60)
        let dc = dir.appendingPathComponent("new/stores/dc")
        let folders = try enterprises(dc)
        try FileManager.default.removeItem(at: dc.appendingPathComponent("\(folders[3])/001"))
        try FileManager.default.removeItem(at: dc.appendingPathComponent("\(folders.last!)/001/page-0001.jpg"))
        assertCommand(try BuiltCLI.bash("archive-ops init --workspace ws2 >/dev/null", in: dir), exits: 0)

        let uninterrupted = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws2", "--json"], in: dir)
        XCTAssertEqual(uninterrupted.status, 2, uninterrupted.output)

        // Slow enough to be caught halfway; killed with SIGKILL once a batch is committed.
        let killed = try BuiltCLI.bash("""
            archive-ops compare old new --workspace ws --json --max-read-mbps 1 > /dev/null 2>&1 &
            pid=$!
            for i in $(seq 1 600); do
              n=$(sqlite3 ws/archive-ops.sqlite "SELECT count(*) FROM comparison_unit" 2>/dev/null || echo 0)
              if [ "${n:-0}" -gt 0 ]; then break; fi
              sleep 0.1
            done
            kill -9 $pid
            wait $pid || true
            sqlite3 ws/archive-ops.sqlite "SELECT count(*) FROM comparison WHERE finished_at IS NULL"
            sqlite3 ws/archive-ops.sqlite "SELECT count(*) FROM comparison_unit"
            """, in: dir)
        let counts = killed.stdout.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(counts.first, 1, "one unfinished comparison left by the kill: " + killed.output)
        XCTAssertGreaterThan(counts.last ?? 0, 0)

        let resumed = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json"], in: dir)
        XCTAssertEqual(resumed.status, 2, resumed.output)
        XCTAssertEqual(try header(resumed.stdout)["resumed"] as? Bool, true)
        XCTAssertEqual(resumed.stdout.split(separator: "\n").dropFirst(), uninterrupted.stdout.split(separator: "\n").dropFirst())
        for key in ["files", "volumes", "enterprise_folders", "differences"] {
            XCTAssertEqual(try header(resumed.stdout)[key] as? Int, try header(uninterrupted.stdout)[key] as? Int, key)
        }
        let again = try BuiltCLI.run(["compare", "old", "new", "--workspace", "ws", "--json"], in: dir)
        XCTAssertEqual(try header(again.stdout)["resumed"] as? Bool, false, "a finished comparison is not resumed again")
    }
}
