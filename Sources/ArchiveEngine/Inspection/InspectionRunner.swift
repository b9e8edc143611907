import Foundation

/// The daily inspection (每日巡检): opens the snapshot read-only, runs the chosen checks — catalog-wide
/// parts over the whole center, file parts over the run's selection in committed batches — and returns
/// the findings in report order with the run record. Saving is the caller's choice
/// (``OperationsStore/saveInspection(_:findings:)``).
///
/// ## Topics
/// - The checks: ``CheckCatalog/checkTypes`` (catalogue order), ``checks(only:from:)`` (`--only`)
/// - Running: ``run(_:store:progress:checkTypes:)``
public enum InspectionRunner {
    /// The checks of `types` named by `--only` (all when nil), in catalogue order; an unknown id is an
    /// error that lists the valid ones.
    public static func checks(only: [String]?, from types: [any Check.Type] = CheckCatalog.checkTypes) throws -> [any Check.Type] {
        guard let only else { return types }
        let wanted = Set(only.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        for id in wanted.sorted() where !types.contains(where: { $0.definition.id == id }) {
            throw InspectionError.unknownCheck(id)
        }
        return types.filter { wanted.contains($0.definition.id) }
    }

    /// - Parameter checkTypes: the checks to choose from; the catalogue's (a test passes its own).
    public static func run(_ options: InspectionOptions, store: OperationsStore,
                           progress: ProgressReporter = ProgressReporter(force: false),
                           checkTypes: [any Check.Type] = CheckCatalog.checkTypes) throws -> InspectionReport {
        let started = options.recordedStart ?? Date()
        let types = try checks(only: options.only, from: checkTypes)
        let checkIDs = types.map { $0.definition.id }
        let phases = options.phases ?? PhaseTimes()
        let snapshot = try phases.measure("catalog copy") {
            try CenterSnapshot(root: options.center, catalogLockWait: options.thresholds.catalogLockWaitSeconds,
                               allowedStoreRoots: options.storeRoots)
        }
        var pem: String?
        if let url = options.sealCertificate {
            do { pem = try String(contentsOf: url, encoding: .utf8) } catch {
                throw InspectionError.sealCertificateUnreadable(url.path, error.localizedDescription)
            }
        }
        let siteIDs = try options.sites.map { try Self.sites($0, of: snapshot) }
        progress.update("读取目录 (reading catalog)…", final: true)
        let volumes = try phases.measure("catalog volumes") { try snapshot.catalog.volumes() }
        let reader = ThrottledFileReader(throttle: ReadThrottle(megabytesPerSecond: options.maxReadMBps))
        let context = InspectionContext(
            snapshot: snapshot, at: options.at, thresholds: options.thresholds, volumes: volumes,
            branchOf: try phases.measure("catalog branches") { try snapshot.catalog.branchOfEnterprise() }, reader: reader, sealCertificatePEM: pem,
            sealCertificatePath: options.sealCertificate?.path, mounts: options.mounts, host: options.host,
            sites: siteIDs.map(Set.init), phases: phases)
        context.listsSizes = types.contains { $0.readsFiles && $0.needsFileSizes }
        context.hashesFiles = types.contains { $0.readsFiles && $0.hashesFiles }
        let needsPages = types.contains { $0.readsFiles && $0.needsCatalogPages }
        let runID = InspectionRun.makeID(host: options.host, startedAt: started, sites: siteIDs)
        let instances = types.map { $0.init() }

        var findings: [Finding] = []
        for check in instances {
            progress.update("\(type(of: check).definition.name)：目录检查…", final: true)
            findings += try phases.measure("catalog check " + type(of: check).definition.id) { try check.run(context) }
        }

        // File checks over the selection, committed batch by batch.
        let fileChecks = instances.filter { type(of: $0).readsFiles }
        var plan: CoverageLedger.Plan?
        var filesRead = 0, bytesRead: Int64 = 0
        if !fileChecks.isEmpty {
            let ledger = CoverageLedger(store: store, center: snapshot.root.path,
                                        checks: fileChecks.map { type(of: $0).definition.id }, sites: siteIDs)
            progress.update("计算目录指纹 (fingerprinting catalog)…", final: true)
            let raw = try phases.measure("catalog fingerprint") { try CatalogFingerprint.compute(snapshot.catalog) }
            var fingerprints: [String: Int64] = [:]
            fingerprints.reserveCapacity(volumes.count)
            // Listed once, shared by the workers: the roots of the sites some file check of the run reads.
            for site in context.sites where fileChecks.contains(where: { type(of: $0).readsStore(of: site) }) {
                _ = phases.measure("list site roots") { context.rootFolders(of: site) }
            }
            for v in Self.relevant(volumes, context: context, partial: siteIDs != nil) {
                fingerprints[v.id] = CatalogFingerprint.withDueState(raw[v.id] ?? 0, due: context.isDue(v))
            }
            var p = try phases.measure("coverage plan") { try ledger.plan(fingerprints: fingerprints, at: options.at, full: options.full,
                                    cycleDays: options.thresholds.fixityCycleDays, runID: runID) }
            findings += p.carried
            // Positions, not copies: a volume is a dozen strings, and this table holds every volume.
            let byID = Dictionary(volumes.indices.map { (volumes[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            let selected = p.selection.compactMap { byID[$0].map { volumes[$0] } }
            let workers = BatchWorkers(count: options.workers ?? ProcessInfo.processInfo.activeProcessorCount,
                                       context: context, types: fileChecks.map { type(of: $0) }, first: fileChecks,
                                       nice: options.nice)
            defer { workers.collectNotes() }
            let commits = CoverageCommitQueue { [at = options.at] entries in
                try phases.measure("coverage commit") { try ledger.commit(entries, at: at, runID: runID) }
            }
            defer { try? commits.wait() }  // never leave a commit running behind an error
            var done = 0, batches = 0
            let size = max(1, options.batchSize)
            try phases.measure("file checks (wall)") {
                try workers.inspect(batchCount: (selected.count + size - 1) / size, prepare: { k in
                    let batchVolumes = Array(selected[(k * size)..<min((k + 1) * size, selected.count)])
                    var pages: [String: [CatalogPage]] = [:]
                    if needsPages {
                        pages = try phases.measure("catalog pages") { try snapshot.catalog.pages(of: batchVolumes.map(\.id)) }
                    }
                    return VolumeBatch(volumes: batchVolumes, pages: pages)
                }, finished: { batch, batchFindings in
                    findings += batchFindings
                    let byVolume = Self.ledgerEntries(batchFindings, volumes: batch.volumes)
                    let entries = batch.volumes.map { ($0.id, fingerprints[$0.id] ?? 0, byVolume[$0.id] ?? []) }
                    try commits.commit(entries)
                    done += batch.volumes.count
                    batches += 1
                    progress.update("巡检存储文件 \(FindingText.count(done))/\(FindingText.count(selected.count)) 卷（\(selected.isEmpty ? 100 : done * 100 / selected.count)%），已读 \(workers.bytesReadSoFar / 1_000_000) MB")
                    if let stop = options.stopAfterBatches, batches >= stop, done < selected.count {
                        try commits.wait()
                        progress.finish()
                        throw InspectionError.interrupted(done: done, total: selected.count)
                    }
                })
            }
            try commits.wait()
            filesRead = workers.filesRead
            bytesRead = workers.bytesRead
            let finishedMode = p.mode == .full || (p.mode == .resumed && p.fullReason != "incremental") ? CoverageLedger.Mode.full : p.mode
            try phases.measure("coverage finish") { try ledger.finish(runID: runID, mode: finishedMode) }
            p.carried = []
            plan = p
        }
        progress.finish()
        defer { if options.phases == nil { phases.printIfEnabled() } }  // else the caller prints, after saving

        let ordered = phases.measure("order findings") { order(findings, checkIDs: checkIDs) }
        let notes = Array(Set(context.notes)).sorted()
        let coverage = coverageDetail(plan: plan, filesRead: filesRead, bytesRead: bytesRead, notes: notes, fileChecks: !fileChecks.isEmpty)
        let finished = options.recordedStart ?? Date()
        let run = InspectionRun(id: runID, startedAt: started, finishedAt: finished, host: options.host,
                                center: snapshot.root.path, window: context.windowText, checks: checkIDs,
                                coverageDetail: coverage, sites: siteIDs)
        var report = InspectionReport(run: run, findings: ordered, notes: notes, checks: types.map { $0.definition }, plan: plan)
        report.filesRead = filesRead
        report.bytesRead = bytesRead
        if checkIDs.contains(DiskCheck.definition.id) {
            report.diskReadings = context.diskReadings
            report.archiveGrowth = try archiveGrowth(snapshot: snapshot, at: options.at)
        }
        report.enterprises = try phases.measure("enterprise facts") {
            let ticketTexts = try store.ticketRecords().flatMap { [$0.description, $0.actions ?? "", $0.resolution ?? ""] }
            return try EnterpriseFactsReading.read(findings: ordered, ticketTexts: ticketTexts, context: context)
        }
        return report
    }

    /// The volumes whose files the run's sites may hold: all of them for the whole center; with `--site`,
    /// those a chosen site must hold or has a folder for (a branch holding another branch's volume is a
    /// finding), so a branch host's run walks its own share, not the whole catalog.
    static func relevant(_ volumes: [CatalogVolume], context: InspectionContext, partial: Bool) -> [CatalogVolume] {
        guard partial, !context.sites.contains(where: \.holdsEveryVolume) else { return volumes }
        let roots = context.sites.map { site -> Set<String> in
            if case .success(let r) = context.rootFolders(of: site) { return r }
            return []
        }
        return volumes.filter { v in
            context.sites.indices.contains { context.mustHold(context.sites[$0], v) || roots[$0].contains(v.uscc) }
        }
    }

    /// The `--site` ids, checked against the snapshot's sites, sorted and without repeats.
    static func sites(_ ids: [String], of snapshot: CenterSnapshot) throws -> [String] {
        let wanted = Set(ids.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        for id in wanted.sorted() where snapshot.site(id) == nil {
            throw InspectionError.unknownSite(id, known: snapshot.sites.map(\.id))
        }
        return wanted.sorted()
    }

    /// Each site's archive added per month: processing, dc and offsite hold every volume, a branch the
    /// volumes of its own enterprises (the same rule as the sync check).
    static func archiveGrowth(snapshot: CenterSnapshot, at: Date) throws -> [ArchiveGrowthMonth] {
        let rows = try snapshot.catalog.monthlyGrowth()
        return snapshot.sites.flatMap { site -> [ArchiveGrowthMonth] in
            let mine = rows.filter { site.holdsEveryVolume || (site.kind == .branch && $0.branchID == site.id) }
            return Dictionary(grouping: mine, by: \.month).keys.sorted().map { month in
                let m = mine.filter { $0.month == month }
                return ArchiveGrowthMonth(siteID: site.id, siteName: site.name, month: month,
                                          volumes: m.reduce(0) { $0 + $1.volumes }, pages: m.reduce(0) { $0 + $1.pages },
                                          bytes: m.reduce(0) { $0 + $1.bytes }, recordedAt: at)
            }
        }
    }

    /// The batch's file findings per volume, as the coverage ledger keeps them. A finding about a folder
    /// rather than a volume (an orphan seq folder under an enterprise) is kept with the first volume of its
    /// enterprise in the batch: that volume then counts as having an open problem, so every incremental
    /// run re-lists the folder and a resumed run re-reports it, until the folder is gone.
    static func ledgerEntries(_ findings: [Finding], volumes: [CatalogVolume]) -> [String: [Finding]] {
        var anchor: [String: String] = [:]
        for v in volumes where anchor[v.uscc] == nil { anchor[v.uscc] = v.id }
        var result: [String: [Finding]] = [:]
        for f in findings {
            guard let id = f.volume ?? f.uscc.flatMap({ anchor[$0] }) else { continue }
            result[id, default: []].append(f)
        }
        return result
    }

    /// Report order: catalogue order of checks, then code, site, volume, path, query, host, mount;
    /// identical findings (an orphan seen from two batches) are kept once.
    public static func order(_ findings: [Finding], checkIDs: [String]) -> [Finding] {
        let rank = Dictionary(checkIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<Finding>()
        let unique = findings.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let ka = (rank[a.check] ?? Int.max, a.code, a.site ?? "", a.volume ?? "", a.path ?? "", a.uscc ?? "")
            let kb = (rank[b.check] ?? Int.max, b.code, b.site ?? "", b.volume ?? "", b.path ?? "", b.uscc ?? "")
            if ka != kb { return ka < kb }
            let qa = (a.query ?? -1, a.host ?? "", a.mount ?? "", a.detail)
            let qb = (b.query ?? -1, b.host ?? "", b.mount ?? "", b.detail)
            return qa < qb
        }
    }

    /// What the run covered besides its checks (the run keeps those as data), in words an acceptance reviewer
    /// can check (Chinese first).
    static func coverageDetail(plan: CoverageLedger.Plan?, filesRead: Int, bytesRead: Int64, notes: [InspectionNote],
                               fileChecks: Bool) -> String? {
        var parts: [String] = []
        if let p = plan {
            let n = FindingText.count
            switch p.mode {
            case .full:
                parts.append("全量检查 \(n(p.selection.count)) 卷（\(p.fullReason)）")
            case .incremental:
                parts.append("增量 \(n(p.changed)) 卷 + 复查有问题 \(n(p.reverified)) 卷 + 轮转切片 \(n(p.slice)) 卷（第 \(p.sliceNo)/\(p.sliceCount) 片），共 \(n(p.selection.count))/\(n(p.total)) 卷")
            case .resumed:
                parts.append("续传上次中断的运行（\(p.fullReason == "incremental" ? "增量" : "全量")）：此前已完成 \(n(p.alreadyDone)) 卷，本次完成 \(n(p.selection.count)) 卷，共 \(n(p.total)) 卷")
            }
            parts.append("读取 \(n(filesRead)) 个文件 \(n(Int(bytesRead / 1_000_000))) MB")
        } else if !fileChecks {
            parts.append("仅目录与主机检查，未读取存储文件")
        }
        if !notes.isEmpty {
            parts.append("\(notes.count) 处无法检查（UNKNOWN）: " + notes.prefix(5).map(\.line).joined(separator: "；"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "；")
    }
}
