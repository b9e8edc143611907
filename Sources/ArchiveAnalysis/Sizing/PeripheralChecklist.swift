import ArchiveEngine
import Foundation

/// 高速打印机及身份证阅读器等外围设备适配检测: for each printer and ID card reader of the inventory, does
/// it share an interface with the machines it is attached to, does its vendor ship a driver for their
/// operating system, and (printers) is it fast enough — plus what the inventory lacks altogether.
public struct PeripheralChecklist: Codable, Hashable, Sendable {
    public var items: [Item]
    /// Gaps in the inventory as a whole ("no ID card reader is attached to the kiosks").
    public var gaps: [String]

    public enum Kind: String, Codable, Hashable, Sendable {
        case printer, idCardReader = "id_card_reader"
        public var displayName: String { self == .printer ? "高速打印机 (printer)" : "身份证阅读器 (ID card reader)" }
    }

    public struct Item: Codable, Hashable, Sendable {
        public var kind: Kind
        public var model: String
        public var count: Int?
        public var attachedTo: String?
        public var interface: CheckMark
        public var driver: CheckMark
        /// Printers only: rated speed against the high-speed minimum; nil for readers.
        public var speed: CheckMark?
        /// Why each mark is what it is, in one line.
        public var notes: [String]
    }

    static func make(_ inventory: HardwareInventory, assumptions a: SizingAssumptions) -> PeripheralChecklist {
        let groups = inventory.clients + inventory.kiosks
        var items: [Item] = []
        for (kind, list) in [(Kind.printer, inventory.printers), (.idCardReader, inventory.idCardReaders)] {
            for d in list {
                var notes: [String] = []
                let group = d.attachedTo.flatMap { name in groups.first { $0.name == name } }
                let interface: CheckMark
                if d.interfaces.isEmpty {
                    interface = .missing; notes.append("清单未填写设备接口 (interface not in the inventory)")
                } else if d.attachedTo == nil {
                    interface = .missing; notes.append("清单未填写连接的客户端或终端组（attached_to） (attached_to not in the inventory)")
                } else if let group, !group.interfaces.isEmpty {
                    let shared = Set(d.interfaces.compactMap(InterfaceFamily.init(text:)))
                        .intersection(group.interfaces.compactMap(InterfaceFamily.init(text:)))
                    interface = shared.isEmpty ? .mismatch : .ok
                    notes.append(shared.isEmpty
                                 ? "设备接口 \(d.interfaces.joined(separator: "、")) 与 \(group.name) 的接口 " +
                                     "\(group.interfaces.joined(separator: "、")) 没有共同类型 (no interface in common with \(group.name))"
                                 : "经 \(shared.map(\.rawValue).sorted().joined(separator: "/")) 连接 \(group.name)"
                                     + " (connects to \(group.name) by \(shared.map(\.rawValue).sorted().joined(separator: "/")))")
                } else {
                    interface = .missing
                    notes.append("清单未填写 \(d.attachedTo ?? "") 的接口 (interfaces of \(d.attachedTo ?? "") not in the inventory)")
                }
                let driver: CheckMark
                if d.drivers.isEmpty {
                    driver = .missing; notes.append("清单未填写驱动支持的操作系统 (driver systems not in the inventory)")
                } else if let os = group?.os {
                    let fits = d.drivers.contains { driverFits($0, os: os) }
                    driver = fits ? .ok : .mismatch
                    notes.append(fits ? "有 \(os) 驱动 (driver for \(os))"
                                 : "驱动只支持 \(d.drivers.joined(separator: "、"))，\(group?.name ?? "") 使用 \(os)"
                                     + " (drivers only for \(d.drivers.joined(separator: ", ")); \(group?.name ?? "") runs \(os))")
                } else {
                    driver = .missing; notes.append("清单未填写所连设备的操作系统 (system of the attached device not in the inventory)")
                }
                var speed: CheckMark?
                if kind == .printer {
                    speed = CheckMark.atLeast(d.pagesPerMinute.map(Double.init), Double(a.printerPagesPerMinute))
                    notes.append(d.pagesPerMinute.map {
                        "每分钟 \($0) 页（高速打印机按至少 \(a.printerPagesPerMinute) 页计）"
                            + " (\($0) pages a minute; a high-speed printer needs at least \(a.printerPagesPerMinute))"
                    } ?? "清单未填写打印速度 (print speed not in the inventory)")
                }
                items.append(Item(kind: kind, model: d.model, count: d.count, attachedTo: d.attachedTo,
                                  interface: interface, driver: driver, speed: speed, notes: notes))
            }
        }
        var gaps: [String] = []
        if inventory.printers.isEmpty { gaps.append("清单中没有高速打印机 (no printer in the inventory)") }
        if inventory.idCardReaders.isEmpty { gaps.append("清单中没有身份证阅读器 (no ID card reader in the inventory)") }
        for kiosk in inventory.kiosks where !inventory.idCardReaders.contains(where: { $0.attachedTo == kiosk.name }) {
            gaps.append("自助查询终端 \(kiosk.name) 没有登记连接的身份证阅读器 (kiosk without an ID card reader)")
        }
        if inventory.clients.isEmpty { gaps.append("清单中没有业务客户端计算机 (no client PCs in the inventory)") }
        if inventory.kiosks.isEmpty { gaps.append("清单中没有自助查询终端 (no kiosks in the inventory)") }
        return PeripheralChecklist(items: items, gaps: gaps)
    }

    /// A driver entry fits an OS when one names the other (统信 UOS ⊂ 统信 UOS 20, Windows ⊂ Windows 10 IoT).
    static func driverFits(_ driver: String, os: String) -> Bool {
        let d = driver.lowercased().trimmingCharacters(in: .whitespaces), o = os.lowercased()
        guard !d.isEmpty else { return false }
        return o.contains(d) || d.contains(o.split(separator: " ").first.map(String.init) ?? o)
    }
}
