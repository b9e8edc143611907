import Foundation

/// 异常数据分析: the abnormal data the maintenance contract names — locks left behind by network failures
/// (异常锁定), volumes filed under the wrong enterprise or seq (档案卷错乱), page and volume numbering
/// that is not 1…n, catalog codes failing the GB 32100 check character, and volume folders the catalog
/// does not know (orphans).
///
/// A metadata.xml that cannot be read as the contract's document (malformed, wrong namespace, bytes not in
/// the declared encoding) is reported as `anomaly.misfiled` too: the folder's attribution cannot be
/// confirmed, which is the same work for the operator.
public struct AnomalyCheck: Check {
    public static let readsFiles = true

    public init() {}

    // MARK: - Catalog-wide

    public func run(_ context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        let staleAfter = context.thresholds.staleLockMinutes * 60
        for volume in context.volumes {
            guard let owner = volume.lockOwner, !owner.isEmpty, let since = volume.lockedAt else { continue }
            let held = context.at.timeIntervalSince(since)
            if held > staleAfter {
                findings.append(finding(.staleLock, volume: volume, phrase: Phrase.staleLock,
                    ["volume": .data(volume.id), "owner": .data(owner), "minutes": .data(String(Int(held / 60))),
                     "since": .data(BureauTime.display(since))]))
            }
        }
        for uscc in context.volumesByEnterprise.keys.sorted() {
            let seqs = (context.volumesByEnterprise[uscc] ?? []).map(\.seq).sorted()
            if !seqs.isEmpty && seqs != Array(1...seqs.count) {
                findings.append(finding(.volumeSequence, uscc: uscc, phrase: Phrase.volumeSequence,
                    ["uscc": .data(uscc), "seqs": .list(seqs.map(String.init)), "count": .data(String(seqs.count))]))
            }
        }
        for code in try context.catalog.enterpriseCodes() where !USCC.isValid(code) {
            findings.append(finding(.invalidUSCC, uscc: code, phrase: Phrase.invalidUSCC, ["code": .data(code)]))
        }
        findings += rootOrphans(context)
        return findings
    }

    /// Folders at the top of a store that belong to no enterprise with catalog volumes: every volume
    /// folder under them is an orphan. From the run's one root listing per site (the file checks use the
    /// same), so it runs every time.
    private func rootOrphans(_ context: InspectionContext) -> [Finding] {
        var findings: [Finding] = []
        let known = context.volumesByEnterprise
        for site in context.sites where site.refusal == nil {
            guard case .success(let folders) = context.rootFolders(of: site) else { continue }
            let notUTF8 = context.rootFoldersNotUTF8(of: site)
            for name in folders.sorted() where known[name] == nil {
                let valid = !notUTF8.contains(name)
                let subfolders: [String]
                if valid, case .success(let l) = DirectoryListing.read(site.root + "/" + name) {
                    subfolders = l.entries.filter { $0.kind == .directory }.map { "\(name)/\($0.name)" }
                } else {
                    subfolders = []
                }
                for path in subfolders.isEmpty ? [name] : subfolders {
                    findings.append(finding(.orphan, site: site.id, uscc: valid ? name : nil,
                        phrase: Phrase.orphanFolder, ["site": .centerSite(site), "path": .data(path)], path: path))
                }
            }
        }
        return findings
    }

    // MARK: - Files of the selection

    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        var parsed: [String: (Data, Result<VolumeMetadata, VolumeMetadata.Problem>)] = [:]
        for site in context.sites {
            guard case .success(let roots) = context.rootFolders(of: site) else { continue }
            for volume in batch.volumes where context.mustHold(site, volume) && roots.contains(volume.uscc)
                && (context.isDue(volume) || site.kind == .processing) {
                guard case .success(let listing) = context.listing(site: site, folder: volume.folder) else { continue }
                let contents = VolumeFolderContents(listing)
                if let f = misfiled(volume, contents, site, &parsed, context) { findings.append(f) }
                if let f = pageSequence(volume, contents, site) { findings.append(f) }
            }
            findings += folderOrphans(batch, site, roots, context)
        }
        return findings
    }

    private func misfiled(_ volume: CatalogVolume, _ contents: VolumeFolderContents, _ site: CenterSite,
                          _ parsed: inout [String: (Data, Result<VolumeMetadata, VolumeMetadata.Problem>)],
                          _ context: InspectionContext) -> Finding? {
        guard let entry = contents.metadata, entry.kind == .file else { return nil }  // absence is sync.missing
        let relative = "\(volume.folder)/\(VolumeFolderContents.metadataName)"
        let data: Data
        switch context.phases.measure("read metadata.xml", { context.contents(site: site, relative, limit: 16 << 20) }) {
        case .success(let d): data = d
        case .failure(let failure):
            context.note(Self.definition.id, site: site.id, path: relative, "metadata.xml \(failure.text)")
            return nil
        }
        // The copies at every site are normally identical: parse each distinct content once.
        let result: Result<VolumeMetadata, VolumeMetadata.Problem>
        if let (previous, r) = parsed[volume.id], previous == data { result = r } else {
            result = context.phases.measure("parse metadata.xml") { VolumeMetadata.parse(data) }
            parsed[volume.id] = (data, result)
        }
        switch result {
        case .failure(let problem):
            return finding(.misfiled, site: site.id, volume: volume, phrase: Phrase.unreadableMetadata,
                           ["site": .centerSite(site), "path": .data(relative), "reason": .bilingual(problem.text)], path: relative)
        case .success(let m):
            var values: [String: FindingValue] = ["site": .centerSite(site), "folder": .data(volume.folder)]
            let wrongUSCC = m.uscc != volume.uscc
            if wrongUSCC { values["uscc"] = m.uscc.map(FindingValue.data) ?? .term("none") }
            if m.seq != volume.seq { values[wrongUSCC ? "andSeq" : "seq"] = m.seq.map { .data(String($0)) } ?? .term("none") }
            guard values.count > 2 else { return nil }
            return finding(.misfiled, site: site.id, volume: volume, phrase: Phrase.misfiled, values, path: relative)
        }
    }

    private func pageSequence(_ volume: CatalogVolume, _ contents: VolumeFolderContents, _ site: CenterSite) -> Finding? {
        var problems: [FindingMessage] = []
        let gaps = (0..<max(volume.pages, 0)).map { $0 + 1 }.filter { contents.pages[$0] == nil }
        if !gaps.isEmpty { problems.append(Phrase.gaps(["files": .list(gaps.map(VolumeFolderContents.pageName))])) }
        let duplicates = contents.pages.keys.sorted().filter { (contents.pages[$0]?.count ?? 0) > 1 }
        if !duplicates.isEmpty {
            problems.append(Phrase.duplicates(["files": .list(duplicates.flatMap { contents.pages[$0]?.map(\.name) ?? [] })]))
        }
        let extras = contents.pages.keys.sorted().filter { $0 > volume.pages }.flatMap { contents.pages[$0]?.map(\.name) ?? [] }
            + contents.irregularPages.map(\.name)
        if !extras.isEmpty { problems.append(Phrase.extras(["files": .list(extras)])) }
        guard !problems.isEmpty else { return nil }
        return finding(.pageSequence, site: site.id, volume: volume, phrase: Phrase.pageSequence,
                       ["site": .centerSite(site), "folder": .data(volume.folder),
                        "last": .data(VolumeFolderContents.pageName(volume.pages)), "problems": .phrases(problems)],
                       path: volume.folder)
    }

    /// Volume folders under the batch's enterprise folders that the catalog does not know.
    private func folderOrphans(_ batch: VolumeBatch, _ site: CenterSite, _ roots: Set<String>,
                               _ context: InspectionContext) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        for volume in batch.volumes where roots.contains(volume.uscc) && seen.insert(volume.uscc).inserted {
            guard case .success(let listing) = context.listing(site: site, folder: volume.uscc) else { continue }
            let known = Set((context.volumesByEnterprise[volume.uscc] ?? []).map { VolumeFolderName.seqFolder($0.seq) })
            for entry in listing.entries where entry.kind == .directory && !known.contains(entry.name) {
                let path = "\(volume.uscc)/\(entry.name)"
                findings.append(finding(.orphan, site: site.id, uscc: volume.uscc, phrase: Phrase.orphanVolume,
                    ["site": .centerSite(site), "path": .data(path)], path: path))
            }
        }
        return findings
    }
}
