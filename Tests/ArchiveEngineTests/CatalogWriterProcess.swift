#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// A real writer on a catalog: the `sqlite3` shell in its own process, fed SQL through a pipe and kept
/// open between statements, as the production system's writer holds the catalog.
final class CatalogWriterProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending = Data()

    init(catalog: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            throw XCTSkip("the sqlite3 shell is not installed")
        }
        // Writing to a writer we killed must fail quietly, not end the test process.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-batch", catalog.path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit { kill() }

    /// Sends `sql` and returns once the shell has executed it (it prints a marker afterwards).
    func run(_ sql: String) throws {
        let marker = "ready-\(UUID().uuidString)"
        send(sql + "\nSELECT '\(marker)';\n")
        while !String(decoding: pending, as: UTF8.self).contains(marker) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw NSError(domain: "sqlite3 writer ended before \(marker)", code: 1) }
            pending += chunk
        }
        pending.removeAll()
    }

    /// Sends `sql` without waiting (a stream of transactions the shell works through).
    func send(_ sql: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(sql.utf8))
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// `kill -9`: the writer dies wherever it is, leaving its journal, WAL and locks as a crash would.
    func kill() {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The names of every file and folder under `root`, relative to it (what a run may never add to a center).
func treeListing(_ root: URL) -> [String] {
    let base = root.standardizedFileURL.path
    guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
    return e.compactMap { $0 as? String }.sorted()
}
