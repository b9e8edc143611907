import Foundation

/// Which program made a bundle: the version and the source commit, recorded in manifest.json so that a
/// bundle can be traced to the code that rendered it years later.
///
/// SwiftPM has no build-time hook that sees git without a plugin, so the commit is found at run time:
/// 1. `ARCHIVEOPS_SOURCE_COMMIT`, which a packager sets when building from a tarball;
/// 2. otherwise `git rev-parse HEAD` in the folder holding the executable (a SwiftPM build lives inside
///    its checkout, in `.build/`), with `-dirty` appended when tracked files differ from that commit;
/// 3. otherwise `unknown`.
public enum GeneratorIdentity {
    /// The release this source tree is; bump with each tagged release.
    public static let version = "0.9.0"

    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> BundleManifest.Generator {
        BundleManifest.Generator(version: version, commit: commit(environment: environment))
    }

    static func commit(environment: [String: String]) -> String {
        if let given = environment["ARCHIVEOPS_SOURCE_COMMIT"]?.trimmingCharacters(in: .whitespacesAndNewlines), !given.isEmpty {
            return given
        }
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        guard let head = git(["rev-parse", "HEAD"], in: folder), head.count == 40 else { return "unknown" }
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: folder) ?? ""
        return status.isEmpty ? head : head + "-dirty"
    }

    private static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
