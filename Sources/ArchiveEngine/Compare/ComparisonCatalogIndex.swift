import Foundation

/// What the catalog says about the folders a comparison meets: which volume a `<uscc>/<seq>` folder is, and
/// the hash each of its files should have — so a difference can say which side still matches the catalog.
/// The old side's catalog decides; the new side's fills in volumes the old one does not know.
final class ComparisonCatalogIndex: @unchecked Sendable {
    private let byFolder: [String: (volume: CatalogVolume, catalog: CenterCatalog)]
    private var pageHashes: [String: [Int: String]] = [:]
    /// The page hashes are looked up lazily by every worker of a parallel comparison.
    private let lock = NSLock()

    init(old: ComparisonSide, new: ComparisonSide) throws {
        var index: [String: (volume: CatalogVolume, catalog: CenterCatalog)] = [:]
        if old.catalogPath != new.catalogPath {
            for v in try new.catalog.volumes() { index[v.folder] = (v, new.catalog) }
        }
        for v in try old.catalog.volumes() { index[v.folder] = (v, old.catalog) }
        byFolder = index
    }

    func volume(atFolder folder: String) -> CatalogVolume? { byFolder[folder]?.volume }

    /// The catalog hash of file `name` of `volume`: a page's row, or the volume's e-file or seal hash.
    func expectedSHA256(_ volume: CatalogVolume?, name: String) -> String? {
        guard let volume else { return nil }
        switch name {
        case VolumeFolderContents.efileName: return volume.efileSHA256
        case VolumeFolderContents.sealedName: return volume.sealSHA256
        default:
            guard let no = VolumeFolderContents.pageNumber(name) else { return nil }
            lock.lock()
            defer { lock.unlock() }
            if pageHashes[volume.id] == nil, let catalog = byFolder[volume.folder]?.catalog {
                let pages = (try? catalog.pages(of: [volume.id]))?[volume.id] ?? []
                pageHashes[volume.id] = Dictionary(pages.map { ($0.no, $0.sha256) }, uniquingKeysWith: { a, _ in a })
            }
            return pageHashes[volume.id]?[no]
        }
    }
}
