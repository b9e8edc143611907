import ArchiveEngine
import Crypto
import Foundation
import GRDB

/// Does the work of ``SampleCenter/generate(into:options:progress:)``: sites, enterprises with their
/// volumes and files (one enterprise at a time, so memory stays flat), then the query log and the disk
/// history. Fault decisions are documented on ``SampleCenter``.
final class SampleCenterGenerator {
    struct Site { var id: String; var name: String; var kind: String }

    let options: SampleCenterOptions
    let directory: URL
    let at: Date
    let window: (start: Date, end: Date)
    let progress: ((String, Int, Int) -> Void)?
    let sites: [Site]
    let catalog: SampleCatalogWriter
    var files = SampleFileWriter()
    var factory: SampleEnterpriseFactory
    let signer: SealSigner
    let foreignSigner: SealSigner
    let sealPEM: String
    var injected: [ExpectedFinding] = []
    var counts = SampleCenterManifest.Counts()
    /// Clean enterprises that found queries may name.
    var queryTargets: [SampleQueryLog.Target] = []
    var notFoundRequests: [SampleQueryLog.NotFoundRequest] = []
    /// The last enterprise written: another enterprise for misfiled metadata to name.
    var previous: (uscc: String, name: String)?
    var nearMissesLeft = ["generating", "sealPending", "shortLock"]
    /// Every code written to the catalog (the not-found typos must be one edit away from exactly one).
    var catalogCodes = Set<String>()

    init(directory: URL, options: SampleCenterOptions, progress: ((String, Int, Int) -> Void)?) throws {
        self.options = options
        self.directory = directory.standardizedFileURL
        self.at = options.at
        self.window = SampleCenter.notFoundWindow(for: options.at)
        self.progress = progress
        var sites = [Site(id: "processing", name: "数据加工中心", kind: "processing"),
                     Site(id: "dc", name: "市局数据中心", kind: "datacenter"),
                     Site(id: "offsite", name: "异地云备份", kind: "offsite")]
        sites += DongguanGazetteer.branches.map { Site(id: $0.id, name: $0.name, kind: "branch") }
        self.sites = sites
        factory = SampleEnterpriseFactory(at: options.at, maxPages: options.maxPagesPerVolume)

        let fm = FileManager.default
        if fm.fileExists(atPath: self.directory.path) {
            let entries = (try? fm.contentsOfDirectory(atPath: self.directory.path)) ?? []
            guard entries.isEmpty else { throw SampleCenterError.notEmpty(self.directory.path) }
        }
        try files.makeDirectory(self.directory.appendingPathComponent("stores").path)
        catalog = try SampleCatalogWriter(url: self.directory.appendingPathComponent("catalog.sqlite"))

        let seal = try DemoSeal.make(seed: options.seed, commonName: options.sealCommonName)
        sealPEM = seal.certificatePEM
        signer = try SealSigner(certificatePEM: seal.certificatePEM, privateKeyPEM: seal.privateKeyPEM)
        let foreign = try DemoSeal.make(seed: options.seed + "|foreign", commonName: options.sealCommonName)
        foreignSigner = try SealSigner(certificatePEM: foreign.certificatePEM, privateKeyPEM: foreign.privateKeyPEM)
    }

    func run() throws -> SampleCenterManifest {
        let plan = try makePlan()
        for site in sites {
            try catalog.insert(SampleCatalogWriter.insertSite, [site.id, site.name, site.kind, "stores/\(site.id)"])
            try files.makeDirectory(siteRoot(site.id))
        }
        counts.sites = sites.count

        for index in 0..<options.enterprises {
            var rng = SplitMix64(seed: options.seed, stream: "enterprise-\(index)")
            try writeEnterprise(index: index, fault: plan[index], rng: &rng)
            if index % 200 == 0 || index == options.enterprises - 1 { progress?("enterprises", index + 1, options.enterprises) }
        }

        var queryLog = SampleQueryLog(options: options, window: window, targets: queryTargets,
                                      knownCodes: catalogCodes, knownNames: factory.usedNames)
        for k in 0..<(options.faults[NotFoundCheck.Code.unknown.rawValue] ?? 0) { notFoundRequests.append(queryLog.unknownRequest(variant: k)) }
        counts.queries = try queryLog.write(requests: notFoundRequests, into: catalog, injected: &injected, progress: progress)

        var disk = SampleDiskHistory(options: options)
        counts.diskSamples = try disk.write(into: catalog, injected: &injected)

        try catalog.finish()
        counts.files = files.filesWritten
        counts.enterprises = options.enterprises
        injected.sort { ($0.check, $0.code, $0.matchKey) < ($1.check, $1.code, $1.matchKey) }
        return SampleCenterManifest(
            seed: options.seed, inspectionTime: BureauTime.iso(at),
            notFoundWindowStart: BureauTime.iso(window.start), notFoundWindowEnd: BureauTime.iso(window.end),
            syncGraceHours: 24, sealCertificatePEM: sealPEM, counts: counts, injected: injected)
    }

    // MARK: - Plan

    /// Which enterprise carries which fault: distinct enterprises, chosen by the seed.
    private func makePlan() throws -> [Int: SampleFault] {
        let known = Set(CheckCatalog.all.flatMap { $0.codes.map(\.code) })
        var faults: [SampleFault] = []
        for code in options.faults.keys.sorted() {
            guard known.contains(code) else { throw SampleCenterError.unknownFaultCode(code) }
            let count = options.faults[code] ?? 0
            guard count > 0, !SampleFault.enterpriseFreeCodes.contains(code) else { continue }
            for k in 0..<count { if let f = SampleFault.forCode(code, variant: k) { faults.append(f) } }
        }
        let needed = faults.count + 10
        guard options.enterprises >= needed else { throw SampleCenterError.tooSmall(needed: needed, requested: options.enterprises) }
        var rng = SplitMix64(seed: options.seed, stream: "fault-plan")
        var indices = Array(0..<options.enterprises)
        // Partial Fisher–Yates: only as many draws as faults.
        for i in 0..<faults.count {
            let j = rng.int(i...(indices.count - 1))
            indices.swapAt(i, j)
        }
        var plan: [Int: SampleFault] = [:]
        for (i, fault) in faults.enumerated() { plan[indices[i]] = fault }
        return plan
    }

    // MARK: - Enterprises and volumes

    func siteRoot(_ site: String) -> String { directory.appendingPathComponent("stores/\(site)").path }

    private func writeEnterprise(index: Int, fault: SampleFault?, rng: inout SplitMix64) throws {
        var e = factory.make(index: index, shape: fault?.shape ?? EnterpriseShape(), rng: &rng)
        var damage: [String: VolumeDamage] = [:]
        if let fault { try prepare(fault, enterprise: &e, damage: &damage, rng: &rng) } else { addNearMisses(&e) }

        let formerJSON = String(decoding: (try? JSONEncoder().encode(e.formerNames)) ?? Data("[]".utf8), as: UTF8.self)
        catalogCodes.insert(e.uscc)
        try catalog.insert(SampleCatalogWriter.insertEnterprise,
                           [e.uscc, e.regNo, e.name, formerJSON, e.branch.id, e.status, BureauTime.day(e.establishedOn)])
        for v in e.volumes {
            try writeVolume(v, of: e, damage: damage[v.id] ?? VolumeDamage(), rng: &rng)
        }
        if fault == nil && e.volumes.contains(where: { $0.isDue }) {
            queryTargets.append(.init(uscc: e.uscc, name: e.name, regNo: e.regNo, branch: e.branch.id))
        }
        previous = (e.uscc, e.name)
    }

    /// The clean near misses every center shows (see ``SampleCenter``), on the first clean enterprises.
    private func addNearMisses(_ e: inout SampleEnterprise) {
        guard let i = e.volumes.lastIndex(where: { $0.isDue && $0.createdAt < at.addingTimeInterval(-30 * 3600 + 1) }),
              let kind = nearMissesLeft.first else { return }
        nearMissesLeft.removeFirst()
        switch kind {
        case "generating":
            e.volumes[i].efileStatus = "generating"
            e.volumes[i].efileUpdatedAt = at.addingTimeInterval(-3600)
            e.volumes[i].sealStatus = "pending"; e.volumes[i].sealedAt = nil
        case "sealPending":
            e.volumes[i].efileUpdatedAt = max(e.volumes[i].createdAt.addingTimeInterval(600), at.addingTimeInterval(-20 * 3600))
            e.volumes[i].sealStatus = "pending"; e.volumes[i].sealedAt = nil
        default:
            e.volumes[i].lockOwner = "WS-PROC-07"
            e.volumes[i].lockedAt = at.addingTimeInterval(-10 * 60)
        }
    }

    /// Sites that must (or, inside the grace period, already do) hold a volume of `e`.
    func holdingSites(_ v: SampleVolume, of e: SampleEnterprise) -> [String] {
        let all = ["processing", "dc", "offsite", e.branch.id]
        return v.isDue ? all : all.filter { $0 == "processing" || v.syncedSites.contains($0) }
    }

    private func writeVolume(_ v: SampleVolume, of e: SampleEnterprise, damage: VolumeDamage, rng: inout SplitMix64) throws {
        counts.volumes += 1
        counts.pages += v.pages
        if !v.isDue { counts.volumesInGracePeriod += 1 }
        // Pages: made once, written to every site.
        var pages: [(bytes: [UInt8], sha: String)] = []
        pages.reserveCapacity(v.pages)
        for no in 1...max(1, v.pages) where no <= v.pages {
            let bytes = SampleJPEG.make(label: "\(v.id) \(no)/\(v.pages)", padding: rng.int(200...1600), rng: &rng)
            pages.append((bytes, Self.sha256(bytes)))
        }
        var pdf: [UInt8]? = nil, sealed: [UInt8]? = nil
        if v.efileStatus == "done" {
            pdf = damage.brokenPDF ?? [UInt8](SamplePDF.make(title: "\(e.name) \(v.event) 第\(v.seq)卷 \(v.id)", pages: v.pages))
            if v.sealStatus == "done", let source = pdf {
                sealed = try damage.sealedOverride?(source) ?? [UInt8](signer.seal(Data(source), signingTime: v.sealedAt ?? v.efileUpdatedAt))
            }
        }
        try catalog.insert(SampleCatalogWriter.insertVolume, [
            v.id, e.uscc, v.seq, v.event, BureauTime.iso(v.createdAt), v.pages, v.efileStatus, BureauTime.iso(v.efileUpdatedAt),
            pdf.map(Self.sha256), v.sealStatus, sealed != nil ? v.sealedAt.map(BureauTime.iso) : nil, sealed.map(Self.sha256),
            v.lockOwner, v.lockedAt.map(BureauTime.iso),
        ])
        for (i, page) in pages.enumerated() {
            try catalog.insert(SampleCatalogWriter.insertPage, [v.id, i + 1, page.sha, page.bytes.count])
        }
        let metadataPages = pages.enumerated().map { VolumeMetadataXML.Page(no: $0.offset + 1, sha256: $0.element.sha, bytes: $0.element.bytes.count) }
        let metadata = [UInt8](VolumeMetadataXML.document(uscc: e.uscc, name: e.name, seq: v.seq, event: v.event,
                                                          created: BureauTime.iso(v.createdAt), pages: metadataPages))
        let folder = "\(e.uscc)/\(String(format: "%03d", v.seq))"
        for site in holdingSites(v, of: e) + damage.misplacedAt where !damage.absentAt.contains(site) {
            let dir = "\(siteRoot(site))/\(folder)"
            try files.makeDirectory(dir)
            var contents: [(String, [UInt8])] = []
            if let other = damage.misfiledAt[site] {
                contents.append(("metadata.xml", [UInt8](VolumeMetadataXML.document(
                    uscc: other.uscc, name: other.name, seq: v.seq, event: v.event,
                    created: BureauTime.iso(v.createdAt), pages: metadataPages))))
            } else {
                contents.append(("metadata.xml", metadata))
            }
            for (i, page) in pages.enumerated() { contents.append((String(format: "page-%04d.jpg", i + 1), page.bytes)) }
            if damage.extraPageAt.contains(site) {
                contents.append((String(format: "page-%04d.jpg", v.pages + 1),
                                 SampleJPEG.make(label: "\(v.id) extra", padding: 300, rng: &rng)))
            }
            if let pdf { contents.append(("volume.pdf", pdf)) }
            if let sealed { contents.append(("volume.sealed.pdf", sealed)) }
            for (name, bytes) in contents {
                if damage.missingFile[site] == name { continue }
                var out = bytes
                if let (target, how) = damage.corruptFile[site], target == name { out = how.apply(to: bytes) }
                try files.write(out, to: "\(dir)/\(name)")
            }
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
