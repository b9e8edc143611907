import Foundation

/// Runs a program as a real subprocess, the way an operator or cron would, and collects what it wrote.
///
/// Both pipes are drained on their own threads while the program runs, so a chatty command can never
/// block on a full pipe; a command that outlives `timeout` is terminated and reported with status -1.
public enum Subprocess {
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval = 600) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, keyPath) in [(out, \Collected.stdout), (err, \Collected.stderr)] {
            DispatchQueue.global().async(group: group) {
                collected[keyPath: keyPath] = pipe.fileHandleForReading.readDataToEndOfFile()
            }
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = group.wait(timeout: .now() + 5)
            return CommandResult(status: -1, stdout: "超时 (timed out after \(Int(timeout)) s)\n" + collected.text(\.stdout),
                                 stderr: collected.text(\.stderr))
        }
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: collected.text(\.stdout), stderr: collected.text(\.stderr))
    }

    /// Runs `tool` found on PATH (openssl, pdfsig, pdfinfo …).
    public static func run(tool: String, _ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments, in: directory)
    }

    /// The output read on the pipe threads, handed back after the group finishes.
    private final class Collected: @unchecked Sendable {
        var stdout = Data()
        var stderr = Data()

        func text(_ keyPath: KeyPath<Collected, Data>) -> String { String(decoding: self[keyPath: keyPath], as: UTF8.self) }
    }
}
