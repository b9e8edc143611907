import Crypto
import Foundation

/// Compares one enterprise folder (`<uscc>/`) of an old store with the same folder of a new store: every
/// volume folder, every file by size and SHA-256, and for each file that differs the likely cause. It
/// only reads, through the shared throttled reader (no-follow, no access-time update).
///
/// It is the unit of a comparison: a run commits its results enterprise folder by enterprise folder, so an
/// interrupted run resumes at the next one and ends with the same differences as an uninterrupted run.
final class EnterpriseFolderComparer: @unchecked Sendable {
    let old: CenterSite
    let new: CenterSite
    let reader: ThrottledFileReader
    let catalog: ComparisonCatalogIndex
    let verifier: SealVerifier?
    private(set) var volumes = 0
    private(set) var files = 0
    private(set) var notes: [String] = []

    init(old: CenterSite, new: CenterSite, reader: ThrottledFileReader, catalog: ComparisonCatalogIndex, verifier: SealVerifier?) {
        self.old = old; self.new = new; self.reader = reader; self.catalog = catalog; self.verifier = verifier
    }

    /// Starts counting afresh for the next unit.
    func reset() { volumes = 0; files = 0; notes = [] }

    // MARK: - One enterprise folder

    func compare(uscc: String) -> [ComparisonDifference] {
        // Unreadable is not absent: an enterprise folder one side cannot list is a note, not differences.
        guard let oldSeqs = subfolders(old, uscc), let newSeqs = subfolders(new, uscc) else { return [] }
        var out: [ComparisonDifference] = []
        for seq in Set(oldSeqs.keys).union(newSeqs.keys).sorted() {
            let folder = "\(uscc)/\(seq)"
            let volume = catalog.volume(atFolder: folder)
            if case .some(.none) = oldSeqs[seq] { continue }
            if case .some(.none) = newSeqs[seq] { continue }
            switch (oldSeqs[seq] ?? nil, newSeqs[seq] ?? nil) {
            case (.some(let o), .none):
                var d = ComparisonDifference(code: .volumeMissing, site: old.id, volume: volume?.id, uscc: uscc, path: folder,
                    detail: "新侧缺少案卷文件夹 \(folder)（旧侧有 \(o.entries.count) 个文件） (volume folder missing on the new side)")
                (d.signature, d.claims) = identity(old, folder, o)
                out.append(d)
            case (.none, .some(let n)):
                var d = ComparisonDifference(code: .volumeExtra, site: old.id, volume: volume?.id, uscc: uscc, path: folder,
                    detail: "新侧多出案卷文件夹 \(folder)（旧侧没有；\(volume == nil ? "目录中也没有该案卷" : "目录中有该案卷")） (extra volume folder)")
                (d.signature, d.claims) = identity(new, folder, n)
                out.append(d)
            case (.some(let o), .some(let n)):
                out += compareVolume(oldFolder: folder, o, newFolder: folder, n, volume: volume, uscc: uscc)
            case (.none, .none):
                break
            }
        }
        return out
    }

    /// The volume folders under `<root>/<uscc>`, listed; an absent enterprise folder has none.
    /// A volume folder that cannot be listed maps to nil: neither missing nor extra, only a note.
    private func subfolders(_ site: CenterSite, _ uscc: String) -> [String: DirectoryListing?]? {
        let listing: DirectoryListing
        switch DirectoryListing.read(site.root + "/" + uscc) {
        case .success(let l): listing = l
        case .failure(.missing): return [:]
        case .failure(let f):
            notes.append("\(site.id) \(uscc) \(f.text)")
            return nil
        }
        var result: [String: DirectoryListing?] = [:]
        for entry in listing.entries where entry.kind == .directory && entry.isValidUTF8 {
            switch DirectoryListing.read(site.root + "/" + uscc + "/" + entry.name) {
            case .success(let l): result[entry.name] = .some(l)
            case .failure(let f):
                notes.append("\(site.id) \(uscc)/\(entry.name) \(f.text)")
                result[entry.name] = .some(nil)
            }
        }
        return result
    }

    /// SHA-256 of the folder's metadata.xml and the `uscc/seq` it names, to recognise the folder elsewhere.
    private func identity(_ site: CenterSite, _ folder: String, _ listing: DirectoryListing) -> (String?, String?) {
        guard let entry = listing.entry(named: VolumeFolderContents.metadataName), entry.kind == .file,
              case .success(let data) = reader.contents(site.root + "/" + folder + "/" + entry.name, limit: 16 << 20) else {
            return (nil, nil)
        }
        let signature = ThrottledFileReader.hex(SHA256.hash(data: data))
        guard case .success(let m) = VolumeMetadata.parse(data), let uscc = m.uscc, let seq = m.seq else { return (signature, nil) }
        return (signature, "\(uscc)/\(VolumeFolderName.seqFolder(seq))")
    }

    // MARK: - One volume folder

    /// Compares the files of a volume folder; the folders may differ (a volume found moved elsewhere).
    func compareVolume(oldFolder: String, _ o: DirectoryListing, newFolder: String, _ n: DirectoryListing,
                       volume: CatalogVolume?, uscc: String) -> [ComparisonDifference] {
        volumes += 1
        let oldByName = Dictionary(o.entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(n.entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var missing = o.entries.map(\.name).filter { newByName[$0] == nil }
        var extra = n.entries.map(\.name).filter { oldByName[$0] == nil }
        var out: [ComparisonDifference] = []
        let moved = oldFolder != newFolder ? newFolder : nil
        // A name that only changed case is one difference, not a missing and an extra file.
        for name in missing {
            guard let other = extra.first(where: { $0.lowercased() == name.lowercased() }),
                  let oe = oldByName[name], let ne = newByName[other] else { continue }
            missing.removeAll { $0 == name }
            extra.removeAll { $0 == other }
            let same = oe.kind == .file && ne.kind == .file && oe.size == ne.size
                && hash(old, "\(oldFolder)/\(name)") == hash(new, "\(newFolder)/\(other)")
            out.append(ComparisonDifference(code: .fileRenamed, severity: same ? .warning : .critical, site: old.id,
                volume: volume?.id, uscc: uscc, path: "\(oldFolder)/\(name)", newPath: "\(newFolder)/\(other)", cause: .caseChange,
                detail: "新侧的 \(oldFolder)/\(name) 名称变成了 \(other)（\(same ? "内容相同" : "内容也不同")） (name changed case)",
                oldBytes: oe.size, newBytes: ne.size))
        }
        for name in missing {
            let e = oldByName[name]
            out.append(ComparisonDifference(code: .fileMissing, site: old.id, volume: volume?.id, uscc: uscc,
                path: "\(oldFolder)/\(name)", newPath: moved.map { "\($0)/\(name)" },
                detail: "新侧缺少 \(moved ?? oldFolder)/\(name) (file missing on the new side)", oldBytes: e?.size))
        }
        for name in extra {
            let e = newByName[name]
            out.append(ComparisonDifference(code: .fileExtra, site: old.id, volume: volume?.id, uscc: uscc,
                path: "\(newFolder)/\(name)",
                detail: "新侧多出文件 \(newFolder)/\(name)（旧侧没有） (extra file on the new side)", newBytes: e?.size))
        }
        for oe in o.entries {
            guard let ne = newByName[oe.name] else { continue }
            if let d = compareFile(oe, ne, oldFolder: oldFolder, newFolder: newFolder, volume: volume, uscc: uscc) { out.append(d) }
        }
        return out
    }

    private func hash(_ site: CenterSite, _ relative: String) -> String? {
        switch reader.sha256(site.root + "/" + relative) {
        case .success(let hex): return hex
        case .failure(let f):
            notes.append("\(site.id) \(relative) \(f.text)")
            return nil
        }
    }

    private func compareFile(_ oe: DirectoryListing.Entry, _ ne: DirectoryListing.Entry, oldFolder: String, newFolder: String,
                             volume: CatalogVolume?, uscc: String) -> ComparisonDifference? {
        let path = "\(oldFolder)/\(oe.name)"
        let newPath = oldFolder == newFolder ? nil : "\(newFolder)/\(ne.name)"
        guard oe.kind == .file, ne.kind == .file else {
            if oe.kind == ne.kind { return nil }
            return ComparisonDifference(code: .fileChanged, site: old.id, volume: volume?.id, uscc: uscc, path: path, newPath: newPath,
                cause: .contentChanged, detail: "\(path) 在两侧的类型不同（旧侧 \(oe.kind)，新侧 \(ne.kind)） (entry kind differs)")
        }
        files += 1
        guard let oldSHA = hash(old, path), let newSHA = hash(new, newPath ?? path) else { return nil }
        if oldSHA == newSHA && oe.size == ne.size { return nil }
        let (cause, why) = classify(oe, ne, path: path, newPath: newPath ?? path, newSHA: newSHA)
        let expected = catalog.expectedSHA256(volume, name: oe.name)
        let agreement = Self.catalogAgreement(expected: expected, old: oldSHA, new: newSHA)
        return ComparisonDifference(code: .fileChanged, site: old.id, volume: volume?.id, uscc: uscc, path: path, newPath: newPath,
            cause: cause, detail: "\(path) 两侧不同：\(cause.title)。\(why)\(agreement)",
            oldBytes: oe.size, newBytes: ne.size, oldSHA256: oldSHA, newSHA256: newSHA)
    }

    /// The most specific cause the bytes support, with a sentence of evidence.
    private func classify(_ oe: DirectoryListing.Entry, _ ne: DirectoryListing.Entry, path: String, newPath: String,
                          newSHA: String) -> (ComparisonCause, String) {
        var prefix = false
        if ne.size < oe.size, case .success(let head) = reader.sha256(old.root + "/" + path, prefix: ne.size), head == newSHA {
            prefix = true
        }
        let truncation = "新侧 \(ne.size) 字节正是旧侧 \(oe.size) 字节的开头部分。"
        // A sealed file first: a PDF cut back to before its signature is "truncated", but what the bureau
        // loses is the seal.
        if oe.name == VolumeFolderContents.sealedName,
           case .success(let newData) = reader.contents(new.root + "/" + newPath, limit: 256 << 20), let why = sealProblem(newData) {
            return (.sealLost, "新侧签章校验失败：\(why)。" + (prefix ? truncation : ""))
        }
        if prefix { return (.truncated, truncation) }
        let newData: Data
        switch reader.contents(new.root + "/" + newPath, limit: 256 << 20) {
        case .success(let d): newData = d
        case .failure: return (.contentChanged, "新侧 \(ne.size) 字节，旧侧 \(oe.size) 字节。")
        }
        if oe.name == VolumeFolderContents.metadataName,
           case .success(let oldData) = reader.contents(old.root + "/" + path, limit: 16 << 20) {
            return (.metadataChanged, Self.metadataDifference(oldData, newData))
        }
        if VolumeFolderContents.pageNumber(oe.name) != nil, ne.size != oe.size, Self.isCompleteImage(newData) {
            return (.reencodedImage, "新侧仍是完整的图像文件（\(ne.size) 字节，旧侧 \(oe.size) 字节），但字节不同。")
        }
        return (.contentChanged, "新侧 \(ne.size) 字节，旧侧 \(oe.size) 字节。")
    }

    /// Why a sealed file no longer verifies; nil when it still does (or cannot be judged).
    private func sealProblem(_ data: Data) -> String? {
        if let verifier {
            let verdict = verifier.verify(data)
            return verdict.isValid ? nil : verdict.detail
        }
        // Without the trusted certificate only a removed or damaged signature dictionary can be seen.
        switch SealSignatureLocation.locate(in: [UInt8](data)) {
        case .success: return nil
        case .failure(.notSigned): return SealVerdict.notSigned.detail
        case .failure(.malformed(let why)): return why
        }
    }

    static func metadataDifference(_ old: Data, _ new: Data) -> String {
        switch (VolumeMetadata.parse(old), VolumeMetadata.parse(new)) {
        case (.success(let a), .success(let b)):
            var fields: [String] = []
            if a.uscc != b.uscc { fields.append("企业代码 \(a.uscc ?? "（无）") → \(b.uscc ?? "（无）")") }
            if a.seq != b.seq { fields.append("序号 \(a.seq.map(String.init) ?? "（无）") → \(b.seq.map(String.init) ?? "（无）")") }
            if a.pageCount != b.pageCount {
                fields.append("页数 \(a.pageCount.map(String.init) ?? "（无）") → \(b.pageCount.map(String.init) ?? "（无）")")
            }
            return fields.isEmpty ? "企业代码、序号与页数相同，其余内容或格式不同。" : "记载内容不同：\(fields.joined(separator: "；"))。"
        case (_, .failure(let problem)):
            return "新侧\(problem.text)。"
        case (.failure, .success):
            return "旧侧无法解析，新侧可以解析。"
        }
    }

    /// A whole JPEG (SOI … EOI) or a TIFF header: the new file is still an image, only its bytes differ.
    static func isCompleteImage(_ data: Data) -> Bool {
        let b = [UInt8](data.prefix(4))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF {
            let tail = [UInt8](data.suffix(2))
            return tail == [0xFF, 0xD9]
        }
        return b == [0x49, 0x49, 0x2A, 0x00] || b == [0x4D, 0x4D, 0x00, 0x2A]
    }

    /// Which side still matches the catalog hash, the evidence for which copy to keep.
    static func catalogAgreement(expected: String?, old: String, new: String) -> String {
        guard let expected, !expected.isEmpty else { return "目录中没有该文件的哈希。" }
        switch (old == expected, new == expected) {
        case (true, false): return "旧侧与目录哈希一致，新侧不一致：迁移中损坏。"
        case (false, true): return "新侧与目录哈希一致，旧侧不一致：旧侧本已损坏。"
        case (true, true): return ""
        case (false, false): return "两侧都与目录哈希不一致。"
        }
    }
}
