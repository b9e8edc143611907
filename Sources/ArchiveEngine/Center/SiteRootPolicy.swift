#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a site's file store may be read from (`site.root` in the contract): inside the center folder, or
/// under one of the store roots the workspace configuration allows (`store_roots`).
///
/// Why: `site.root` comes from the catalog, i.e. from the production system's data. A row pointing at
/// `/etc` or `/root` must not make the inspection list host folders and publish their names as orphans.
/// A root is judged after resolving `..` and symbolic links, so neither can lead out of an allowed place.
struct SiteRootPolicy {
    let center: URL
    let allowed: [URL]

    /// The absolute root of a site row, and why it is refused (nil when it may be read).
    func resolve(_ raw: String, siteID: String) -> (path: String, refusal: String?) {
        let base = center.path
        let written: String
        if raw.isEmpty {
            written = "\(base)/stores/\(siteID)"
        } else if raw.hasPrefix("/") {
            written = raw
        } else {
            written = "\(base)/\(raw)"
        }
        let path = URL(fileURLWithPath: written).standardizedFileURL.path
        let real = Self.realPath(path)
        let places = [Self.realPath(base)] + allowed.map { Self.realPath($0.standardizedFileURL.path) }
        if places.contains(where: { Self.isInside(real, $0) }) { return (path, nil) }
        let shown = raw.isEmpty ? "（空，默认 stores/\(siteID)）" : raw
        let allowedText = allowed.isEmpty ? "未配置 store_roots" : "store_roots: " + allowed.map(\.path).joined(separator: ", ")
        return (path, "site 表 id=\(siteID) 的 root「\(shown)」解析为 \(real)，不在中心目录 \(base) 内，也不在允许的存储根目录下（\(allowedText)）：拒绝读取该站点，本站点未检查。如确为该站点的存储，请在 archive-ops.yaml 的 store_roots 中加入其上级目录。 (site root outside the center refused)")
    }

    /// Whether `path` is `folder` or lies below it (both already resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let f = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if f.isEmpty { return true }  // "/" itself was allowed on purpose
        return path == f || path.hasPrefix(f + "/")
    }

    /// The path with every symbolic link resolved; for a path that does not exist (yet), its deepest
    /// existing ancestor is resolved and the rest appended, so a missing store is still judged by where it
    /// would be.
    static func realPath(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty && existing != "/" {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                if rest.isEmpty { return base }
                return ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
            }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return path
    }
}
