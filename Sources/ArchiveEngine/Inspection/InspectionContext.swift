#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Everything a check may look at during one inspection: the read-only snapshot, the inspection time
/// and not-found window, the thresholds, the sites with their resolved roots, the whole volume list,
/// and the throttled reader through which every store byte is read.
///
/// Checks never open files on their own: they go through ``listing(site:folder:)`` and ``reader`` so that
/// reads are throttled, no-follow and counted, and a folder listed by one check is not listed again by the
/// next within the same batch.
public final class InspectionContext: @unchecked Sendable {
    public let snapshot: CenterSnapshot
    public var catalog: CenterCatalog { snapshot.catalog }
    /// The inspection time: due dates, grace periods, lock ages and the window are measured from it.
    public let at: Date
    /// The not-found window: the previous calendar day (00:00–24:00 +08:00) before `at`.
    public let windowStart: Date
    public let windowEnd: Date
    public let thresholds: Thresholds
    /// The sites whose stores this run reads: every site, or those named by `--site`.
    public let sites: [CenterSite]
    /// Every catalog volume, ordered by id.
    public let volumes: [CatalogVolume]
    /// uscc → id of the branch with jurisdiction.
    public let branchOf: [String: String]
    public let reader: ThrottledFileReader
    /// Where the run's time goes (`ARCHIVEOPS_PHASE_TIMES=1`), shared by every worker.
    public let phases: PhaseTimes
    /// PEM text of the trusted seal certificate, nil when none is configured.
    public let sealCertificatePEM: String?
    public let sealCertificatePath: String?
    /// Mounts on this host judged by statvfs, and this host's name for their findings.
    public let mounts: [String]
    public let host: String

    /// Whether folder listings carry file sizes (some check of the run compares them).
    var listsSizes = true
    /// Whether some check of the run compares files by SHA-256: only then is a whole-file read hashed too.
    var hashesFiles = false
    private(set) var notes: [InspectionNote] = []
    private var listingCache: [String: Result<DirectoryListing, DirectoryListing.Failure>] = [:]
    private var digestCache: [String: Result<String, ThrottledFileReader.Failure>] = [:]
    private var rootCache: [String: Result<Set<String>, DirectoryListing.Failure>] = [:]
    private var rootInvalidNames: [String: Set<String>] = [:]
    /// The sites' open store roots, shared by every worker of the run.
    private let roots: StoreRootHandles
    /// The folder this context listed last, still open (see ``listing(site:folder:)``), and the buffer it
    /// lists folders into; both this context's own, as a context is used by one thread at a time.
    private var openFolder: (site: String, folder: String, fd: Int32)?
    private let entryBuffer = DirectoryEntryBuffer()
    private lazy var volumesByEnterpriseStorage: [String: [CatalogVolume]] = Dictionary(grouping: volumes, by: \.uscc)

    /// - Parameter sites: the sites this run inspects (`--site`); nil for every site of the snapshot.
    init(snapshot: CenterSnapshot, at: Date, thresholds: Thresholds, volumes: [CatalogVolume],
         branchOf: [String: String], reader: ThrottledFileReader, sealCertificatePEM: String?,
         sealCertificatePath: String?, mounts: [String], host: String, sites only: Set<String>? = nil,
         phases: PhaseTimes = PhaseTimes()) {
        self.phases = phases
        roots = StoreRootHandles()
        self.snapshot = snapshot
        self.at = at
        windowEnd = BureauTime.startOfDay(at)
        windowStart = windowEnd.addingTimeInterval(-86_400)
        self.thresholds = thresholds
        sites = only.map { ids in snapshot.sites.filter { ids.contains($0.id) } } ?? snapshot.sites
        self.volumes = volumes
        self.branchOf = branchOf
        self.reader = reader
        self.sealCertificatePEM = sealCertificatePEM
        self.sealCertificatePath = sealCertificatePath
        self.mounts = mounts
        self.host = host
        for site in sites {
            if let refusal = site.refusal { note("center", site: site.id, refusal) }
        }
    }

    /// The same inspection for one worker of a parallel check: snapshot, time, sites, volumes and read
    /// throttle shared; reader, caches and notes its own, because a context is used by one thread at a time.
    private init(worker other: InspectionContext) {
        snapshot = other.snapshot
        at = other.at
        windowStart = other.windowStart
        windowEnd = other.windowEnd
        thresholds = other.thresholds
        sites = other.sites
        volumes = other.volumes
        branchOf = other.branchOf
        reader = other.reader.sibling()
        phases = other.phases
        listsSizes = other.listsSizes
        hashesFiles = other.hashesFiles
        sealCertificatePEM = other.sealCertificatePEM
        sealCertificatePath = other.sealCertificatePath
        mounts = other.mounts
        host = other.host
        roots = other.roots
        volumesByEnterpriseStorage = other.volumesByEnterprise
        rootCache = other.rootCache
        rootInvalidNames = other.rootInvalidNames
    }

    /// A context for one more worker (see ``init(worker:)``); its notes come back with ``absorb(_:)``.
    func worker() -> InspectionContext { InspectionContext(worker: self) }

    /// Takes a worker's notes into this context once the worker is done.
    func absorb(_ worker: InspectionContext) {
        notes += worker.notes
        worker.notes = []
    }

    /// `2023-06-29T00:00:00+08:00/2023-06-30T00:00:00+08:00`.
    public var windowText: String { "\(BureauTime.iso(windowStart))/\(BureauTime.iso(windowEnd))" }

    public var volumesByEnterprise: [String: [CatalogVolume]] { volumesByEnterpriseStorage }

    // MARK: - Which site must hold what

    /// Whether `site` must hold `volume`: processing, dc and offsite hold all; a branch its own enterprises'.
    public func mustHold(_ site: CenterSite, _ volume: CatalogVolume) -> Bool {
        if site.holdsEveryVolume { return true }
        return site.kind == .branch && branchOf[volume.uscc] == site.id
    }

    /// A volume is due at the sites that must hold it once its scan is older than the sync grace period.
    public func isDue(_ volume: CatalogVolume) -> Bool {
        guard let created = volume.createdAt else { return false }
        return at.timeIntervalSince(created) >= thresholds.syncGraceHours * 3600
    }

    public var processingSite: CenterSite? { sites.first { $0.kind == .processing } ?? sites.first { $0.id == "processing" } }

    // MARK: - Reading stores

    /// The listing of `<site root>/<folder>`, shared by the checks of one batch.
    ///
    /// The folder listed last stays open (``openFolder``): the checks read a volume's files right after
    /// listing its folder, and opening `page-0001.jpg` relative to the open folder spares the kernel the
    /// lookup of `<uscc>/<seq>/` for every file. Only one folder per worker is held open at a time.
    public func listing(site: CenterSite, folder: String) -> Result<DirectoryListing, DirectoryListing.Failure> {
        let key = site.id + "\u{0}" + folder
        if let cached = listingCache[key] { return cached }
        if site.refusal != nil { return .failure(.refused) }
        let result = phases.measure("list volume folders") { () -> Result<DirectoryListing, DirectoryListing.Failure> in
            guard let root = root(site, for: folder) else { return DirectoryListing.read(site.root + "/" + folder, sizes: listsSizes) }
            let read = DirectoryListing.read(folder, relativeTo: root, sizes: listsSizes, keepOpen: true, buffer: entryBuffer)
            guard case .success(let opened) = read else { return read.map { $0.listing } }
            closeOpenFolder()
            if let fd = opened.fd { openFolder = (site.id, folder, fd) }
            return .success(opened.listing)
        }
        listingCache[key] = result
        return result
    }

    /// The open folder and the name inside it of a store file in the folder listed last, if it is one.
    private func inOpenFolder(_ site: CenterSite, _ relative: String) -> (fd: Int32, name: String)? {
        guard let open = openFolder, open.site == site.id else { return nil }
        let folder = open.folder.utf8, path = relative.utf8
        guard path.count > folder.count + 1, path.starts(with: folder),
              path[path.index(path.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/") else { return nil }
        let name = path.dropFirst(folder.count + 1)
        guard !name.contains(UInt8(ascii: "/")), let text = String(name) else { return nil }
        return (open.fd, text)
    }

    private func closeOpenFolder() {
        if let open = openFolder { close(open.fd) }
        openFolder = nil
    }

    /// The listing of a folder if a check has already read it in this batch.
    public func cachedListing(site: CenterSite, folder: String) -> DirectoryListing? {
        if case .success(let listing) = listingCache[site.id + "\u{0}" + folder] { return listing }
        return nil
    }

    /// The names of the enterprise folders at the top of a site's store (listed once per run).
    public func rootFolders(of site: CenterSite) -> Result<Set<String>, DirectoryListing.Failure> {
        if let cached = rootCache[site.id] { return cached }
        if site.refusal != nil { return .failure(.refused) }
        var invalid = Set<String>()
        let result = DirectoryListing.read(site.root, followRoot: true).map { listing in
            let folders = listing.entries.filter { $0.kind == .directory }
            invalid = Set(folders.filter { !$0.isValidUTF8 }.map(\.name))
            return Set(folders.map(\.name))
        }
        rootCache[site.id] = result
        rootInvalidNames[site.id] = invalid
        return result
    }

    /// Which of ``rootFolders(of:)``'s names were not valid UTF-8 (shown escaped; never an enterprise code).
    func rootFoldersNotUTF8(of site: CenterSite) -> Set<String> {
        _ = rootFolders(of: site)
        return rootInvalidNames[site.id] ?? []
    }

    /// The open root of `site` to resolve `relative` from, when it is a path inside the store; a path the
    /// root would not prefix the same way (empty, or starting with "/", which `openat` would take as
    /// absolute) is opened by its full path, exactly as before.
    private func root(_ site: CenterSite, for relative: String) -> Int32? {
        guard let first = relative.utf8.first, first != UInt8(ascii: "/") else { return nil }
        return roots.handle(site)
    }

    /// Absolute path of a file inside a site's store.
    public func path(_ site: CenterSite, _ relative: String) -> String { site.root + "/" + relative }

    /// The whole of a store file (through the throttled reader, opened from the site's open root).
    ///
    /// `sharingDigest`: a check reading a file that a hashing check of the run also judges (volume.pdf and
    /// the sealed PDF at the processing site, which the sync check compares with the catalog) asks for the
    /// SHA-256 of the same read; it is kept for ``sha256(site:_:)``, so the file is read once, not twice.
    /// Hashing checks run after the others in each slice (``Check/hashesFiles``), so the digest is there
    /// when they ask. When the read fails, nothing is kept and the hashing check reads the file itself,
    /// reporting what it finds as before.
    public func contents(site: CenterSite, _ relative: String, limit: Int = 1 << 30,
                         sharingDigest: Bool = false) -> Result<Data, ThrottledFileReader.Failure> {
        let hashing = sharingDigest && hashesFiles
        let result: Result<(data: Data, sha256: String?), ThrottledFileReader.Failure>
        if let open = inOpenFolder(site, relative) {
            result = reader.contents(open.name, relativeTo: open.fd, limit: limit, hashing: hashing)
        } else if let root = root(site, for: relative) {
            result = reader.contents(relative, relativeTo: root, limit: limit, hashing: hashing)
        } else {
            result = reader.contents(path(site, relative), limit: limit, hashing: hashing)
        }
        if case .success(let read) = result, let hex = read.sha256 { digestCache[Self.digestKey(site, relative)] = .success(hex) }
        return result.map { $0.data }
    }

    /// SHA-256 of a store file, computed once per batch however many checks ask (sync and fixity both
    /// judge the pages at dc and offsite).
    public func sha256(site: CenterSite, _ relative: String) -> Result<String, ThrottledFileReader.Failure> {
        let key = Self.digestKey(site, relative)
        if let cached = digestCache[key] { return cached }
        if site.refusal != nil { return .failure(.unreadable("站点存储根目录被拒绝 (site root refused)")) }
        let result = phases.measure("read+hash files") {
            if let open = inOpenFolder(site, relative) { return reader.sha256(open.name, relativeTo: open.fd) }
            if let root = root(site, for: relative) { return reader.sha256(relative, relativeTo: root) }
            return reader.sha256(path(site, relative))
        }
        digestCache[key] = result
        return result
    }

    /// The digest cache's key of a store file: the site and the path inside its store (shorter to build
    /// than the absolute path, and the same file either way within one run).
    private static func digestKey(_ site: CenterSite, _ relative: String) -> String { site.id + "\u{0}" + relative }

    func beginBatch() {
        closeOpenFolder()
        listingCache.removeAll(keepingCapacity: true)
        digestCache.removeAll(keepingCapacity: true)
    }

    deinit { closeOpenFolder() }

    // MARK: - Notes

    /// Records a part of the center that could not be judged (UNKNOWN).
    public func note(_ check: String, site: String? = nil, path: String? = nil, _ text: String) {
        notes.append(InspectionNote(check: check, site: site, path: path, text: text))
    }

    /// Disk readings seen by this run (the center's samples and this host's statvfs), kept as capacity
    /// history when the run is saved.
    private(set) var diskReadings: [DiskReading] = []

    public func record(_ reading: DiskReading) {
        diskReadings.append(reading)
    }
}
