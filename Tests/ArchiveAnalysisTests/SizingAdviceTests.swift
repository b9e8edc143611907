@testable import ArchiveAnalysis
import ArchiveEngine
import Forecasting
import Foundation
import XCTest

/// The sizing advice (系统硬件选型建议) against figures worked out by hand.
final class SizingAdviceTests: XCTestCase {
    private let gib = 1_073_741_824.0
    private let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
    private func day(_ d: Double) -> Date { start.addingTimeInterval(d * 86_400) }

    /// dc's archive: 1000 GiB + 3 GiB/day, read every 30 days for a year (days 0…330).
    private var dcGrowth: SiteArchiveGrowth {
        SiteArchiveGrowth(siteID: "dc", siteName: "市局数据中心",
                          bytes: stride(from: 0.0, through: 330, by: 30).map { CapacitySample(at: day($0), used: (1000 + 3 * $0) * gib) },
                          volumes: 1200, pages: 36_000)
    }

    /// dc-store-01 /archive: 4000 GiB disk, last read at 2500 GiB.
    private var archiveMount: MountHistory {
        MountHistory(host: "dc-store-01", mount: "/archive",
                     samples: (0...60).map { CapacitySample(at: day(270 + Double($0)), used: (2200 + 5 * Double($0)) * gib,
                         total: 4000 * gib) })
    }

    func testStorageToBuyIsGrowthTimesCopiesOverTheWarningLineTimesRAIDOverhead() throws {
        let inventory = HardwareInventory(storage: [.init(site: "dc", host: "dc-store-01", mount: "/archive", raid: .raid6,
            raidDisks: 12, copies: 2)])
        let advice = SizingAdvice.make(sites: [dcGrowth], mounts: MountForecast.make([archiveMount], thresholds: Thresholds(),
            asOf: day(331)), load: nil, inventory: inventory,
                                       thresholds: Thresholds(), asOf: day(331))
        let plan = try XCTUnwrap(advice.storage.first)
        XCTAssertEqual(plan.growthForecast.model?.method, .linear)
        XCTAssertEqual(plan.storages.first?.raidOverhead ?? 0, 1.2, accuracy: 1e-12)
        XCTAssertEqual(plan.horizons.map(\.years), [1, 3, 5])
        let year = plan.horizons[0]
        // Growth 3 GiB/day × 365.25 = 1095.75 GiB. Need (2500 + 1095.75 × 2) ÷ 80 % = 5864.375 GiB.
        // Buy 5864.375 − 4000 = 1864.375 GiB usable, × 12/10 = 2237.25 GiB of raw disk.
        XCTAssertEqual(try XCTUnwrap(year.growth.value) / gib, 1095.75, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(year.needUsable.value) / gib, 5864.375, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(year.buyUsable.value) / gib, 1864.375, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(year.buyRaw.value) / gib, 2237.25, accuracy: 1e-6)
        XCTAssertEqual(year.buyRaw.formula, "1.8 TiB × 1.20 = 2.2 TiB")
        XCTAssertTrue(year.needUsable.formula.hasPrefix("(2.4 TiB + 1.1 TiB × 2) ÷ 80 %"), year.needUsable.formula)
        XCTAssertTrue(year.buyRaw.missing.isEmpty)
        // Five years: 3 × 1826.25 = 5478.75 GiB of growth.
        XCTAssertEqual(try XCTUnwrap(plan.horizons[2].growth.value) / gib, 5478.75, accuracy: 1e-6)
    }

    func testASiteMissingFromTheInventoryIsPlannedAsOneCopyAndMarked() throws {
        let advice = SizingAdvice.make(sites: [dcGrowth], mounts: [], load: nil, inventory: HardwareInventory(),
                                       thresholds: Thresholds(), asOf: day(331))
        let year = try XCTUnwrap(advice.storage.first?.horizons.first)
        // (1990 GiB archive + 1095.75) ÷ 80 % = 3857.1875 GiB, all of it to buy (no capacity known).
        XCTAssertEqual(try XCTUnwrap(year.needUsable.value) / gib, 3857.1875, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(year.buyUsable.value) / gib, 3857.1875, accuracy: 1e-6)
        XCTAssertEqual(year.buyUsable.missing, ["清单未填写该站点的存储（storage），按 1 份、无 RAID、只存档案本身计 (site storage not in the inventory)"])
        XCTAssertTrue(advice.inventoryEmpty)
    }

    func testASiteWithTooLittleHistoryGetsNoNumber() throws {
        let short = SiteArchiveGrowth(siteID: "branch-humen", siteName: "虎门分局",
                                      bytes: [CapacitySample(at: day(0), used: 10 * gib), CapacitySample(at: day(30), used: 12 * gib)],
                                      volumes: 10, pages: 100)
        let year = try XCTUnwrap(SizingAdvice.make(sites: [short], mounts: [], load: nil, inventory: .init(),
                                                   thresholds: Thresholds(), asOf: day(31)).storage.first?.horizons.first)
        XCTAssertNil(year.growth.value)
        XCTAssertNil(year.buyRaw.value)
        XCTAssertEqual(year.buyRaw.missing, ["当前序列只有 2 个采样点，至少需要 5 个才给出预测 (too few points)"])
    }

    func testServerCoresAndMemoryFollowThePeakHourAndTheMeasuredLatency() throws {
        // 36,000 queries in the busiest hour → 10/s; × 3 burst × 1.5 reserve = 45/s. p95 400 ms:
        // cores ⌈45 × 0.4 ÷ 0.6⌉ = 30; in flight 45 × 0.4 = 18; memory 16 + 18 × 0.5 = 25 GB → 32 GB.
        let load = QueryLoad(days: 30, queries: 400_000, peakHourStart: day(10), peakHourQueries: 36_000,
                             busiestDayQueries: 20_000, latencyP50: 120, latencyP95: 400, latencyP99: 900, latencySamples: 399_000)
        let inventory = HardwareInventory(servers: [
            .init(name: "dc-db-01", role: "数据库", cores: 32, ramGB: 128),
            .init(name: "dc-app-01", role: "查询服务", cores: 16, ramGB: 16),
            .init(name: "dc-store-01", role: "档案存储", cores: 8, ramGB: 32),
        ])
        let server = SizingAdvice.make(sites: [], mounts: [], load: load, inventory: inventory,
                                       thresholds: Thresholds(), asOf: day(40)).server
        XCTAssertEqual(try XCTUnwrap(server.peakRate.value), 10, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(server.designRate.value), 45, accuracy: 1e-12)
        XCTAssertEqual(server.secondsPerQuery.value, 400)
        XCTAssertTrue(server.secondsPerQuery.missing.isEmpty)
        XCTAssertEqual(server.cores.value, 30)
        XCTAssertEqual(try XCTUnwrap(server.concurrency.value), 18, accuracy: 1e-9)
        XCTAssertEqual(server.memory.value, 32)
        XCTAssertEqual(server.cores.formula, "max(4, ⌈45 × 0.4 秒 ÷ 60 %⌉) = 30 核 (max(4, ⌈45 × 0.4 s ÷ 60 %⌉) = 30 cores)")
        // Only the serving roles are compared; the storage server is not a query server.
        XCTAssertEqual(server.servers.map { "\($0.name) \($0.coresMark.rawValue) \($0.memoryMark.rawValue)" },
                       ["dc-db-01 ok ok", "dc-app-01 short short"])
    }

    func testWithoutLatencyTheQueryCostIsAssumedAndSaysSo() throws {
        let load = QueryLoad(days: 1, queries: 100, peakHourStart: nil, peakHourQueries: 3600, busiestDayQueries: 100)
        let server = SizingAdvice.make(sites: [], mounts: [], load: load, inventory: .init(), thresholds: Thresholds(), asOf: day(1)).server
        XCTAssertEqual(server.secondsPerQuery.value, 200)
        XCTAssertEqual(server.secondsPerQuery.missing, ["查询明细中没有延迟（latency_ms），使用假设值 (no latency recorded: assumed)"])
        // 1/s × 3 × 1.5 = 4.5/s; ⌈4.5 × 0.2 ÷ 0.6⌉ = 2 → the minimum of 4 cores.
        XCTAssertEqual(server.cores.value, 4)
    }

    func testWithoutAQueryLogThereIsNoServerFigure() {
        let server = SizingAdvice.make(sites: [], mounts: [], load: nil, inventory: .init(servers: [.init(name: "db", cores: 8)]),
                                       thresholds: Thresholds(), asOf: day(1)).server
        XCTAssertNil(server.cores.value)
        XCTAssertEqual(server.servers.first?.coresMark, .unknown)
    }

    func testClientsAndPeripheralsAreMarkedAgainstTheMinimumsAndEachOther() {
        let inventory = HardwareInventory(
            clients: [.init(name: "档案查询工作站", count: 30, cores: 4, ramGB: 4, os: "统信 UOS 20", interfaces: ["USB 3.0", "千兆网口"])],
            kiosks: [.init(name: "自助查询一体机", count: 40, cores: 4, ramGB: 8, diskGB: 128, os: "Windows 10 IoT", interfaces: ["千兆网口"])],
            printers: [.init(model: "bizhub 958", count: 6, interfaces: ["千兆网口"], drivers: ["Windows"], attachedTo: "档案查询工作站",
                pagesPerMinute: 95)],
            idCardReaders: [.init(model: "CVR-100UC", count: 40, interfaces: ["USB"], attachedTo: "自助查询一体机")])
        let advice = SizingAdvice.make(sites: [], mounts: [], load: nil, inventory: inventory, thresholds: Thresholds(), asOf: day(1))
        XCTAssertEqual(advice.clients.groups.map { [$0.cores, $0.memory, $0.disk, $0.usb,
            $0.network].map(\.rawValue).joined(separator: " ") },
                       ["ok short missing ok ok", "ok ok ok short ok"])
        XCTAssertEqual(advice.peripherals.items.map { "\($0.model) \($0.interface.rawValue) \($0.driver.rawValue) " +
            "\($0.speed?.rawValue ?? "-")" },
                       ["bizhub 958 ok mismatch ok", "CVR-100UC mismatch missing -"])
        XCTAssertEqual(advice.peripherals.items[1].notes.first,
                       "设备接口 USB 与 自助查询一体机 的接口 千兆网口 没有共同类型 (no interface in common with 自助查询一体机)")
        XCTAssertTrue(advice.peripherals.gaps.isEmpty, "\(advice.peripherals.gaps)")
    }

    func testAnEmptyInventoryListsWhatIsLacking() {
        let gaps = SizingAdvice.make(sites: [], mounts: [], load: nil, inventory: .init(), thresholds: Thresholds(),
            asOf: day(1)).peripherals.gaps
        XCTAssertEqual(gaps, ["清单中没有高速打印机 (no printer in the inventory)", "清单中没有身份证阅读器 (no ID card reader in the inventory)",
                              "清单中没有业务客户端计算机 (no client PCs in the inventory)", "清单中没有自助查询终端 (no kiosks in the inventory)"])
    }
}
