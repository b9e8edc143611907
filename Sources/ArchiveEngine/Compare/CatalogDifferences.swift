import Foundation

/// The catalog half of a comparison: volumes the new catalog lacks, has in addition, or records
/// differently (its volume row or any page row), from the same per-volume fingerprints the inspection
/// uses to see what changed.
enum CatalogDifferences {
    static func compare(old: ComparisonSide, new: ComparisonSide) throws -> [ComparisonDifference] {
        guard old.catalogPath != new.catalogPath else { return [] }
        let a = try CatalogFingerprint.compute(old.catalog), b = try CatalogFingerprint.compute(new.catalog)
        let oldVolumes = Dictionary(try old.catalog.volumes().map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newVolumes = Dictionary(try new.catalog.volumes().map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        var out: [ComparisonDifference] = []
        for id in Set(a.keys).union(b.keys).sorted() {
            let v = oldVolumes[id] ?? newVolumes[id]
            switch (a[id], b[id]) {
            case (.some, .none):
                out.append(ComparisonDifference(code: .catalogMissing, site: nil, volume: id, uscc: v?.uscc, path: v?.folder,
                    detail: "新侧目录中没有案卷 \(id)（\(v?.folder ?? "")） (volume missing from the new catalog)"))
            case (.none, .some):
                out.append(ComparisonDifference(code: .catalogExtra, site: nil, volume: id, uscc: v?.uscc, path: v?.folder,
                    detail: "新侧目录多出案卷 \(id)（\(v?.folder ?? "")） (volume only in the new catalog)"))
            case (.some(let x), .some(let y)) where x != y:
                out.append(ComparisonDifference(code: .catalogChanged, site: nil, volume: id, uscc: v?.uscc, path: v?.folder,
                    detail: "案卷 \(id) 在两侧目录中的记录不同：\(fields(oldVolumes[id], newVolumes[id])) (catalog rows differ)"))
            default:
                break
            }
        }
        return out
    }

    /// Which recorded fields differ, or that only page rows do.
    private static func fields(_ a: CatalogVolume?, _ b: CatalogVolume?) -> String {
        guard let a, let b else { return "记录不同" }
        var f: [String] = []
        if a.uscc != b.uscc || a.seq != b.seq { f.append("归属 \(a.folder) → \(b.folder)") }
        if a.pages != b.pages { f.append("页数 \(a.pages) → \(b.pages)") }
        if a.efileStatus != b.efileStatus || a.efileSHA256 != b.efileSHA256 { f.append("电子文件状态或哈希") }
        if a.sealStatus != b.sealStatus || a.sealSHA256 != b.sealSHA256 { f.append("签章状态或哈希") }
        if a.createdAt != b.createdAt { f.append("扫描完成时间") }
        return f.isEmpty ? "页面记录（page 表）不同" : f.joined(separator: "；")
    }
}
