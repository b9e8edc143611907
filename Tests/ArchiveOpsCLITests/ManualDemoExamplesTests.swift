import Foundation
import SiteBuilder
import XCTest

/// The manuals are tested by following them: every `bash demo` block of every chapter is run, in order,
/// in a scratch folder with the freshly built `archive-ops`, exactly as a trainee would type it.
///
/// A block that calls an `archive-ops` subcommand this build does not have (another part of the system
/// not merged yet) is reported and left out together with the rest of its page, since later blocks build
/// on earlier ones; every block that runs must succeed.
final class ManualDemoExamplesTests: XCTestCase {
    /// `archive-ops NAME` occurrences in a block.
    private func subcommands(in code: String) -> [String] {
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "(" || $0 == ";" })
        var names: [String] = []
        for (i, w) in words.enumerated() where w == "archive-ops" && i + 1 < words.count {
            let next = String(words[i + 1])
            if !next.hasPrefix("-") { names.append(next) }
        }
        return names
    }

    func testEveryRunnableExampleInTheManualsWorksOnTheDemo() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: ManualCLIRunner.executable.path),
                      "archive-ops not built at \(ManualCLIRunner.executable.path)")
        let training = ManualCLIRunner.repositoryRoot.appendingPathComponent("Content/training")
        let files = try FileManager.default.contentsOfDirectory(atPath: training.path).filter { $0.hasSuffix(".md") }.sorted()
        let probe = FileManager.default.temporaryDirectory
        let commands = Set(try ManualCLIRunner.subcommands(in: probe))
        XCTAssertTrue(commands.contains("build"), "archive-ops --help lists its subcommands")
        var ran = 0
        var skipped: [String] = []
        for file in files {
            let text = try String(contentsOf: training.appendingPathComponent(file), encoding: .utf8)
            let blocks = try ManualExamples.blocks(in: text, file: file)
            guard !blocks.isEmpty else { continue }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("manual-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            for (i, block) in blocks.enumerated() {
                let missing = subcommands(in: block.code).filter { !commands.contains($0) }
                if !missing.isEmpty {
                    skipped.append("\(file):\(block.line) 起 \(blocks.count - i) 个示例 (archive-ops \(missing.joined(separator: ", ")))")
                    break
                }
                let result = try ManualCLIRunner.bash(block.code, in: scratch)
                XCTAssertEqual(result.status, 0, "Content/training/\(file) 第 \(block.line) 行的示例命令失败:\n\(block.code)\n输出:\n\(result.output)")
                ran += 1
            }
        }
        if !skipped.isEmpty {
            print("本构建中没有的命令，以下示例未运行 (examples using commands this build lacks):\n  " + skipped.joined(separator: "\n  "))
        }
        XCTAssertGreaterThanOrEqual(ran, 6, "the manuals' examples for init, demo, build and backup must run")
    }

    func testTheBrokenLinkExerciseFailsWithTheMessageTheCourseShows() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("manual-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try ManualCLIRunner.bash("""
            mkdir -p ws/Content/training
            printf -- '---\\ntitle: 我的练习页\\norder: 99\\naudience: 新员工\\n---\\n\\n## 值班记录 {#duty}\\n\\n今天的巡检请参阅[日常巡检](daily-check.md)。\\n' > ws/Content/training/practice.md
            archive-ops build --workspace ws
            """, in: scratch)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("practice.md 第 9 行"), result.output)
        XCTAssertTrue(result.output.contains("daily-check.md"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("ws/Output/index.html").path),
                       "nothing is published by a failed build")
    }
}
