import ArchiveEngine
import Foundation

/// What the sample center generator made, for whoever inspects the center: the trusted seal certificate
/// (configuration, not part of the snapshot), the inspection time and window, and every injected problem
/// exactly as the contract says the engine must report it.
///
/// The CLI writes it as `sample-center.json` next to the snapshot folder, never inside it: a snapshot
/// holds only what a real export would hold.
public struct SampleCenterManifest: Codable, Equatable, Sendable {
    public var seed: String
    /// The inspection time the center was generated for (ISO 8601, +08:00).
    public var inspectionTime: String
    /// The not-found triage window: the previous calendar day, 00:00–24:00 (+08:00).
    public var notFoundWindowStart: String
    public var notFoundWindowEnd: String
    /// Sync grace period the center was built around (volumes younger than this are not due).
    public var syncGraceHours: Double
    /// PEM of the seal certificate that signed every volume.sealed.pdf: the one to trust.
    public var sealCertificatePEM: String
    public var counts: Counts
    /// Every injected problem, one per finding the engine must report.
    public var injected: [ExpectedFinding]

    public struct Counts: Codable, Equatable, Sendable {
        public var sites = 0, enterprises = 0, volumes = 0, pages = 0, files = 0, queries = 0, diskSamples = 0
        /// Volumes created inside the grace period (not yet due anywhere but at the processing center).
        public var volumesInGracePeriod = 0
        public init() {}
    }

    /// The injected findings a given check must report (`check` as in CheckCatalog: sync, efile, …).
    public func expected(check: String) -> [ExpectedFinding] { injected.filter { $0.check == check } }

    /// The match keys (see ``ExpectedFinding/matchKey``) a given check must report, as a set.
    public func expectedKeys(check: String) -> Set<String> { Set(expected(check: check).map(\.matchKey)) }
}

/// One finding the engine must report for an injected problem.
///
/// The identity of a finding depends on its kind, so compare findings by ``matchKey`` (build the same key
/// from an engine finding with ``matchKey(code:site:volume:uscc:query:host:mount:path:)``):
///
/// | codes | identity |
/// |---|---|
/// | sync.*, efile.broken, seal.invalid, anomaly.misfiled, anomaly.page_sequence, fixity.mismatch | code, site, volume |
/// | efile.failed/stuck/backlog, seal.failed/backlog, anomaly.stale_lock | code, volume (site null) |
/// | anomaly.volume_sequence, anomaly.invalid_uscc | code, uscc |
/// | anomaly.orphan | code, site, path (`<uscc>/<seq>` relative to the site root) |
/// | disk.* | code, host, mount |
/// | notfound.* | code, query |
public struct ExpectedFinding: Codable, Hashable, Sendable {
    /// The check that reports it: `sync`, `efile`, `seal`, `disk`, `notfound`, `anomaly`, `fixity`.
    public var check: String
    public var code: String
    public var site: String?
    public var volume: String?
    public var uscc: String?
    public var query: Int64?
    public var host: String?
    public var mount: String?
    public var path: String?
    /// What was done to the center (Chinese first), for people reading the manifest.
    public var injection: String

    public init(check: String, code: String, site: String? = nil, volume: String? = nil, uscc: String? = nil,
                query: Int64? = nil, host: String? = nil, mount: String? = nil, path: String? = nil, injection: String) {
        self.check = check; self.code = code; self.site = site; self.volume = volume; self.uscc = uscc
        self.query = query; self.host = host; self.mount = mount; self.path = path; self.injection = injection
    }

    /// An expected finding of a typed code, listed under the check the code belongs to (`sync` for
    /// `sync.missing`: a code's namespace is its check's id, see ``CheckCatalog/gaps(of:)``).
    init(_ code: some FindingCode, site: String? = nil, volume: String? = nil, uscc: String? = nil,
         query: Int64? = nil, host: String? = nil, mount: String? = nil, path: String? = nil, injection: String) {
        self.init(check: String(code.rawValue.prefix { $0 != "." }), code: code.rawValue, site: site, volume: volume,
                  uscc: uscc, query: query, host: host, mount: mount, path: path, injection: injection)
    }

    public var matchKey: String {
        Self.matchKey(code: code, site: site, volume: volume, uscc: uscc, query: query, host: host, mount: mount, path: path)
    }

    /// The identity of a finding with these fields, per the table above.
    public static func matchKey(code: String, site: String?, volume: String?, uscc: String?, query: Int64?,
                                host: String?, mount: String?, path: String?) -> String {
        let s = site ?? "-", v = volume ?? "-"
        switch code {
        case EfileCheck.Code.failed.rawValue, EfileCheck.Code.stuck.rawValue, EfileCheck.Code.backlog.rawValue,
             SealCheck.Code.failed.rawValue, SealCheck.Code.backlog.rawValue, AnomalyCheck.Code.staleLock.rawValue:
            return "\(code)|\(v)"
        case AnomalyCheck.Code.volumeSequence.rawValue, AnomalyCheck.Code.invalidUSCC.rawValue:
            return "\(code)|\(uscc ?? "-")"
        case AnomalyCheck.Code.orphan.rawValue:
            let p = (path ?? "-").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return "\(code)|\(s)|\(p)"
        case DiskCheck.Code.usage.rawValue, DiskCheck.Code.forecast.rawValue:
            return "\(code)|\(host ?? "-")|\(mount ?? "-")"
        case _ where code.hasPrefix(NotFoundCheck.definition.id + "."):
            return "\(code)|\(query.map(String.init) ?? "-")"
        default:
            return "\(code)|\(s)|\(v)"
        }
    }
}

extension Finding {
    /// This finding's identity in the sample-center manifest's terms (see ``ExpectedFinding``), so a test
    /// can compare `Set(findings.map(\.sampleMatchKey))` with ``SampleCenterManifest/expectedKeys(check:)``.
    public var sampleMatchKey: String {
        ExpectedFinding.matchKey(code: code, site: site, volume: volume, uscc: uscc, query: query,
                                 host: host, mount: mount, path: path)
    }
}
