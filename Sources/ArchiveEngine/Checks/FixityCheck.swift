import Foundation

/// 数据完整性校验: the scheduled deep re-hash of the page images held at the bureau data center and the
/// offsite copy, where archives are kept for the long term and silent corruption (bit rot) would
/// otherwise go unnoticed until a citizen asks for the page.
///
/// Which volumes it re-hashes is the coverage rotation's business (every page within the fixity cycle,
/// default 30 days). The sync check hashes the same pages when it runs; each check reports under its own
/// code (`sync.corrupt` and `fixity.mismatch` for the same site and volume — the sample center's manifest
/// lists both), and the page is read only once because the digest comes from the run's shared cache.
public struct FixityCheck: Check {
    public static let readsFiles = true
    /// A listing made by another check in the batch is used for its sizes.
    public static let needsFileSizes = true
    public static let needsCatalogPages = true
    public static let hashesFiles = true

    public init() {}

    /// The sites whose pages this check re-hashes: the data center and the offsite copy.
    static func rehashes(_ site: CenterSite) -> Bool {
        site.kind == .datacenter || site.kind == .offsite
    }

    public static func readsStore(of site: CenterSite) -> Bool { rehashes(site) }

    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        for site in context.sites where Self.rehashes(site) {
            guard case .success(let roots) = context.rootFolders(of: site) else {
                context.note(Self.definition.id, site: site.id, "站点存储 \(site.root) 无法读取，本站点未校验")
                continue
            }
            for volume in batch.volumes where context.isDue(volume) && roots.contains(volume.uscc) {
                // When the sync check has listed the folder in this batch, reuse its sizes; run alone, open
                // the pages by name (one open per page, no listing: the scheduled re-hash stays cheap).
                let listed = context.cachedListing(site: site, folder: volume.folder).map(VolumeFolderContents.init)
                var bad: [String] = []
                for page in batch.pages(of: volume) {
                    let relative: String
                    let digest: Result<String, ThrottledFileReader.Failure>
                    if let contents = listed {
                        guard let entry = contents.pages[page.no]?.first(where: { $0.kind == .file }) else { continue }
                        if page.bytes >= 0 && entry.size != page.bytes {
                            bad.append(entry.name)
                            continue
                        }
                        relative = "\(volume.folder)/\(entry.name)"
                        digest = context.sha256(site: site, relative)
                    } else {
                        let jpg = VolumeFolderContents.pageName(page.no)
                        var r = "\(volume.folder)/\(jpg)"
                        var d = context.sha256(site: site, r)
                        if case .failure(.missing) = d {
                            r = "\(volume.folder)/\(jpg.dropLast(4)).tif"
                            d = context.sha256(site: site, r)
                        }
                        if case .failure(.missing) = d { continue }  // an absent page is the sync check's finding
                        relative = r
                        digest = d
                    }
                    switch digest {
                    case .success(let hex): if hex != page.sha256 { bad.append(String(relative.split(separator: "/").last ?? "")) }
                    case .failure(let failure):
                        context.note(Self.definition.id, site: site.id, path: relative, "文件\(failure.text)，未能重新校验")
                    }
                }
                if !bad.isEmpty {
                    findings.append(finding(.mismatch, site: site.id, volume: volume, phrase: Phrase.mismatch,
                        ["site": .centerSite(site), "folder": .data(volume.folder), "files": .list(bad)],
                        path: bad.count == 1 ? "\(volume.folder)/\(bad[0])" : volume.folder))
                }
            }
        }
        return findings
    }
}
