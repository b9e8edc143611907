import Foundation
import XCTest

/// Runs the built `archive-ops` (and shell snippets using it) as a user would, for the manual tests.
enum ManualCLIRunner {
    /// The folder holding the built products (`archive-ops` beside the test bundle).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var executable: URL { productsDirectory.appendingPathComponent("archive-ops") }

    /// The repository root, for the Markdown sources of the manuals.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The subcommands `archive-ops --help` lists (its SUBCOMMANDS section, one per line, two spaces in).
    static func subcommands(in scratch: URL) throws -> [String] {
        let help = try bash("archive-ops --help", in: scratch).output
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = line.split(separator: " ").first else { continue }
            names.append(String(first))
        }
        return names
    }

    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs `script` with bash (`set -eo pipefail`) in `directory`, `archive-ops` first on PATH.
    static func bash(_ script: String, in directory: URL, timeout: TimeInterval = 180) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -eo pipefail\n" + script]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = productsDirectory.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["LANG"] = "C.UTF-8"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let done = DispatchSemaphore(value: 0)
        let collected = Collected()
        DispatchQueue.global().async {
            collected.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        if done.wait(timeout: deadline) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            return Result(status: -1, output: "超时 (timed out after \(Int(timeout)) s)\n" + String(decoding: collected.data, as: UTF8.self))
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: collected.data, as: UTF8.self))
    }

    /// The output read on another thread, handed back after the semaphore.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
