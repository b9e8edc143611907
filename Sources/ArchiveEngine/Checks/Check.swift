/// One check of the daily inspection (巡检项): a type with one job, named after what the bureau calls it.
///
/// A check reports in two places, both optional:
/// - ``run(_:)`` — from the catalog alone, over the whole center, every run (cheap: statuses, locks,
///   codes, queries, disk samples);
/// - ``inspect(_:in:)`` — from the files of one batch of the volumes selected for this run (new and
///   changed volumes, volumes with open problems and the rotating slice; everything on a full run).
///
/// Adding a check means one new file here — the type, its ``Code`` enum and its ``definition`` — and one
/// line in ``CheckCatalog/checkTypes``; nothing else changes.
public protocol Check {
    /// The finding codes this check reports; ``finding(_:severity:site:volume:uscc:detail:query:host:mount:path:)``
    /// takes only these.
    associatedtype Code: FindingCode
    /// Id, names and finding codes (`CheckDefinition(…, codes: Code.self)`); the `check` field of every
    /// finding this check makes.
    static var definition: CheckDefinition { get }
    /// True when the check reads store files (it then takes part in the coverage rotation).
    static var readsFiles: Bool { get }
    /// True when the check compares file sizes from folder listings. Only then does a listing stat every
    /// file; otherwise the kind from `readdir` suffices and the walk makes no stat call per file.
    static var needsFileSizes: Bool { get }
    /// True when the check reads the batch's catalog page rows (``VolumeBatch/pages``). Only then does the
    /// run fetch them: a walk that judges folders and metadata.xml makes no page query per batch.
    static var needsCatalogPages: Bool { get }
    /// True when the check compares files by SHA-256 (``InspectionContext/sha256(site:_:)``). Such checks
    /// run after the others in each slice, so that a file another check reads whole (volume.pdf, the
    /// sealed PDF) is hashed from that read instead of being read a second time.
    static var hashesFiles: Bool { get }
    /// Whether the check's file part reads the store of `site` (all of them unless it says otherwise): the
    /// run lists a site's root once for the workers only when some file check of the run will read it.
    static func readsStore(of site: CenterSite) -> Bool
    init()
    /// Findings from the catalog and the host, over the whole center.
    func run(_ context: InspectionContext) throws -> [Finding]
    /// Findings from the store files of one batch of the run's selected volumes.
    func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding]
}

// MARK: - Default implementations

extension Check {
    public static var readsFiles: Bool { false }
    public static var needsFileSizes: Bool { false }
    public static var needsCatalogPages: Bool { false }
    public static var hashesFiles: Bool { false }
    public static func readsStore(of site: CenterSite) -> Bool { readsFiles }
    public func run(_ context: InspectionContext) throws -> [Finding] { [] }
    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] { [] }

    /// A finding of this check with the code's usual severity.
    func finding(_ code: Code, severity: Severity? = nil, site: String? = nil, volume: CatalogVolume? = nil,
                 uscc: String? = nil, detail: String, query: Int64? = nil, host: String? = nil,
                 mount: String? = nil, path: String? = nil) -> Finding {
        let usual = Self.definition.codes.first { $0.code == code.rawValue }?.severity ?? .warning
        return Finding(check: Self.definition.id, code: code.rawValue, severity: severity ?? usual, site: site,
                       volume: volume?.id, uscc: uscc ?? volume?.uscc, detail: detail, query: query,
                       host: host, mount: mount, path: path)
    }

    /// A finding whose sentence is one of the check's phrases filled with `values`: its `detail` is the
    /// Chinese sentence (with the phrase's English hint) and its `params` keep the values, so that each
    /// page language renders its own sentence.
    func finding(_ code: Code, severity: Severity? = nil, site: String? = nil, volume: CatalogVolume? = nil,
                 uscc: String? = nil, phrase: FindingPhrase, _ values: [String: FindingValue], query: Int64? = nil,
                 host: String? = nil, mount: String? = nil, path: String? = nil) -> Finding {
        var f = finding(code, severity: severity, site: site, volume: volume, uscc: uscc,
                        detail: phrase.detail(values, in: Self.definition), query: query, host: host,
                        mount: mount, path: path)
        f.params = FindingMessage(phrase.key, values)
        return f
    }
}

/// A slice of the run's selected volumes with their catalog pages, handed to every file check in turn so
/// that progress can be committed batch by batch.
public struct VolumeBatch: Sendable {
    public let volumes: [CatalogVolume]
    public let pages: [String: [CatalogPage]]

    public init(volumes: [CatalogVolume], pages: [String: [CatalogPage]]) {
        self.volumes = volumes; self.pages = pages
    }

    public func pages(of volume: CatalogVolume) -> [CatalogPage] { pages[volume.id] ?? [] }
}
