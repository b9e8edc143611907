#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// The built `archive-ops` run as a real subprocess (monitoring, cron and operators run it this way).
struct CLIProcess {
    let binary: URL

    init() throws {
        // ARCHIVEOPS_CLI points the tests at another build (e.g. to show a test fails on an older binary).
        if let other = ProcessInfo.processInfo.environment["ARCHIVEOPS_CLI"] {
            binary = URL(fileURLWithPath: other)
            return
        }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("archive-ops"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/archive-ops"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("archive-ops is not built next to the tests (run swift build --build-tests)")
        }
        binary = found
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
        var killed: Bool = false
    }

    /// Starts the command; `wait` collects its output and status.
    final class Running {
        let process = Process()
        private let out = Pipe(), err = Pipe()
        private var outData = Data(), errData = Data()
        private let group = DispatchGroup()

        init(_ binary: URL, _ arguments: [String], directory: URL? = nil) throws {
            process.executableURL = binary
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading, e = err.fileHandleForReading
            DispatchQueue.global().async(group: group) { self.outData = o.readDataToEndOfFile() }
            DispatchQueue.global().async(group: group) { self.errData = e.readDataToEndOfFile() }
        }

        func wait() -> Result {
            process.waitUntilExit()
            group.wait()
            return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                          err: String(decoding: errData, as: UTF8.self),
                          killed: process.terminationReason == .uncaughtSignal)
        }

        func kill9() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    func start(_ arguments: [String], directory: URL? = nil) throws -> Running {
        try Running(binary, arguments, directory: directory)
    }

    func run(_ arguments: [String], directory: URL? = nil) throws -> Result {
        try start(arguments, directory: directory).wait()
    }
}

/// A fresh, empty workspace folder removed after the test.
func temporaryWorkspace(_ test: XCTestCase) throws -> URL {
    let w = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: w, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: w) }
    return w
}
