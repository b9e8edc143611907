import ArchiveEngine
import Foundation

/// How to build a sample center (样例中心): its size, its seed, the inspection time everything is relative
/// to, and how many problems of each finding code to inject.
public struct SampleCenterOptions: Sendable {
    /// Number of enterprises (商事主体); volumes follow at about 2.5 per enterprise.
    public var enterprises: Int
    /// Text seed: the same seed and options give the same center (except the ECDSA seal signatures).
    public var seed: String
    /// The inspection time: "now" for the center. Volumes, queries and disk samples all lie before it.
    public var at: Date
    /// Days of query_log before the inspection day.
    public var queryDays: Int
    /// Days of disk_sample history before the inspection time.
    public var diskHistoryDays: Int
    /// Whether the disk history shows one expansion (dc-store-01 /archive grew from 80 to 120 TB, data
    /// kept) and one clean-up (proc-scan-01 /data freed 10 % of its disk) — what the sizing page's
    /// forecasts must see through. Off by default so that other centers keep their history.
    public var diskEvents: Bool = false
    /// Finding code → number of injected problems. Defaults to one or two for every code of CheckCatalog.
    public var faults: [String: Int]
    /// Queries per day (all channels); nil scales with the number of enterprises.
    public var queriesPerDay: Int?
    /// Upper bound on pages per volume, to keep benchmark centers small (real volumes run to 30 pages).
    public var maxPagesPerVolume: Int
    /// Common name of the demo seal certificate.
    public var sealCommonName: String

    /// The default inspection time of the sample center: 2023-06-30 07:30 (+08:00), before the 08:30 deadline.
    public static let defaultInspectionTime = BureauTime.parse("2023-06-30T07:30:00+08:00") ?? Date(timeIntervalSince1970: 1_688_081_400)

    /// One or two problems for every finding code of the contract.
    public static var defaultFaults: [String: Int] {
        var faults: [String: Int] = [:]
        for check in CheckCatalog.all {
            for code in check.codes { faults[code.code] = 1 }
        }
        // Two of those whose injection has two interesting variants.
        let twice: [any FindingCode] = [
            SyncCheck.Code.missing, SyncCheck.Code.corrupt, EfileCheck.Code.broken, SealCheck.Code.invalid,
            DiskCheck.Code.usage, DiskCheck.Code.forecast, NotFoundCheck.Code.notSynced, NotFoundCheck.Code.nameVariant,
            AnomalyCheck.Code.pageSequence, AnomalyCheck.Code.orphan,
        ]
        for code in twice { faults[code.rawValue] = 2 }
        return faults
    }

    /// Every code of the contract `count` times (0 gives a clean center).
    public static func uniformFaults(_ count: Int) -> [String: Int] {
        var faults: [String: Int] = [:]
        guard count > 0 else { return faults }
        for check in CheckCatalog.all { for code in check.codes { faults[code.code] = count } }
        return faults
    }

    public init(enterprises: Int = 300, seed: String = "dongguan", at: Date = SampleCenterOptions.defaultInspectionTime,
                queryDays: Int = 30, diskHistoryDays: Int = 120, faults: [String: Int] = SampleCenterOptions.defaultFaults,
                queriesPerDay: Int? = nil, maxPagesPerVolume: Int = 30,
                sealCommonName: String = DemoSeal.defaultCommonName) {
        self.enterprises = enterprises; self.seed = seed; self.at = at; self.queryDays = queryDays
        self.diskHistoryDays = diskHistoryDays; self.faults = faults; self.queriesPerDay = queriesPerDay
        self.maxPagesPerVolume = maxPagesPerVolume; self.sealCommonName = sealCommonName
    }
}
