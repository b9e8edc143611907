import ArchiveEngine
import Foundation

/// The fixed "now" of the demo: the morning of 2023-06-30, just before the 08:30 inspection deadline.
/// Sample inputs never read the wall clock, so the demo produces the same database and site on every run.
public enum DemoClock {
    /// 2023-06-30T07:30:00+08:00.
    public static let now: Date = Date(timeIntervalSince1970: 1_688_081_400)
    /// The first day of the sample ticket year (2022-07-01, the start of the contract year).
    public static let ticketsFrom: Date = Date(timeIntervalSince1970: 1_656_604_800)
    /// The last day with sample tickets and query detail (2023-06-29, the last full day before `now`).
    public static let lastFullDay: Date = Date(timeIntervalSince1970: 1_687_968_000)
    /// The first day of the sample query detail (2023-06-01).
    public static let detailFrom: Date = Date(timeIntervalSince1970: 1_685_548_800)
}
