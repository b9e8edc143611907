import Crypto
import Foundation

/// Incremental builds: decides, page by page, whether the page published last time can stand for this
/// build's page, and remembers what this build rendered for the next one.
///
/// A page is a pure function of its typed view (or frame), its path, language and title, the templates,
/// labels and static files of the theme, the site's context and the generator itself. Its fingerprint is
/// the SHA-256 of all of these; ``PageRenderer`` computes it before rendering, so every page type that
/// renders through the renderer — including the ones added later — is incremental without doing anything.
/// When the fingerprint equals the cached one and `Output/` still holds the very file it became, the page
/// is not rendered: its published bytes are taken over (and linked, not copied, by ``OutputWriter``).
final class PageReuse: @unchecked Sendable {
    let outputURL: URL
    /// `outputURL.path` with a slash, made once: a URL's path is rebuilt at each call, once per page taken over.
    private let outputFolder: String
    private let previousCache: SiteBuildCache
    private var previous: [String: SiteBuildCache.Entry] { previousCache.entries }
    /// What every page's fingerprint starts with: the generator, theme and site context.
    private let base: Data
    private let lock = NSLock()
    private var fingerprints: [String: (fingerprint: String, inputKey: String?)] = [:]
    private var reusedPaths = Set<String>()
    /// The previous build's search entries: a page taken over by its input key brings its search entry
    /// along, since its view — which the search document is made from — is not computed.
    let search: SearchIndexCache?
    /// The digests of the build's tickets and runs, made once for every page type that keys by them.
    let records = BuildDataCache<RecordDigests>()
    /// The previous build's manual page outlines: an unchanged page is placed in the navigation and its
    /// links checked without being parsed.
    let manualOutlines: ManualOutlineCache
    /// Where rendered pages are written as they are made (``PageStaging``); nil keeps them in memory.
    var staging: PageStaging?
    /// Set by tests (and `ARCHIVEOPS_VERIFY_PAGE_INPUTS=1`): a page whose input key matched is still
    /// computed, and a view that differs from the one the key stood for is an error — so an input that a
    /// page's key forgot shows up as a failing build, not as a stale page.
    nonisolated(unsafe) static var verifiesInputKeys = ProcessInfo.processInfo.environment["ARCHIVEOPS_VERIFY_PAGE_INPUTS"] == "1"

    init(outputURL: URL, previous: SiteBuildCache?, templates: TemplateLibrary, site: SiteContext, search: SearchIndexCache? = nil,
         manualOutlines: ManualOutlineCache = ManualOutlineCache()) {
        self.outputURL = outputURL
        self.outputFolder = outputURL.path + "/"
        self.search = search
        self.manualOutlines = manualOutlines
        self.previousCache = previous ?? SiteBuildCache()
        fingerprints.reserveCapacity(previousCache.entries.count)
        var hash = SHA256()
        hash.update(data: Data(Self.generatorIdentity.utf8))
        hash.update(data: templates.digest)
        hash.update(data: Data(site.title.utf8) + Data([0]) + Data(site.lang.utf8) + Data([0]) + Data(site.footer.utf8))
        for entry in site.nav { hash.update(data: Data("\0\(entry.label)\0\(entry.href)".utf8)) }
        base = Data(hash.finalize())
    }

    /// The generator's identity: a format number changed by hand when rendering changes in a way the
    /// inputs do not show, and the running executable itself (a rebuilt `archive-ops` renders afresh).
    static let generatorIdentity: String = {
        let exe = FileIdentity(path: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
        return "page-fingerprint 2 \(exe.map { "\($0.device):\($0.inode):\($0.size):\($0.modified)" } ?? "unknown-executable")"
    }()

    /// The fingerprint of the page at `path` rendered from `input` (its view or frame) with the rest.
    func fingerprint<Input: Encodable>(path: String, language: SiteLanguage?, title: String, input: Input) throws -> String {
        var hash = SHA256()
        hash.update(data: base)
        hash.update(data: Data("\0\(Self.name(of: Input.self))\0\(path)\0\(language?.rawValue ?? "-")\0\(title)\0".utf8))
        let bytes = try FingerprintEncoder().bytes(of: input)
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return Hex.string(hash.finalize())
    }

    /// The fingerprint of the rows a page's view is computed from (`inputs`: the store's rows as read, not
    /// the analysis made of them) with the page's path, language, title and view type. Equal keys mean
    /// an equal view, so the view need not be computed; ``verifiesInputKeys`` checks that in the tests.
    func inputKey<Input: Encodable>(path: String, language: SiteLanguage?, title: String, viewType: Any.Type,
                                    inputs: Input) throws -> String {
        var hash = SHA256()
        hash.update(data: base)
        hash.update(data: Data("\0inputs\0\(Self.name(of: viewType))\0\(Self.name(of: Input.self))\0".utf8))
        hash.update(data: Data("\(path)\0\(language?.rawValue ?? "-")\0\(title)\0".utf8))
        let bytes = try FingerprintEncoder().bytes(of: inputs)
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return Hex.string(hash.finalize())
    }

    nonisolated(unsafe) private static var typeNames: [ObjectIdentifier: String] = [:]
    private static let typeNamesLock = NSLock()

    /// `String(describing: type)`, made once per type: the runtime's type name lookup was a tenth of keying
    /// a taken-over page.
    static func name(of type: Any.Type) -> String {
        typeNamesLock.lock()
        defer { typeNamesLock.unlock() }
        if let name = typeNames[ObjectIdentifier(type)] { return name }
        let name = String(describing: type)
        typeNames[ObjectIdentifier(type)] = name
        return name
    }

    /// The page as published last time, if its inputs had the key `inputKey` then too, the file is still
    /// the one the cache describes and — for a page the search reads in full (`searchable`) — the search
    /// cache still holds its document. Records the key and the fingerprint it stands for.
    func published(path: String, inputKey: String, title: String, searchable: Bool) -> SitePage? {
        guard let entry = previous[path], entry.inputKey == inputKey else { return nil }
        if searchable && (entry.searchKey.map { search?.previous(entry: $0) == nil } ?? true) { return nil }
        guard var page = takeOver(path: path, entry: entry, title: title, searchDocument: nil) else { return nil }
        page.searchKey = entry.searchKey
        record(path: path, fingerprint: entry.fingerprint, inputKey: inputKey)
        return page
    }

    /// Whether a page taken over by its input key was rendered from `fingerprint` (``verifiesInputKeys``).
    func previousFingerprint(path: String) -> String? { previous[path]?.fingerprint }

    /// The page as published last time, if `fingerprint` is what it was rendered from and the file is
    /// still the one the cache describes; records the fingerprint either way.
    func published(path: String, fingerprint: String, inputKey: String? = nil, title: String?,
                   searchDocument: SearchDocument?) -> SitePage? {
        record(path: path, fingerprint: fingerprint, inputKey: inputKey)
        guard let entry = previous[path], entry.fingerprint == fingerprint else { return nil }
        return takeOver(path: path, entry: entry, title: title, searchDocument: searchDocument)
    }

    /// The search index file at `path` as published last time, if the previous build made it from
    /// `fingerprint` (``SiteSearch/files(for:keys:reuse:)``: the keys and numbers of the documents it holds)
    /// and it is still the file the cache describes. Records the fingerprint when taken over; not counted
    /// among the pages taken over.
    func publishedIndexFile(_ path: String, fingerprint: String) -> SitePage? {
        guard let entry = previous[path], entry.fingerprint == fingerprint,
              let page = takeOver(path: path, entry: entry, title: nil, searchDocument: nil, counted: false)
        else { return nil }
        record(path: path, fingerprint: fingerprint)
        return page
    }

    private func takeOver(path: String, entry: SiteBuildCache.Entry, title: String?, searchDocument: SearchDocument?,
                          counted: Bool = true) -> SitePage? {
        let url = outputFolder + path
        guard FileIdentity(path: url) == entry.file else { return nil }
        // Only a racy file is read (to compare its bytes); any other is linked by the publish unread.
        if previousCache.isRacy(entry) {
            guard let data = FileManager.default.contents(atPath: url), SiteBuildCache.contentHash(data) == entry.contentHash
            else { return nil }
        }
        if counted {
            lock.lock()
            reusedPaths.insert(path)
            lock.unlock()
        }
        var page = SitePage(path: path, contents: Data(), title: title, searchDocument: searchDocument)
        page.isPublished = true
        return page
    }

    func record(path: String, fingerprint: String, inputKey: String? = nil) {
        lock.lock()
        fingerprints[path] = (fingerprint, inputKey)
        lock.unlock()
    }

    var reusedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return reusedPaths.count
    }

    /// The cache describing `Output/` as it is now (after the publish): the pages fingerprinted in this
    /// build, each with the identity of the file it became.
    func cacheAfterPublish(pages: [SitePage]) -> SiteBuildCache {
        lock.lock()
        defer { lock.unlock() }
        var cache = SiteBuildCache()
        for page in pages {
            guard let recorded = fingerprints[page.path] else { continue }
            // A page taken over is the very file the previous entry describes (checked when it was taken
            // over, and linked, never copied, into the new site), so it is not looked up again: a `stat` of
            // every page was a fiftieth of a rebuild. Should the publish have had to copy it after all,
            // the next build finds another file there and renders the page: never a stale page.
            let known = page.isPublished ? previous[page.path]?.file : nil
            guard let file = known ?? FileIdentity(path: outputFolder + page.path) else { continue }
            // A page taken over is the file the previous entry hashed; any other page is hashed from memory.
            let hash = page.isPublished ? previous[page.path]?.contentHash : page.contentHash
            cache.entries[page.path] = .init(fingerprint: recorded.fingerprint, file: file,
                                             contentHash: hash ?? SiteBuildCache.contentHash(page.contents),
                                             inputKey: recorded.inputKey, searchKey: page.searchKey)
        }
        return cache
    }
}
