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
    private let previous: [String: SiteBuildCache.Entry]
    /// What every page's fingerprint starts with: the generator, theme and site context.
    private let base: Data
    private let lock = NSLock()
    private var fingerprints: [String: String] = [:]
    private var reusedPaths = Set<String>()

    init(outputURL: URL, previous: SiteBuildCache?, templates: TemplateLibrary, site: SiteContext) {
        self.outputURL = outputURL
        self.previous = previous?.entries ?? [:]
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
        return "page-fingerprint 1 \(exe.map { "\($0.device):\($0.inode):\($0.size):\($0.modified)" } ?? "unknown-executable")"
    }()

    /// The fingerprint of the page at `path` rendered from `input` (its view or frame) with the rest.
    func fingerprint<Input: Encodable>(path: String, language: SiteLanguage?, title: String, input: Input) throws -> String {
        var hash = SHA256()
        hash.update(data: base)
        hash.update(data: Data("\0\(String(describing: Input.self))\0\(path)\0\(language?.rawValue ?? "-")\0\(title)\0".utf8))
        let bytes = try FingerprintEncoder().bytes(of: input)
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The page as published last time, if `fingerprint` is what it was rendered from and the file is
    /// still the one the cache describes; records the fingerprint either way.
    func published(path: String, fingerprint: String, title: String?, searchDocument: SearchDocument?) -> SitePage? {
        record(path: path, fingerprint: fingerprint)
        guard let entry = previous[path], entry.fingerprint == fingerprint else { return nil }
        let url = outputURL.appendingPathComponent(path)
        guard FileIdentity(path: url.path) == entry.file,
              let data = try? Data(contentsOf: url, options: .alwaysMapped), data.count == entry.file.size
        else { return nil }
        lock.lock()
        reusedPaths.insert(path)
        lock.unlock()
        var page = SitePage(path: path, contents: data, title: title, searchDocument: searchDocument)
        page.isPublished = true
        return page
    }

    func record(path: String, fingerprint: String) {
        lock.lock()
        fingerprints[path] = fingerprint
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
            guard let fingerprint = fingerprints[page.path],
                  let file = FileIdentity(path: outputURL.appendingPathComponent(page.path).path) else { continue }
            cache.entries[page.path] = .init(fingerprint: fingerprint, file: file)
        }
        return cache
    }
}
