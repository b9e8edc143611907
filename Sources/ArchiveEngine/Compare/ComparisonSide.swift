import Foundation

/// One side of a comparison (数据迁移核对): a center snapshot (its catalog and every site's store, or one
/// chosen site), or one site's store folder with the catalog it belongs to — the shape a migration to a
/// new storage system usually has, where only the files moved.
public struct ComparisonSide: Sendable {
    /// What the operator named, for the report: `/mnt/old（dc）`.
    public let label: String
    public let catalog: CenterCatalog
    /// The stores of this side, ordered by site id; a store side has exactly one.
    public let sites: [CenterSite]
    /// The catalog file this side was read from (to tell whether both sides share one catalog).
    public let catalogPath: String

    /// Opens `path` read-only.
    /// - Parameters:
    ///   - site: the site to compare (required for a bare store folder, to know which catalog site it is).
    ///   - catalogFile: the catalog of a bare store folder; a center folder brings its own.
    ///   - allowedStoreRoots: the configuration's `store_roots`, as for `check`.
    public static func open(_ path: URL, site: String?, catalogFile: URL?, allowedStoreRoots: [URL] = []) throws -> ComparisonSide {
        let root = path.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ComparisonError.sideMissing(root.path)
        }
        let ownCatalog = root.appendingPathComponent("catalog.sqlite")
        if catalogFile == nil, FileManager.default.fileExists(atPath: ownCatalog.path) {
            let snapshot = try CenterSnapshot(root: root, allowedStoreRoots: allowedStoreRoots)
            var sites = snapshot.sites
            if let site {
                guard let chosen = snapshot.site(site) else {
                    throw ComparisonError.unknownSite(site, ownCatalog.path, snapshot.sites.map(\.id))
                }
                sites = [chosen]
            }
            let label = site.map { "\(root.path)（\($0)）" } ?? root.path
            return ComparisonSide(label: label, catalog: snapshot.catalog, sites: sites, catalogPath: ownCatalog.path)
        }
        guard let catalogFile else { throw ComparisonError.catalogNeeded(root.path) }
        guard let site else { throw ComparisonError.siteNeeded(root.path) }
        let catalog = try CenterCatalog(path: catalogFile.standardizedFileURL.path)
        guard let row = try catalog.sites().first(where: { $0.id == site }) else {
            throw ComparisonError.unknownSite(site, catalogFile.path, try catalog.sites().map(\.id))
        }
        let store = CenterSite(id: row.id, name: row.name, kind: CenterSite.Kind(rawValue: row.kind) ?? .other, root: root.path)
        return ComparisonSide(label: "\(root.path)（\(site)）", catalog: catalog, sites: [store],
                              catalogPath: catalogFile.standardizedFileURL.path)
    }
}

/// Why a comparison could not be made (exit 3, UNKNOWN), with what to do.
public enum ComparisonError: Error, CustomStringConvertible, Sendable {
    case sideMissing(String)
    case catalogNeeded(String)
    case siteNeeded(String)
    case unknownSite(String, String, [String])
    case interrupted(done: Int, total: Int)

    public var description: String {
        switch self {
        case .sideMissing(let path):
            "要核对的目录不存在或不是文件夹: \(path)。请检查 OLD / NEW 参数。 (folder not found)"
        case .catalogNeeded(let path):
            "\(path) 中没有 catalog.sqlite，不是中心快照；核对单个站点存储时请用 --old-catalog / --new-catalog（或 --catalog）"
                + "指定它所属的目录数据库。 (a store folder needs its catalog)"
        case .siteNeeded(let path):
            "\(path) 是单个站点的存储，请用 --old-site / --new-site（或 --site）说明它是哪个站点。 (a store folder needs its site id)"
        case .unknownSite(let site, let catalog, let known):
            "目录 \(catalog) 中没有站点 \(site)。可用的站点: \(known.joined(separator: ", "))。 (unknown site)"
        case .interrupted(let done, let total):
            "核对在完成 \(done)/\(total) 个企业文件夹后中断，进度已保存，再次运行同一命令将续传。 (interrupted; progress saved)"
        }
    }
}
