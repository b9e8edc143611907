import Foundation

/// 日常档案同步检查: every due volume, at every site that must hold it, is there with all its files, and
/// every file matches the catalog hash; a branch holds nothing outside its jurisdiction.
///
/// Every file of the selection is compared by size, then by SHA-256. A corrupted page at `dc` or
/// `offsite` is therefore reported twice when both checks run — `sync.corrupt` here and
/// `fixity.mismatch` by ``FixityCheck`` — each under its own check, as the sample center's manifest
/// expects; the file is read once, because both take the digest from the run's shared reader cache.
public struct SyncCheck: Check {
    public static let readsFiles = true
    public static let needsFileSizes = true
    public static let needsCatalogPages = true
    public static let hashesFiles = true

    public init() {}

    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        for volume in batch.volumes {
            let due = context.isDue(volume)
            for site in context.sites {
                let roots: Set<String>
                switch context.rootFolders(of: site) {
                case .success(let r): roots = r
                case .failure(let failure):
                    context.note(Self.definition.id, site: site.id, "站点存储 \(site.root) \(failure.text)，本站点未检查")
                    continue
                }
                if !context.mustHold(site, volume) {
                    if site.kind == .branch, roots.contains(volume.uscc),
                       case .success = context.listing(site: site, folder: volume.folder) {
                        let owner: FindingValue = context.branchOf[volume.uscc].map { $0.isEmpty ? .term("unregistered") : .data($0) }
                            ?? .term("unknown")
                        findings.append(finding(.misplaced, site: site.id, volume: volume, phrase: Phrase.misplaced,
                            ["site": .centerSite(site), "volume": .data(volume.id), "owner": owner], path: volume.folder))
                    }
                    continue
                }
                guard due else { continue }
                findings += check(volume, pages: batch.pages(of: volume), at: site, roots: roots, context)
            }
        }
        return findings
    }

    private func check(_ volume: CatalogVolume, pages: [CatalogPage], at site: CenterSite, roots: Set<String>,
                       _ context: InspectionContext) -> [Finding] {
        let folder = volume.folder
        let listing: DirectoryListing
        switch roots.contains(volume.uscc) ? context.listing(site: site, folder: folder) : .failure(.missing) {
        case .success(let l): listing = l
        case .failure(.missing):
            return [finding(.missing, site: site.id, volume: volume, phrase: Phrase.folderMissing,
                            ["site": .centerSite(site), "folder": .data(folder)], path: folder)]
        case .failure(let failure) where failure == .symlink || failure == .notADirectory:
            // Not a folder of the store: the volume is not really there (links are never followed).
            return [finding(.missing, site: site.id, volume: volume, phrase: Phrase.folderUnusable,
                            ["site": .centerSite(site), "folder": .data(folder), "reason": .bilingual(failure.text)],
                            path: folder)]
        case .failure(let failure):
            context.note(Self.definition.id, site: site.id, path: folder, "案卷文件夹\(failure.text)，未能检查")
            return []
        }
        let contents = VolumeFolderContents(listing)
        var missing: [String] = []  // names
        var missingShown: [FindingMessage] = []  // names, each with what stands in its place
        func lack(_ name: String, _ entry: DirectoryListing.Entry?) {
            missing.append(name)
            missingShown.append(Self.absent(name, entry))
        }
        var corrupt: [String] = []
        if contents.metadata?.kind != .file { lack(VolumeFolderContents.metadataName, contents.metadata) }

        let catalogPages = Dictionary(pages.map { ($0.no, $0) }, uniquingKeysWith: { a, _ in a })
        for no in 1...max(volume.pages, 1) where no <= volume.pages {
            guard let entry = contents.pages[no]?.first(where: { $0.kind == .file }) else {
                lack(VolumeFolderContents.pageName(no), contents.pages[no]?.first)
                continue
            }
            guard let row = catalogPages[no] else { continue }  // no catalog hash to compare with
            if !matches(entry, folder: folder, sha256: row.sha256, bytes: row.bytes, site, context) {
                corrupt.append(entry.name)
            }
        }
        if volume.efileStatus == "done" {
            if let e = contents.efile, e.kind == .file {
                if let sha = volume.efileSHA256, !sha.isEmpty,
                   !matches(e, folder: folder, sha256: sha, bytes: -1, site, context) { corrupt.append(e.name) }
            } else { lack(VolumeFolderContents.efileName, contents.efile) }
        }
        if volume.sealStatus == "done" {
            if let e = contents.sealed, e.kind == .file {
                if let sha = volume.sealSHA256, !sha.isEmpty,
                   !matches(e, folder: folder, sha256: sha, bytes: -1, site, context) { corrupt.append(e.name) }
            } else { lack(VolumeFolderContents.sealedName, contents.sealed) }
        }
        var findings: [Finding] = []
        if !missing.isEmpty {
            findings.append(finding(.missing, site: site.id, volume: volume, phrase: Phrase.filesMissing,
                ["site": .centerSite(site), "folder": .data(folder), "files": .items(missingShown)],
                path: missing.count == 1 ? "\(folder)/\(missing[0])" : folder))
        }
        if !corrupt.isEmpty {
            findings.append(finding(.corrupt, site: site.id, volume: volume, phrase: Phrase.corrupt,
                ["site": .centerSite(site), "folder": .data(folder), "files": .list(corrupt)],
                path: corrupt.count == 1 ? "\(folder)/\(corrupt[0])" : folder))
        }
        return findings
    }

    /// The name of a file the volume lacks, saying what stands in its place when something does: a symlink
    /// (never followed), a folder, or a FIFO, socket or device, which an operator must not take for a file
    /// that was simply not copied.
    static func absent(_ name: String, _ entry: DirectoryListing.Entry?) -> FindingMessage {
        switch entry?.kind {
        case .symlink: Phrase.symlinkInPlace(["name": .data(name)])
        case .directory: Phrase.folderInPlace(["name": .data(name)])
        case .other: Phrase.specialInPlace(["name": .data(name)])
        case .file, nil: Phrase.file(["name": .data(name)])
        }
    }

    /// Size first (free, from the listing), then the hash.
    private func matches(_ entry: DirectoryListing.Entry, folder: String, sha256: String, bytes: Int64,
                         _ site: CenterSite, _ context: InspectionContext) -> Bool {
        if bytes >= 0 && entry.size != bytes { return false }
        let relative = "\(folder)/\(entry.name)"
        switch context.sha256(site: site, relative) {
        case .success(let hex): return hex == sha256
        case .failure(let failure):
            context.note(Self.definition.id, site: site.id, path: relative, "文件\(failure.text)，未能校验哈希")
            return true
        }
    }
}
