import Foundation

/// One difference between the old and the new copy found by `archive-ops compare`: what differs, where on
/// each side, why when the engine can tell, and the sizes and hashes it saw. `compare --json` prints one
/// per line, keys sorted; paths are relative to the site's store root on each side.
public struct ComparisonDifference: Codable, Hashable, Sendable {
    public var code: String
    public var severity: Severity
    /// The site whose stores were compared (the old side's id), nil for catalog differences.
    public var site: String?
    public var volume: String?
    public var uscc: String?
    /// Where the old side holds it (for an extra, where the new side does).
    public var path: String?
    /// Where the new side holds it when that is elsewhere (a moved volume, a renamed file).
    public var newPath: String?
    public var cause: ComparisonCause?
    /// Human text, Chinese first.
    public var detail: String
    public var oldBytes: Int64?
    public var newBytes: Int64?
    public var oldSHA256: String?
    public var newSHA256: String?
    /// Identity of a whole volume folder (SHA-256 of its metadata.xml), used to recognise a moved volume
    /// across enterprise folders; never printed.
    var signature: String?
    /// `uscc/seq` as the folder's metadata.xml names it; never printed.
    var claims: String?

    public init(code: ComparisonCode, severity: Severity? = nil, site: String?, volume: String? = nil,
                uscc: String? = nil, path: String? = nil, newPath: String? = nil, cause: ComparisonCause? = nil,
                detail: String, oldBytes: Int64? = nil, newBytes: Int64? = nil, oldSHA256: String? = nil,
                newSHA256: String? = nil) {
        self.code = code.rawValue
        self.severity = severity ?? code.definition.severity
        self.site = site; self.volume = volume; self.uscc = uscc; self.path = path; self.newPath = newPath
        self.cause = cause; self.detail = detail; self.oldBytes = oldBytes; self.newBytes = newBytes
        self.oldSHA256 = oldSHA256; self.newSHA256 = newSHA256
    }

    enum CodingKeys: String, CodingKey {
        case code, severity, site, volume, uscc, path, cause, detail, signature, claims
        case newPath = "new_path", oldBytes = "old_bytes", newBytes = "new_bytes"
        case oldSHA256 = "old_sha256", newSHA256 = "new_sha256"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        // Like a finding: site, volume and uscc are explicit nulls.
        try c.encode(site, forKey: .site)
        try c.encode(volume, forKey: .volume)
        try c.encode(uscc, forKey: .uscc)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(newPath, forKey: .newPath)
        try c.encodeIfPresent(cause, forKey: .cause)
        try c.encode(detail, forKey: .detail)
        try c.encodeIfPresent(oldBytes, forKey: .oldBytes)
        try c.encodeIfPresent(newBytes, forKey: .newBytes)
        try c.encodeIfPresent(oldSHA256, forKey: .oldSHA256)
        try c.encodeIfPresent(newSHA256, forKey: .newSHA256)
        try c.encodeIfPresent(signature, forKey: .signature)
        try c.encodeIfPresent(claims, forKey: .claims)
    }

    /// The difference without the engine's pairing hints: what is printed and stored as the result.
    public var published: ComparisonDifference {
        var d = self
        d.signature = nil
        d.claims = nil
        return d
    }

    /// One JSON line, keys sorted, so the same difference always prints the same bytes.
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(published)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Report order: site, path, code, new path.
    static func reportOrder(_ a: ComparisonDifference, _ b: ComparisonDifference) -> Bool {
        (a.site ?? "", a.path ?? "", a.code, a.newPath ?? "", a.volume ?? "")
            < (b.site ?? "", b.path ?? "", b.code, b.newPath ?? "", b.volume ?? "")
    }
}
