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
        XCTAssertNoThrow(try BuiltCLI.executable(), "archive-ops not built next to the tests")
        let training = TestFixtures.repositoryRoot.appendingPathComponent("Content/training")
        let files = try FileManager.default.contentsOfDirectory(atPath: training.path).filter { $0.hasSuffix(".md") }.sorted()
        let probe = FileManager.default.temporaryDirectory
        let commands = Set(try BuiltCLI.subcommands(in: probe))
        XCTAssertTrue(commands.contains("build"), "archive-ops --help lists its subcommands")
        var ran = 0
        var skipped: [String] = []
        for file in files {
            let text = try String(contentsOf: training.appendingPathComponent(file), encoding: .utf8)
            let blocks = try ManualExamples.blocks(in: text, file: file)
            guard !blocks.isEmpty else { continue }
            let scratch = try ScratchFolder(prefix: "manual-demo")
            for (i, block) in blocks.enumerated() {
                let missing = subcommands(in: block.code).filter { !commands.contains($0) }
                if !missing.isEmpty {
                    skipped.append("\(file):\(block.line) 起 \(blocks.count - i) 个示例 (archive-ops \(missing.joined(separator: ", ")))")
                    break
                }
                let result = try BuiltCLI.bash(block.code, in: scratch.url)
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
        let scratch = try ScratchFolder(prefix: "manual-demo")
        let result = try BuiltCLI.bash("""
            mkdir -p ws/Content/training
            printf -- '---\\ntitle: 我的练习页\\norder: 99\\naudience: 新员工\\n---\\n\\n## 值班记录 {#duty}\\n\\n\
            今天的巡检请参阅[日常巡检](daily-check.md)。\\n' > ws/Content/training/practice.md
            archive-ops build --workspace ws
            """, in: scratch.url)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("practice.md 第 9 行"), result.output)
        XCTAssertTrue(result.output.contains("daily-check.md"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.file("ws/Output/index.html").path),
                       "nothing is published by a failed build")
    }
}
