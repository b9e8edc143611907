import Foundation

/// Turns the open findings of the latest inspection into a repair plan (修复计划) — 异常数据修复 "directly
/// in the back end", but reviewed first: every missing or corrupt file is copied from a site whose copy
/// matches the catalog now (hashed while planning, and again by the script before and after copying),
/// stale locks get the SQL that releases them, misfiled and misplaced volumes get moves, and every step
/// names the finding it fixes and how to undo it. Where no site holds a good copy the plan says so
/// instead of guessing.
///
/// Planning only reads (the center, through the same no-follow reader as the checks).
public struct RepairPlanner {
    let snapshot: CenterSnapshot
    let reader: ThrottledFileReader
    let verifier: SealVerifier?
    private let volumes: [String: CatalogVolume]

    public init(snapshot: CenterSnapshot, sealCertificatePEM: String?, maxReadMBps: Double? = nil) throws {
        self.snapshot = snapshot
        reader = ThrottledFileReader(throttle: ReadThrottle(megabytesPerSecond: maxReadMBps))
        verifier = try sealCertificatePEM.map { try SealVerifier(trustedCertificatePEM: $0) }
        volumes = Dictionary(try snapshot.catalog.volumes().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The codes a plan takes up; other findings (disk, not-found, e-file generation) are not repaired by
    /// moving data and are left out.
    public static let codes: Set<String> = [
        SyncCheck.Code.missing.rawValue, SyncCheck.Code.corrupt.rawValue, SyncCheck.Code.misplaced.rawValue,
        FixityCheck.Code.mismatch.rawValue, SealCheck.Code.invalid.rawValue,
        AnomalyCheck.Code.staleLock.rawValue, AnomalyCheck.Code.misfiled.rawValue, AnomalyCheck.Code.orphan.rawValue,
        AnomalyCheck.Code.pageSequence.rawValue, AnomalyCheck.Code.volumeSequence.rawValue, AnomalyCheck.Code.invalidUSCC.rawValue,
    ]

    public func plan(_ findings: [Finding]) throws -> [RepairStep] {
        var steps: [RepairStep] = []
        var planned = Set<String>()  // target paths already repaired by an earlier step
        for f in findings where Self.codes.contains(f.code) {
            steps += try stepsFor(f, planned: &planned)
        }
        return steps
    }

    private func stepsFor(_ f: Finding, planned: inout Set<String>) throws -> [RepairStep] {
        let volume = f.volume.flatMap { volumes[$0] }
        let site = f.site.flatMap { snapshot.site($0) }
        switch f.code {
        case SyncCheck.Code.missing.rawValue, SyncCheck.Code.corrupt.rawValue, FixityCheck.Code.mismatch.rawValue:
            guard let volume, let site else { return [manual(f, "找不到该问题的案卷或站点，请人工核实 (volume or site unknown)")] }
            return try copies(f, volume, to: site, planned: &planned)
        case SealCheck.Code.invalid.rawValue:
            guard let volume, let site else { return [manual(f, "找不到该问题的案卷或站点，请人工核实 (volume or site unknown)")] }
            return sealCopy(f, volume, to: site, planned: &planned)
        case AnomalyCheck.Code.staleLock.rawValue:
            guard let volume, let owner = volume.lockOwner, let at = volume.lockedAt else {
                return [manual(f, "目录中该案卷已没有锁，无需处理 (lock already released)")]
            }
            let id = ShellText.sqlLiteral(volume.id), o = ShellText.sqlLiteral(owner), t = ShellText.sqlLiteral(BureauTime.iso(at))
            return [RepairStep(finding: f, action: .sql(
                statement: "UPDATE volume SET lock_owner = NULL, locked_at = NULL WHERE id = \(id) AND lock_owner = \(o);",
                undo: "UPDATE volume SET lock_owner = \(o), locked_at = \(t) WHERE id = \(id) AND lock_owner IS NULL;"),
                summary: "释放工作站 \(owner) 自 \(BureauTime.display(at)) 起持有的编辑锁 (release the stale lock)")]
        case AnomalyCheck.Code.misfiled.rawValue:
            guard let volume, let site else { return [manual(f, "找不到该问题的案卷或站点，请人工核实 (volume or site unknown)")] }
            return misfiled(f, volume, at: site, planned: &planned)
        case SyncCheck.Code.misplaced.rawValue, AnomalyCheck.Code.orphan.rawValue:
            guard let site, let path = f.path ?? volume?.folder else { return [manual(f, "问题没有给出文件夹位置，请人工核实")] }
            return [RepairStep(finding: f, action: .quarantine(path: site.root + "/" + path),
                               summary: "把 \(path) 移出 \(site.id) 的存储，放入备份文件夹（不删除） (move aside, not delete)")]
        case AnomalyCheck.Code.pageSequence.rawValue:
            return [manual(f, "页面文件编号不是 1…N：缺号由同步修复补齐；重复或多余的页面需对照纸质档案人工判断保留哪一个 (needs a person)")]
        default:
            return [manual(f, "目录数据问题（序号或代码），需与业务部门核实后在业务系统中更正 (catalog data: correct at the source)")]
        }
    }

    private func manual(_ f: Finding, _ reason: String) -> RepairStep {
        RepairStep(finding: f, action: .manual(reason: reason), summary: reason)
    }

    // MARK: - Copies

    /// The sites to take a good copy from, the source of the data first.
    private func sources(except target: CenterSite) -> [CenterSite] {
        func rank(_ s: CenterSite) -> Int {
            switch s.kind {
            case .processing: 0
            case .datacenter: 1
            case .offsite: 2
            default: 3
            }
        }
        return snapshot.sites.filter { $0.id != target.id && $0.refusal == nil }.sorted { (rank($0), $0.id) < (rank($1), $1.id) }
    }

    /// Each file the volume should have at `site` that is absent or differs from the catalog, copied from
    /// the first site whose copy matches.
    private func copies(_ f: Finding, _ volume: CatalogVolume, to site: CenterSite, planned: inout Set<String>) throws -> [RepairStep] {
        let pages = try snapshot.catalog.pages(of: [volume.id])[volume.id] ?? []
        var expected: [(name: String, sha: String?)] = [(VolumeFolderContents.metadataName, nil)]
        expected += pages.map { (VolumeFolderContents.pageName($0.no), $0.sha256) }
        if volume.efileStatus == "done", let sha = volume.efileSHA256 { expected.append((VolumeFolderContents.efileName, sha)) }
        if volume.sealStatus == "done", let sha = volume.sealSHA256 { expected.append((VolumeFolderContents.sealedName, sha)) }
        var steps: [RepairStep] = []
        for file in expected {
            let relative = "\(volume.folder)/\(file.name)"
            let target = site.root + "/" + relative
            guard !planned.contains(target) else { continue }
            let current = hash(target)
            if let sha = file.sha {
                if current == sha { continue }
            } else if current != nil, metadataMatches(target, volume) {
                continue
            }
            planned.insert(target)
            if let (source, sha) = goodCopy(relative, expected: file.sha, volume: volume, except: site) {
                steps.append(RepairStep(finding: f, action: .copy(source: source.root + "/" + relative, target: target, sha256: sha,
                                                                  replaces: current != nil),
                    summary: "\(current == nil ? "补齐" : "替换损坏的") \(relative)，来源 \(source.id)（哈希与目录一致） (copy from \(source.id))"))
            } else {
                steps.append(manual(f, "没有任何站点持有与目录一致的 \(relative)：无可用副本，请从纸质档案或加工中心重新扫描/生成 (no good copy anywhere)"))
            }
        }
        return steps
    }

    /// The first other site whose copy of `relative` matches the catalog hash (or, for metadata.xml, names
    /// the volume), with the hash the script must find before and after copying.
    private func goodCopy(_ relative: String, expected: String?, volume: CatalogVolume, except site: CenterSite) -> (CenterSite, String)? {
        for source in sources(except: site) {
            let path = source.root + "/" + relative
            guard let sha = hash(path) else { continue }
            if let expected {
                if sha == expected { return (source, sha) }
            } else if metadataMatches(path, volume) {
                return (source, sha)
            }
        }
        return nil
    }

    private func hash(_ path: String) -> String? {
        if case .success(let hex) = reader.sha256(path) { return hex }
        return nil
    }

    private func metadataMatches(_ path: String, _ volume: CatalogVolume) -> Bool {
        guard case .success(let data) = reader.contents(path, limit: 16 << 20), case .success(let m) = VolumeMetadata.parse(data) else {
            return false
        }
        // The parser trims the code's text; so must the comparison.
        let uscc = volume.uscc.trimmingCharacters(in: .whitespacesAndNewlines)
        return m.uscc == uscc && m.seq == volume.seq && (m.pageCount == nil || m.pageCount == volume.pages)
    }

    /// A sealed file that does not verify: only a copy that both verifies and matches the catalog may replace it.
    private func sealCopy(_ f: Finding, _ volume: CatalogVolume, to site: CenterSite, planned: inout Set<String>) -> [RepairStep] {
        let relative = "\(volume.folder)/\(VolumeFolderContents.sealedName)"
        let target = site.root + "/" + relative
        guard !planned.contains(target) else { return [] }
        guard let verifier else {
            return [manual(f, "未配置受信任的签章证书，无法判断哪个站点的签章文件有效；请配置 seal_certificate 后重新生成计划 (no seal certificate)")]
        }
        for source in sources(except: site) {
            let path = source.root + "/" + relative
            guard let sha = hash(path), sha == volume.sealSHA256, case .success(let data) = reader.contents(path),
                  verifier.verify(data).isValid else { continue }
            planned.insert(target)
            return [RepairStep(finding: f, action: .copy(source: path, target: target, sha256: sha, replaces: hash(target) != nil),
                               summary: "用 \(source.id) 上能通过校验且与目录一致的签章文件替换 \(relative) (copy a valid seal from \(source.id))")]
        }
        return [manual(f, "没有任何站点持有能通过校验且与目录哈希一致的 \(relative)：无可用副本，需在加工中心重新签章并更新目录的 seal_sha256 (re-seal needed)")]
    }

    /// A folder whose metadata.xml names another volume: when its pages are this volume's, the metadata.xml
    /// is what is wrong (copy a good one); when they are the named volume's and that volume's folder is
    /// absent, the folder was filed in the wrong place (move it there); anything else needs a person.
    private func misfiled(_ f: Finding, _ volume: CatalogVolume, at site: CenterSite, planned: inout Set<String>) -> [RepairStep] {
        let folder = site.root + "/" + volume.folder
        let pages = ((try? snapshot.catalog.pages(of: [volume.id])) ?? [:])[volume.id] ?? []
        let own = !pages.isEmpty && pages.allSatisfy { hash(folder + "/" + VolumeFolderContents.pageName($0.no)) == $0.sha256 }
        let relative = "\(volume.folder)/\(VolumeFolderContents.metadataName)"
        if own {
            let target = site.root + "/" + relative
            planned.insert(target)
            if let (source, sha) = goodCopy(relative, expected: nil, volume: volume, except: site) {
                return [RepairStep(finding: f, action: .copy(source: source.root + "/" + relative, target: target, sha256: sha,
                                                             replaces: hash(target) != nil),
                                   summary: "页面属于本案卷，错的是 metadata.xml：从 \(source.id) 复制正确的 \(relative) (metadata.xml is wrong)")]
            }
            return [manual(f, "页面属于本案卷，但没有任何站点持有记载正确的 \(relative)：无可用副本，需按目录重新生成 metadata.xml")]
        }
        guard case .success(let data) = reader.contents(folder + "/" + VolumeFolderContents.metadataName, limit: 16 << 20),
              case .success(let m) = VolumeMetadata.parse(data), let uscc = m.uscc, let seq = m.seq,
              let named = volumes.values.first(where: { $0.uscc == uscc && $0.seq == seq }) else {
            return [manual(f, "页面与目录不符，metadata.xml 也指不出目录中的案卷：需人工核对 (needs a person)")]
        }
        let destination = site.root + "/" + named.folder
        if FileManager.default.fileExists(atPath: destination) {
            return [manual(f, "文件夹内容属于案卷 \(named.id)（\(named.folder)），但那里已有文件夹：需人工比对后决定保留哪一个")]
        }
        return [RepairStep(finding: f, action: .move(from: folder, to: destination),
                           summary: "文件夹 \(volume.folder) 实为案卷 \(named.id)：移回 \(named.folder) (move the misfiled volume back)")]
    }
}
