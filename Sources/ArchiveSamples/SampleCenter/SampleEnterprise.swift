import ArchiveEngine
import Foundation

/// One synthetic enterprise (商事主体) of the sample center with its volumes, before it is written.
struct SampleEnterprise {
    var index: Int
    var uscc: String
    var regNo: String?
    var name: String
    var formerNames: [String]
    var branch: DongguanGazetteer.Branch
    var status: String
    var establishedOn: Date
    var volumes: [SampleVolume]
}

/// One volume (案卷) of a sample enterprise: catalog fields plus where it has been synced.
struct SampleVolume {
    var id: String
    var seq: Int
    var event: String
    var createdAt: Date
    var pages: Int
    var efileStatus = "done"
    var efileUpdatedAt: Date
    var sealStatus = "done"
    var sealedAt: Date?
    var lockOwner: String?
    var lockedAt: Date?
    /// Created before the sync grace period: every site that must hold it must hold it now.
    var isDue: Bool
    /// For volumes inside the grace period: the sites besides the processing center it already reached.
    var syncedSites: Set<String> = []
}

/// What a fault needs its enterprise to look like (a former name to be queried, no volumes, …).
struct EnterpriseShape {
    var minVolumes = 1
    var maxVolumes = 5
    var bracketName = false
    var formerName = false
    var noVolumes = false
    /// A single volume created inside the grace period (not due anywhere yet).
    var onlyGraceVolume = false
    /// No grace-period volume, near-miss status or short lock: nothing but the fault may stand out.
    var plain = false
    var minPages = 1
}

/// Makes enterprises with unique codes and names (also unique after the full/half-width, bracket and space
/// normalisation the not-found triage applies), so that a name query matches exactly one enterprise.
struct SampleEnterpriseFactory {
    let at: Date
    let maxPages: Int
    private(set) var usedCodes = Set<String>()
    private(set) var usedNames = Set<String>()
    private var volumeCounter = 0

    init(at: Date, maxPages: Int) {
        self.at = at
        self.maxPages = max(1, maxPages)
    }

    /// The same text after the not-found triage's normalisation: full-width ASCII to half-width, brackets
    /// dropped, spaces dropped. Sample names are kept unique under it.
    static func normalized(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            var v = scalar.value
            if v == 0x3000 { continue }                       // ideographic space
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }     // full-width ASCII
            guard let s = Unicode.Scalar(v) else { continue }
            if s == " " || s == "(" || s == ")" { continue }
            out.unicodeScalars.append(s)
        }
        return out
    }

    mutating func claimName(_ name: String) -> Bool {
        usedNames.insert(Self.normalized(name)).inserted
    }

    mutating func claimCode(_ code: String) -> Bool { usedCodes.insert(code).inserted }

    mutating func nextVolumeID() -> String {
        volumeCounter += 1
        return String(format: "V%07d", volumeCounter)
    }

    mutating func make(index: Int, shape: EnterpriseShape, rng: inout SplitMix64) -> SampleEnterprise {
        let branches = DongguanGazetteer.branches
        let branch = index < branches.count ? branches[index] : rng.pick(branches)
        let individual = !shape.bracketName && !shape.formerName && rng.chance(0.08)
        let lastScan = at.addingTimeInterval(-2 * 86400)
        // Established between 2000 and two days ago, most of them in recent years.
        let span = lastScan.timeIntervalSince(Self.date("2000-01-01")) / 86400
        let establishedDaysAgo = Double(rng.int(2...Int(span))) * pow(rng.double(0..<1), 1.6)
        var established = BureauTime.startOfDay(lastScan.addingTimeInterval(-establishedDaysAgo * 86400))
        if shape.onlyGraceVolume { established = BureauTime.startOfDay(at.addingTimeInterval(-86400 * Double(rng.int(1...3)))) }

        let name = makeName(branch: branch, individual: individual, bracket: shape.bracketName, rng: &rng)
        var former: [String] = []
        if shape.formerName || (!individual && rng.chance(0.1)) {
            for _ in 0..<(rng.chance(0.2) ? 2 : 1) {
                former.append(makeName(branch: branch, individual: false, bracket: false, rng: &rng))
            }
        }
        let uscc = makeCode(individual: individual, established: established, rng: &rng)
        let regNo = established < Self.date("2015-10-01") ? makeRegNo(rng: &rng) : nil
        let status = shape.plain || shape.onlyGraceVolume ? "存续" : (rng.chance(0.05) ? "注销" : rng.pick(DongguanGazetteer.statuses))

        var enterprise = SampleEnterprise(index: index, uscc: uscc, regNo: regNo, name: name, formerNames: former,
                                          branch: branch, status: status, establishedOn: established, volumes: [])
        if shape.noVolumes { return enterprise }
        if shape.onlyGraceVolume {
            enterprise.volumes = [graceVolume(seq: 1, event: "设立登记", pages: shape.minPages, rng: &rng)]
            return enterprise
        }
        enterprise.volumes = makeVolumes(established: established, status: status, shape: shape, rng: &rng)
        return enterprise
    }

    // MARK: - Volumes

    private mutating func makeVolumes(established: Date, status: String, shape: EnterpriseShape, rng: inout SplitMix64) -> [SampleVolume] {
        let wanted = max(shape.minVolumes, min(shape.maxVolumes, rng.pick([1, 1, 2, 2, 2, 3, 3, 4, 5])))
        let lastScan = at.addingTimeInterval(-30 * 3600)  // due volumes are at least 30 h old: clear of the 24 h grace
        // Scanning began in 2019; older enterprises were scanned in the backlog campaign.
        var t = max(established, Self.date("2019-01-01")).addingTimeInterval(Double(rng.int(1...60)) * 86400)
        var volumes: [SampleVolume] = []
        for seq in 1...wanted {
            if seq > 1 { t = t.addingTimeInterval(Double(rng.int(15...400)) * 86400) }
            if t > lastScan {
                guard volumes.count < shape.minVolumes else { break }
                t = lastScan.addingTimeInterval(-Double(shape.minVolumes - volumes.count) * 86400 * Double(rng.int(2...9)))
            }
            let event: String
            if seq == 1 {
                event = "设立登记"
            } else if seq == wanted && status == "注销" {
                event = "注销登记"
            } else {
                event = rng.pick(DongguanGazetteer.laterEvents)
            }
            let created = Self.workingTime(t, rng: &rng)
            var volume = SampleVolume(id: nextVolumeID(), seq: seq, event: event, createdAt: created,
                                      pages: pages(for: event, minimum: shape.minPages, rng: &rng),
                                      efileUpdatedAt: created.addingTimeInterval(Double(rng.int(40...480)) * 60), isDue: true)
            volume.sealedAt = volume.efileUpdatedAt.addingTimeInterval(Double(rng.int(20...720)) * 60)
            volumes.append(volume)
        }
        volumes.sort { $0.createdAt < $1.createdAt }
        for i in volumes.indices { volumes[i].seq = i + 1 }
        guard !shape.plain else { return volumes }
        // Now and then the newest volume was scanned in the last hours: not due yet anywhere.
        if rng.chance(0.03) {
            volumes.append(graceVolume(seq: volumes.count + 1, event: rng.pick(DongguanGazetteer.laterEvents),
                                       pages: max(shape.minPages, 3), rng: &rng))
        }
        return volumes
    }

    /// A volume scanned within the last 20 hours, in whatever state the pipeline has it.
    mutating func graceVolume(seq: Int, event: String, pages minimum: Int, rng: inout SplitMix64) -> SampleVolume {
        let created = at.addingTimeInterval(-Double(rng.int(60...(20 * 60))) * 60)
        var v = SampleVolume(id: nextVolumeID(), seq: seq, event: event, createdAt: created,
                             pages: pages(for: event, minimum: minimum, rng: &rng), efileUpdatedAt: created, isDue: false)
        let age = at.timeIntervalSince(created)
        switch rng.int(0...3) {
        case 0:
            v.efileStatus = "pending"; v.sealStatus = "pending"
        case 1:
            v.efileStatus = "generating"; v.sealStatus = "pending"
            v.efileUpdatedAt = at.addingTimeInterval(-min(age, Double(rng.int(5...90)) * 60))
        case 2:
            v.efileUpdatedAt = created.addingTimeInterval(age / 3); v.sealStatus = "pending"
        default:
            v.efileUpdatedAt = created.addingTimeInterval(age / 3); v.sealedAt = created.addingTimeInterval(age / 2)
        }
        if rng.chance(0.5) { v.syncedSites.insert("dc") }
        return v
    }

    private func pages(for event: String, minimum: Int, rng: inout SplitMix64) -> Int {
        let range: ClosedRange<Int>
        switch event {
        case "设立登记": range = 8...30
        case "注销登记": range = 4...12
        case "备案": range = 2...6
        default: range = 3...14
        }
        return max(minimum, min(maxPages, rng.int(range)))
    }

    // MARK: - Names and codes

    private mutating func makeName(branch: DongguanGazetteer.Branch, individual: Bool, bracket: Bool, rng: inout SplitMix64) -> String {
        let g = DongguanGazetteer.self
        for attempt in 0..<200 {
            let trade = rng.pick(g.tradeNames) + (attempt > 60 ? rng.pick(g.tradeNames) : "")
            let name: String
            if individual {
                name = "东莞市\(branch.town)\(trade)\(rng.pick(g.shopKinds))"
            } else if bracket || rng.chance(0.15) {
                name = "东莞市\(trade)（\(rng.pick(g.communities))）\(rng.pick(g.industries))\(rng.pick(g.forms))"
            } else if rng.chance(0.4) {
                name = "东莞市\(branch.town)\(trade)\(rng.pick(g.industries))\(rng.pick(g.forms))"
            } else {
                name = "东莞\(trade)\(rng.pick(g.industries))\(rng.pick(g.forms))"
            }
            if claimName(name) { return name }
        }
        // Practically unreachable: a numbered branch office name is always new.
        var n = 1
        while true {
            let name = "东莞市\(rng.pick(g.tradeNames))\(rng.pick(g.industries))有限公司第\(n)分公司"
            if claimName(name) { return name }
            n += 1
        }
    }

    private mutating func makeCode(individual: Bool, established: Date, rng: inout SplitMix64) -> String {
        let alphabet = USCC.alphabet
        while true {
            var body: String
            if established >= Self.date("2015-10-01") {
                body = "MA"
                for _ in 0..<6 { body.append(alphabet[rng.int(0...(alphabet.count - 1))]) }
            } else {
                body = (0..<8).map { _ in String(rng.int(0...9)) }.joined()
            }
            guard let orgCheck = USCC.organizationCheckCharacter(forBody: body),
                  let code = USCC.complete((individual ? "92" : "91") + "441900" + body + String(orgCheck)),
                  claimCode(code) else { continue }
            return code
        }
    }

    /// An old 15-digit registration number (注册号) with its ISO 7064 MOD 11,10 check digit.
    private func makeRegNo(rng: inout SplitMix64) -> String {
        var digits = [4, 4, 1, 9, 0, 0] + (0..<8).map { _ in rng.int(0...9) }
        var p = 10
        for d in digits {
            var s = (p + d) % 10
            if s == 0 { s = 10 }
            p = (s * 2) % 11
        }
        digits.append((11 - p) % 10)
        return digits.map(String.init).joined()
    }

    // MARK: - Time

    static func date(_ day: String) -> Date { BureauTime.parseDate(day) ?? Date(timeIntervalSince1970: 0) }

    /// `t` moved to a working hour (08:30–17:30) of its day.
    static func workingTime(_ t: Date, rng: inout SplitMix64) -> Date {
        BureauTime.startOfDay(t).addingTimeInterval(Double(rng.int((8 * 60 + 30)...(17 * 60 + 30))) * 60 + Double(rng.int(0...59)))
    }
}
