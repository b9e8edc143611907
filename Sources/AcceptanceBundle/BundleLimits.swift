/// How much a verifier is willing to read before it calls a ZIP hostile. A year of reports is a few
/// tens of megabytes; these limits are far above that and far below what would exhaust a server.
public struct BundleLimits: Sendable {
    /// Most entries a bundle may have.
    public var maxEntries = 200_000
    /// Largest central directory read into memory.
    public var maxCentralDirectoryBytes = 64 << 20
    /// Largest declared uncompressed size of one entry.
    public var maxEntryBytes: UInt64 = 512 << 20
    /// Largest sum of declared uncompressed sizes.
    public var maxTotalBytes: UInt64 = 8 << 30
    /// Highest uncompressed/compressed ratio of an entry over 1 MiB; deflate of real pages stays below 50.
    public var maxCompressionRatio: UInt64 = 200
    /// Largest manifest.json and manifest.sig read into memory.
    public var maxManifestBytes = 32 << 20
    public var maxSignatureBytes = 1 << 20
    /// Read and inflate in chunks of this size.
    public var chunkSize = 64 << 10

    public init() {}
}
