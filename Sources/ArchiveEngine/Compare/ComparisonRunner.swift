import Foundation

/// `archive-ops compare`: proves that a new copy of the archive (a migrated store, a new storage system)
/// holds every volume of the old one, file by file and byte by byte, and says why where it does not.
///
/// Both sides are only read. The work is split into units — one enterprise folder of one site pair — and
/// committed to the operations database in batches, so a run that is killed resumes at the next unit
/// when the same command is run again; the differences are only put together (moved volumes recognised,
/// catalogs compared) once every unit is done, so a resumed run ends exactly like an uninterrupted one.
///
/// ## Topics
/// - Running: ``run(_:store:progress:)``
/// - Results: ``Comparison`` (saved in the database), ``ComparisonDifference``, ``ComparisonCode``
public enum ComparisonRunner {
    /// One unit of work: an enterprise folder of one old/new site pair.
    struct Unit: Hashable {
        let pair: Int
        let uscc: String
        var key: String { "\(pair)/\(uscc)" }
    }

    public static func run(_ options: ComparisonOptions, store: OperationsStore,
                           progress: ProgressReporter = ProgressReporter(force: false)) throws -> Comparison {
        let started = options.recordedStart ?? Date()
        var verifier: SealVerifier?
        if let pem = options.sealCertificatePEM { verifier = try SealVerifier(trustedCertificatePEM: pem) }
        let throttle = ReadThrottle(megabytesPerSecond: options.maxReadMBps)
        let workers = max(1, options.workers)
        let readers = (0..<workers).map { _ in ThrottledFileReader(throttle: throttle) }
        func bytesRead() -> Int64 { readers.reduce(0) { $0 + $1.bytesRead } }
        progress.update("读取目录 (reading catalogs)…", final: true)
        let index = try ComparisonCatalogIndex(old: options.old, new: options.new)

        // Site pairs, and the stores the new side lacks altogether.
        var pairs: [(old: CenterSite, new: CenterSite)] = []
        var upfront: [ComparisonDifference] = []
        var notes: [String] = []
        let single = options.old.sites.count == 1 && options.new.sites.count == 1
        for o in options.old.sites {
            guard let n = single ? options.new.sites.first : options.new.sites.first(where: { $0.id == o.id }) else {
                upfront.append(ComparisonDifference(code: .storeMissing, site: o.id, path: "",
                    detail: "新侧没有站点 \(o.id) 的存储 (site store missing on the new side)"))
                continue
            }
            if let refusal = o.refusal ?? n.refusal { notes.append("\(o.id) \(refusal)"); continue }
            if case .failure(let f) = DirectoryListing.read(o.root, followRoot: true) {
                notes.append("旧侧站点 \(o.id) 的存储 \(o.root) \(f.text)，未能核对")
                continue
            }
            if case .failure(let f) = DirectoryListing.read(n.root, followRoot: true) {
                upfront.append(ComparisonDifference(code: .storeMissing, site: o.id, path: "",
                    detail: "新侧站点 \(n.id) 的存储 \(n.root) \(f.text) (site store missing on the new side)"))
                continue
            }
            pairs.append((o, n))
        }
        var units: [Unit] = []
        for (i, p) in pairs.enumerated() {
            units += Set(topFolders(p.old.root)).union(topFolders(p.new.root)).sorted().map { Unit(pair: i, uscc: $0) }
        }

        let key = options.key
        let resumed = options.restart ? nil : try store.unfinishedComparison(key: key)
        let id = try resumed ?? store.beginComparison(key: key, oldSide: options.old.label, newSide: options.new.label,
                                                      sites: pairs.map { $0.old.id == $0.new.id ? $0.old.id : "\($0.old.id)→\($0.new.id)" },
                                                      host: options.host, startedAt: started, units: units.count)
        let done = try store.comparisonUnitsDone(id)
        // One comparer per worker and site pair: a comparer and its reader are used by one thread only.
        let comparersByWorker = readers.map { reader in
            pairs.map { EnterpriseFolderComparer(old: $0.old, new: $0.new, reader: reader, catalog: index, verifier: verifier) }
        }
        let comparers = comparersByWorker[0]
        let todo = units.filter { !done.contains($0.key) }
        var finished = units.count - todo.count, batches = 0, start = 0
        while start < todo.count {
            let batch = Array(todo[start..<min(start + options.batchSize * workers, todo.count)])
            start += batch.count
            let bytesBefore = bytesRead()
            let slots = ResultSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in stride(from: w, to: batch.count, by: workers) {
                    let comparer = comparersByWorker[w][batch[i].pair]
                    comparer.reset()
                    let diffs = comparer.compare(uscc: batch[i].uscc)
                    slots.set(i, ComparisonUnitResult(unit: batch[i].key, volumes: comparer.volumes, files: comparer.files,
                                                      differences: diffs, notes: comparer.notes))
                }
            }
            var results = slots.values
            if !results.isEmpty { results[0].bytes = bytesRead() - bytesBefore }
            try store.commitComparisonUnits(id, results)
            finished += batch.count
            batches += 1
            let percent = finished * 100 / max(units.count, 1)
            progress.update("核对 \(FindingText.count(finished))/\(FindingText.count(units.count)) 个企业文件夹（\(percent)%），"
                            + "已读 \(bytesRead() / 1_000_000) MB")
            if let stop = options.stopAfterBatches, batches >= stop, start < todo.count {
                progress.finish()
                throw ComparisonError.interrupted(done: finished, total: units.count)
            }
        }
        progress.finish()

        // Every unit is done: put the differences together.
        let results = try store.comparisonUnitResults(id)
        var raw = upfront
        var volumes = 0, files = 0
        var bytes: Int64 = 0
        for r in results {
            raw += r.differences
            volumes += r.volumes; files += r.files; bytes += r.bytes
            notes += r.notes
        }
        let before = bytesRead()
        for comparer in comparers { comparer.reset() }
        let paired = pairMoves(raw, pairs: pairs, comparers: comparers)
        volumes += comparers.map(\.volumes).reduce(0, +)
        files += comparers.map(\.files).reduce(0, +)
        bytes += bytesRead() - before
        notes += comparers.flatMap(\.notes)
        let differences = (paired + (try CatalogDifferences.compare(old: options.old, new: options.new)))
            .map(\.published).sorted(by: ComparisonDifference.reportOrder)
        let comparison = Comparison(id: id, oldSide: options.old.label, newSide: options.new.label,
                                    sites: pairs.map { $0.old.id == $0.new.id ? $0.old.id : "\($0.old.id)→\($0.new.id)" },
                                    host: options.host, startedAt: try store.comparisonStart(id) ?? started,
                                    finishedAt: options.recordedStart ?? Date(), enterpriseFolders: units.count, volumes: volumes,
                                    files: files, bytesRead: bytes, resumed: resumed != nil,
                                    notes: Array(Set(notes)).sorted(), differences: differences)
        try store.finishComparison(comparison)
        return comparison
    }

    /// Names of the enterprise folders at the top of a store.
    static func topFolders(_ root: String) -> [String] {
        guard case .success(let listing) = DirectoryListing.read(root, followRoot: true) else { return [] }
        return listing.entries.filter { $0.kind == .directory && $0.isValidUTF8 }.map(\.name)
    }

    /// A volume missing from one place and found at another of the same site becomes one "moved"
    /// difference (and the files of the two folders are compared), instead of a missing and an extra one.
    /// Matched by the same name in other case, the same metadata.xml, or a metadata.xml that names the
    /// missing folder — in that order, each extra folder used once.
    static func pairMoves(_ raw: [ComparisonDifference], pairs: [(old: CenterSite, new: CenterSite)],
                          comparers: [EnterpriseFolderComparer]) -> [ComparisonDifference] {
        let sorted = raw.sorted(by: ComparisonDifference.reportOrder)
        let extras = sorted.enumerated().filter { $0.element.code == ComparisonCode.volumeExtra.rawValue }
        var used = Set<Int>()
        var out: [ComparisonDifference] = []
        var consumed = Set<Int>()
        for (i, m) in sorted.enumerated() where m.code == ComparisonCode.volumeMissing.rawValue {
            guard let path = m.path, let pairIndex = pairs.firstIndex(where: { $0.old.id == m.site }) else { continue }
            let candidates = extras.filter { !used.contains($0.offset) && $0.element.site == m.site }
            let match = candidates.first { $0.element.path?.lowercased() == path.lowercased() }
                ?? candidates.first { m.signature != nil && $0.element.signature == m.signature }
                ?? candidates.first { $0.element.claims == path }
            guard let e = match, let newPath = e.element.path else { continue }
            used.insert(e.offset)
            consumed.insert(i)
            let oldUSCC = path.split(separator: "/").first.map(String.init) ?? ""
            let newUSCC = newPath.split(separator: "/").first.map(String.init) ?? ""
            let cause: ComparisonCause? = oldUSCC.lowercased() != newUSCC.lowercased() ? .movedUSCC
                : path.lowercased() == newPath.lowercased() ? .caseChange : nil
            out.append(ComparisonDifference(code: .volumeMoved, site: m.site, volume: m.volume, uscc: m.uscc, path: path,
                newPath: newPath, cause: cause,
                detail: "案卷 \(path) 在新侧位于 \(newPath)\(cause.map { "：\($0.title)" } ?? "") (volume found elsewhere on the new side)"))
            let pair = pairs[pairIndex]
            if case .success(let o) = DirectoryListing.read(pair.old.root + "/" + path),
               case .success(let n) = DirectoryListing.read(pair.new.root + "/" + newPath) {
                let comparer = comparers[pairIndex]
                out += comparer.compareVolume(oldFolder: path, o, newFolder: newPath, n, volume: comparer.catalog.volume(atFolder: path),
                                              uscc: m.uscc ?? oldUSCC)
            }
        }
        for (i, d) in sorted.enumerated() where !consumed.contains(i) && !used.contains(i) { out.append(d) }
        return out
    }
}

/// The results of one batch, filled by the workers in any order and read back in unit order.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ComparisonUnitResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: ComparisonUnitResult) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [ComparisonUnitResult] { slots.compactMap { $0 } }
}

/// The committed result of one unit, kept until the whole comparison is put together.
public struct ComparisonUnitResult: Codable, Sendable {
    public var unit: String
    public var volumes: Int
    public var files: Int
    public var bytes: Int64 = 0
    public var differences: [ComparisonDifference]
    public var notes: [String]

    init(unit: String, volumes: Int, files: Int, differences: [ComparisonDifference], notes: [String]) {
        self.unit = unit; self.volumes = volumes; self.files = files; self.differences = differences; self.notes = notes
    }
}
