import Foundation

/// A center snapshot (中心快照): the catalog export plus the file store of every site, as the contract
/// `spec/archive-center.md` lays them out. Opening one checks only that the catalog is readable; the
/// stores are read lazily by the checks, so a missing branch store becomes a note, not a failed run.
public struct CenterSnapshot: Sendable {
    public let root: URL
    public let catalog: CenterCatalog
    /// Every site, ordered by id, with its store root made absolute.
    public let sites: [CenterSite]

    /// - Parameters:
    ///   - catalogLockWait: how long to wait for a writer's lock on a live catalog before the run ends
    ///     UNKNOWN.
    ///   - allowedStoreRoots: folders outside the center under which a site's root may lie (the
    ///     configuration's `store_roots`); any other root outside the center is refused.
    public init(root: URL, catalogLockWait: TimeInterval = CenterCatalog.defaultLockWait,
                allowedStoreRoots: [URL] = []) throws {
        self.root = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CenterError.centerMissing(self.root.path)
        }
        catalog = try CenterCatalog(path: self.root.appendingPathComponent("catalog.sqlite").path, lockWait: catalogLockWait)
        let policy = SiteRootPolicy(center: self.root, allowed: allowedStoreRoots)
        sites = try catalog.sites().map { row in
            let resolved = policy.resolve(row.root, siteID: row.id)
            var site = CenterSite(id: row.id, name: row.name, kind: CenterSite.Kind(rawValue: row.kind) ?? .other,
                                  root: resolved.path)
            site.refusal = resolved.refusal
            return site
        }
    }

    public func site(_ id: String) -> CenterSite? { sites.first { $0.id == id } }
}

/// Why a snapshot could not be inspected at all (the run ends UNKNOWN, exit 3).
public enum CenterError: Error, CustomStringConvertible, Sendable {
    case centerMissing(String)
    case catalogMissing(String)
    case catalogUnreadable(String, String)
    /// A writer held the catalog's lock longer than the configured wait.
    case catalogLocked(String, TimeInterval)
    /// The catalog's files kept changing while a private copy was taken.
    case catalogChanging(String)
    case notConfigured

    public var description: String {
        switch self {
        case .centerMissing(let path):
            "中心快照目录不存在: \(path)。请检查配置文件中的 center 或 --center 参数。 (center snapshot not found)"
        case .catalogMissing(let path):
            "中心快照缺少目录数据库: \(path)。请确认快照导出完整（应包含 catalog.sqlite）。 (catalog.sqlite missing)"
        case .catalogUnreadable(let path, let reason):
            "无法读取目录数据库 \(path): \(reason)。请确认它是完整的中心目录导出（site、volume、page 等表）。 (catalog unreadable)"
        case .catalogLocked(let path, let wait):
            "目录数据库 \(path) 正被写入进程锁定，等待 \(String(format: "%g", wait)) 秒后仍无法取得一致的已提交状态；本次巡检不报告任何问题。请在写入完成后重新运行，或调大 catalog_lock_wait_seconds。 (catalog locked by a writer; no consistent state)"
        case .catalogChanging(let path):
            "目录数据库 \(path) 在复制期间不断变化（写入进程留下了未完成的事务或正在写入），无法取得一致的已提交状态；本次巡检不报告任何问题。请稍后重新运行。 (catalog kept changing; no consistent state)"
        case .notConfigured:
            "未配置中心快照。请在 archive-ops.yaml 中设置 center，或使用 --center DIR。 (no center configured)"
        }
    }
}
