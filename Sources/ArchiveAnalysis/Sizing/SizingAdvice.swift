import ArchiveEngine
import Forecasting
import Foundation

/// 系统硬件选型建议: the advice the contract's 系统硬件选型咨询 asks for — storage per site for 1, 3 and 5
/// years, server sizing for the query load, client and kiosk minimums and a peripheral checklist — each
/// figure with its formula and assumptions. A pure function of plain values: the store reads the history,
/// this decides nothing from a clock or a file.
public struct SizingAdvice: Codable, Hashable, Sendable {
    public var asOf: Date
    public var policy: ForecastPolicy
    public var assumptions: SizingAssumptions
    /// Every mount with disk readings, with its forecast (the same one the disk check uses).
    public var mounts: [MountForecast]
    public var storage: [StoragePlan]
    public var server: ServerPlan
    public var clients: ClientPlan
    public var peripherals: PeripheralChecklist
    /// True when the workspace configuration has no `hardware:` section at all.
    public var inventoryEmpty: Bool

    /// `mounts` are forecast with ``MountForecast/make(_:thresholds:asOf:)`` (one mount at a time by the caller).
    public static func make(sites: [SiteArchiveGrowth], mounts forecasts: [MountForecast], load: QueryLoad?,
                            inventory: HardwareInventory, thresholds: Thresholds, asOf: Date,
                            assumptions: SizingAssumptions = SizingAssumptions()) -> SizingAdvice {
        let policy = thresholds.forecastPolicy
        return SizingAdvice(
            asOf: asOf, policy: policy, assumptions: assumptions, mounts: forecasts,
            storage: sites.sorted { $0.siteID < $1.siteID }.map {
                StoragePlan.make($0, inventory: inventory, mounts: forecasts, policy: policy, asOf: asOf, assumptions: assumptions)
            },
            server: ServerPlan.make(load: load, inventory: inventory, assumptions: assumptions),
            clients: ClientPlan.make(inventory, assumptions: assumptions),
            peripherals: PeripheralChecklist.make(inventory, assumptions: assumptions),
            inventoryEmpty: inventory.isEmpty)
    }
}
