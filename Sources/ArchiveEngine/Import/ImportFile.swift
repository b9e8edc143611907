import Crypto
import Foundation

/// An input file as the importers see it: its bytes and their SHA-256 (the audit trail proves which
/// exact file was imported), read with errors that name the file.
public struct ImportFile: Sendable {
    public let url: URL
    public let data: Data
    public let sha256: String

    /// Reads the whole file. Import files other than the query log are small (a year of tickets is well
    /// under a megabyte); the query log is streamed from SQLite and hashed with ``sha256(ofFileAt:)``.
    public init(url: URL) throws {
        try Self.checkReadable(url)
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError.unreadable(url.path, error.localizedDescription)
        }
        self.url = url
        sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Fails with the operator's message when `url` is missing or a folder.
    public static func checkReadable(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError.fileNotFound(url.path)
        }
        if isDirectory.boolValue { throw ImportError.isDirectory(url.path) }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ImportError.unreadable(url.path, "没有读取权限 (permission denied)")
        }
    }

    /// SHA-256 of a file of any size, read in 1 MiB chunks so memory stays flat.
    public static func sha256(ofFileAt url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError.unreadable(url.path, "无法打开 (cannot open)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// True when the file starts with SQLite's 16-byte header.
    public static func isSQLite(_ url: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\0".utf8)
    }
}
