import Foundation

/// One problem found by the daily inspection (巡检), in the exact shape of the contract
/// (`spec/archive-center.md`): `archive-ops check --json` prints one of these per line.
///
/// `site`, `volume` and `uscc` are always present (null where they do not apply); `query`, `host`,
/// `mount` and `path` appear only on the findings they belong to.
public struct Finding: Codable, Hashable, Sendable {
    public var check: String
    public var code: String
    public var severity: Severity
    public var site: String?
    public var volume: String?
    public var uscc: String?
    public var detail: String
    public var query: Int64?
    public var host: String?
    public var mount: String?
    public var path: String?
    /// The sentence as data (``FindingMessage``), rendered in each page's language; nil on findings from
    /// before it was kept, which pages show by their `detail`. Printed as `params` (an extra key, which
    /// the contract allows).
    public var params: FindingMessage?

    public init(
        check: String, code: String, severity: Severity, site: String? = nil, volume: String? = nil,
        uscc: String? = nil, detail: String, query: Int64? = nil, host: String? = nil,
        mount: String? = nil, path: String? = nil, params: FindingMessage? = nil
    ) {
        self.check = check; self.code = code; self.severity = severity; self.site = site
        self.volume = volume; self.uscc = uscc; self.detail = detail; self.query = query
        self.host = host; self.mount = mount; self.path = path; self.params = params
    }

    enum CodingKeys: String, CodingKey {
        case check, code, severity, site, volume, uscc, detail, query, host, mount, path, params
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(check, forKey: .check)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        // The contract wants these three as explicit nulls, not absent keys.
        try c.encode(site, forKey: .site)
        try c.encode(volume, forKey: .volume)
        try c.encode(uscc, forKey: .uscc)
        try c.encode(detail, forKey: .detail)
        try c.encodeIfPresent(query, forKey: .query)
        try c.encodeIfPresent(host, forKey: .host)
        try c.encodeIfPresent(mount, forKey: .mount)
        try c.encodeIfPresent(path, forKey: .path)
        try c.encodeIfPresent(params, forKey: .params)
    }

    /// One JSON line, keys sorted so that the same finding always prints the same bytes.
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Finding severity, ordered so that the worst of a run decides its monitoring exit code.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case info, warning, critical

    public var chineseName: String {
        switch self {
        case .info: "提示"
        case .warning: "警告"
        case .critical: "严重"
        }
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
