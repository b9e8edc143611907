import Foundation

/// A temporary folder removed when the test ends (when the last reference goes).
public final class ScratchFolder {
    public let url: URL

    public init(prefix: String = "archive-ops-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> URL {
        let u = file(name)
        try data.write(to: u)
        return u
    }

    /// Copies a checked-in fixture file into the folder (so files a command writes beside it land here).
    @discardableResult
    public func copy(_ source: URL, as name: String? = nil) throws -> URL {
        let target = file(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
