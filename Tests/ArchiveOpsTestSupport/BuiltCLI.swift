import Foundation
import XCTest

/// The `archive-ops` executable that `swift build --build-tests` puts beside the test bundle, run as
/// a user would run it.
///
/// Locally a missing binary skips the test (someone ran `swift test` on a half-built tree); in CI
/// (`CI=true`) it fails the test, because a suite that silently skips its CLI tests proves nothing.
/// `ARCHIVE_OPS_CLI` names another binary to test.
public enum BuiltCLI {
    /// The folder holding the built products: the test bundle's folder.
    public static var productsDirectory: URL {
        if let executable = try? locate() { return executable.deletingLastPathComponent() }
        return testBundleFolder
    }

    /// The executable, or a skip (locally) / failure (CI) that says how to build it.
    public static func executable() throws -> URL {
        if let found = try locate() { return found }
        let named = ProcessInfo.processInfo.environment["ARCHIVE_OPS_CLI"] ?? ""
        let message = named.isEmpty
            ? "archive-ops 未构建：请先运行 swift build --build-tests（在 \(testBundleFolder.path) 及其上级目录中未找到）"
                + " (archive-ops is not built next to the tests)"
            : "ARCHIVE_OPS_CLI=\(named) 不是可执行文件：请改正或取消该变量 (ARCHIVE_OPS_CLI names no executable)"
        if isCI { throw MissingBuild(message: message) }
        throw XCTSkip(message)
    }

    /// Runs `archive-ops arguments` in `directory`; `user` runs it as that account through setpriv (root only).
    public static func run(_ arguments: [String], in directory: URL? = nil, asUser user: String? = nil,
                           environment: [String: String]? = nil) throws -> CommandResult {
        let exe = try executable()
        guard let user else { return try Subprocess.run(exe, arguments, in: directory, environment: environment) }
        // An operator account, not root: root reads every folder whatever its permissions.
        let group = user == "nobody" ? "nogroup" : user
        return try Subprocess.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                  ["--reuid=\(user)", "--regid=\(group)", "--clear-groups", exe.path] + arguments,
                                  in: directory, environment: environment)
    }

    /// Runs `script` with bash (`set -eo pipefail`, stderr into stdout) in `directory`, `archive-ops` first on PATH.
    /// The timeout only catches a hang: a debug-build demo on a loaded 2-core machine took over 180 s.
    public static func bash(_ script: String, in directory: URL, timeout: TimeInterval = 900) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = productsDirectory.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["LANG"] = "C.UTF-8"
        return try Subprocess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", "set -eo pipefail\nexec 2>&1\n" + script],
                                  in: directory, environment: env, timeout: timeout)
    }

    /// The subcommands `archive-ops --help` lists (its SUBCOMMANDS section, one per line, two spaces in).
    public static func subcommands(in scratch: URL) throws -> [String] {
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

    /// True when the environment says this is a CI run (`CI=true`, as GitHub Actions and most CI set it).
    public static var isCI: Bool {
        ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    struct MissingBuild: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The test bundle's folder (`.build/<triple>/debug/`): on Linux the bundle is the running executable.
    private static var testBundleFolder: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    private static func locate() throws -> URL? {
        let fm = FileManager.default
        if let named = ProcessInfo.processInfo.environment["ARCHIVE_OPS_CLI"], !named.isEmpty {
            return fm.isExecutableFile(atPath: named) ? URL(fileURLWithPath: named) : nil
        }
        var folder = testBundleFolder
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("archive-ops")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
