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
        case SyncCheck.Code.missing.rawValue: return .syncMissing(k)
        case SyncCheck.Code.corrupt.rawValue: return .syncCorrupt(k)
        case SyncCheck.Code.misplaced.rawValue: return .syncMisplaced
        case EfileCheck.Code.failed.rawValue: return .efileFailed
        case EfileCheck.Code.stuck.rawValue: return .efileStuck
        case EfileCheck.Code.backlog.rawValue: return .efileBacklog
        case EfileCheck.Code.broken.rawValue: return .efileBroken(k)
        case SealCheck.Code.failed.rawValue: return .sealFailed
        case SealCheck.Code.backlog.rawValue: return .sealBacklog
        case SealCheck.Code.invalid.rawValue: return .sealInvalid(k)
        case AnomalyCheck.Code.staleLock.rawValue: return .staleLock
        case AnomalyCheck.Code.misfiled.rawValue: return .misfiled
        case AnomalyCheck.Code.pageSequence.rawValue: return .pageSequence(k)
        case AnomalyCheck.Code.volumeSequence.rawValue: return .volumeSequence
        case AnomalyCheck.Code.invalidUSCC.rawValue: return .invalidUSCC
        case AnomalyCheck.Code.orphan.rawValue: return .orphan(k)
        case FixityCheck.Code.mismatch.rawValue: return .fixity(k)
        case NotFoundCheck.Code.invalidCode.rawValue: return .notfoundInvalidCode
        case NotFoundCheck.Code.formerName.rawValue: return .notfoundFormerName
        case NotFoundCheck.Code.nameVariant.rawValue: return .notfoundNameVariant(k)
        case NotFoundCheck.Code.notSynced.rawValue: return .notfoundNotSynced(k)
        case NotFoundCheck.Code.noVolume.rawValue: return .notfoundNoVolume
        default: return nil
        }
    }

    /// Codes injected without an enterprise of their own.
    static let enterpriseFreeCodes: Set<String> = [
        DiskCheck.Code.usage.rawValue, DiskCheck.Code.forecast.rawValue, NotFoundCheck.Code.unknown.rawValue,
    ]

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
