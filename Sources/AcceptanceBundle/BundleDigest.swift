import Crypto
import Foundation

/// SHA-256 as bundles record it: lowercase hex.
public enum BundleDigest {
    public static func sha256(_ data: Data) -> String { BundleWriter.hex(SHA256.hash(data: data)) }

    /// Of a file, read in 1 MiB chunks.
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return BundleWriter.hex(hasher.finalize())
    }
}
