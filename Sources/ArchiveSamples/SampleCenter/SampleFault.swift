import ArchiveEngine
/// One problem to inject into the sample center, with the variant of it to use (the k-th injection of a
/// code uses variant k, so asking for more faults covers more ways a center goes wrong).
enum SampleFault: Equatable {
    case syncMissing(Int), syncCorrupt(Int), syncMisplaced
    case efileFailed, efileStuck, efileBacklog, efileBroken(Int)
    case sealFailed, sealBacklog, sealInvalid(Int)
    case staleLock, misfiled, pageSequence(Int), volumeSequence, invalidUSCC, orphan(Int), fixity(Int)
    case notfoundInvalidCode, notfoundFormerName, notfoundNameVariant(Int), notfoundNotSynced(Int), notfoundNoVolume

    /// The fault for the `variant`-th injection of `code`, or nil for codes that need no enterprise of
    /// their own (disk.*, notfound.unknown) or are unknown.
    static func forCode(_ code: String, variant k: Int) -> SampleFault? {
        switch code {
        case "sync.missing": return .syncMissing(k)
        case "sync.corrupt": return .syncCorrupt(k)
        case "sync.misplaced": return .syncMisplaced
        case "efile.failed": return .efileFailed
        case "efile.stuck": return .efileStuck
        case "efile.backlog": return .efileBacklog
        case "efile.broken": return .efileBroken(k)
        case "seal.failed": return .sealFailed
        case "seal.backlog": return .sealBacklog
        case "seal.invalid": return .sealInvalid(k)
        case "anomaly.stale_lock": return .staleLock
        case "anomaly.misfiled": return .misfiled
        case "anomaly.page_sequence": return .pageSequence(k)
        case "anomaly.volume_sequence": return .volumeSequence
        case "anomaly.invalid_uscc": return .invalidUSCC
        case "anomaly.orphan": return .orphan(k)
        case "fixity.mismatch": return .fixity(k)
        case "notfound.invalid_code": return .notfoundInvalidCode
        case "notfound.former_name": return .notfoundFormerName
        case "notfound.name_variant": return .notfoundNameVariant(k)
        case "notfound.not_synced": return .notfoundNotSynced(k)
        case "notfound.no_volume": return .notfoundNoVolume
        default: return nil
        }
    }

    /// Codes injected without an enterprise of their own.
    static let enterpriseFreeCodes: Set<String> = ["disk.usage", "disk.forecast", "notfound.unknown"]

    /// What the fault's enterprise must look like.
    var shape: EnterpriseShape {
        var s = EnterpriseShape()
        s.plain = true
        s.maxVolumes = 2
        switch self {
        case .volumeSequence: s.minVolumes = 3; s.maxVolumes = 3
        case .efileBroken: s.minPages = 3
        case .notfoundFormerName: s.formerName = true
        case .notfoundNameVariant: s.bracketName = true
        case .notfoundNotSynced(let k) where k % 2 == 0: s.minVolumes = 1; s.maxVolumes = 1
        case .notfoundNotSynced: s.onlyGraceVolume = true
        case .notfoundNoVolume: s.noVolumes = true
        default: break
        }
        return s
    }
}
