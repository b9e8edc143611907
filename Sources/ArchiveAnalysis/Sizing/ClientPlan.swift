import ArchiveEngine
import Foundation

/// 客户端计算机性能及相关接口技术指标: the minimum a business client computer and a self-service kiosk
/// should have, and each inventory group marked against it.
public struct ClientPlan: Codable, Hashable, Sendable {
    public var requirements: [Requirement]
    public var groups: [GroupCheck]

    public enum Kind: String, Codable, Hashable, Sendable {
        case client, kiosk
        public var displayName: String { self == .client ? "业务客户端计算机 (client PC)" : "自助查询终端 (kiosk)" }
    }

    public struct Requirement: Codable, Hashable, Sendable {
        public var kind: Kind
        public var cores: Int
        public var ramGB: Double
        public var diskGB: Double
        /// Interface families the machine must offer, with why.
        public var interfaces: [String]
        public var reasons: [String]
    }

    public struct GroupCheck: Codable, Hashable, Sendable {
        public var kind: Kind
        public var name: String
        public var count: Int?
        public var model: String?
        public var os: String?
        public var cores: CheckMark
        public var memory: CheckMark
        public var disk: CheckMark
        public var usb: CheckMark
        public var network: CheckMark
        /// The group's own values, for the table.
        public var values: String
    }

    static func make(_ inventory: HardwareInventory, assumptions a: SizingAssumptions) -> ClientPlan {
        let requirements = [
            Requirement(kind: .client, cores: a.clientCores, ramGB: a.clientRAMGB, diskGB: a.clientDiskGB,
                        interfaces: ["USB", "网口 (network)"],
                        reasons: ["浏览与打印整卷档案 PDF（数百页扫描件）需要 \(a.clientRAMGB.formatted0) GB 内存"
                                      + " (viewing and printing whole-volume PDFs of hundreds of scanned pages needs"
                                      + " \(a.clientRAMGB.formatted0) GB of memory)",
                                  "USB 连接身份证阅读器或本地打印机；网口连接市局数据中心"
                                      + " (USB for the ID card reader or a local printer; network to the bureau data center)"]),
            Requirement(kind: .kiosk, cores: a.kioskCores, ramGB: a.kioskRAMGB, diskGB: a.kioskDiskGB,
                        interfaces: ["USB", "网口 (network)"],
                        reasons: ["自助查询一体机需要 USB 连接身份证阅读器，网口连接查询服务"
                                      + " (a kiosk needs USB for the ID card reader and network for the query service)"]),
        ]
        let groups = inventory.clients.map { ($0, Kind.client) } + inventory.kiosks.map { ($0, Kind.kiosk) }
        return ClientPlan(requirements: requirements, groups: groups.map { g, kind in
            let r = requirements.first { $0.kind == kind }!
            let families = Set(g.interfaces.compactMap(InterfaceFamily.init(text:)))
            let values = [g.cores.map { "\($0) 核" }, g.ramGB.map { "\($0.formatted0) GB 内存" },
                          g.diskGB.map { "\($0.formatted0) GB 硬盘" },
                          g.interfaces.isEmpty ? nil : g.interfaces.joined(separator: "、")].compactMap { $0 }
            let english = [g.cores.map { "\($0) cores" }, g.ramGB.map { "\($0.formatted0) GB memory" },
                           g.diskGB.map { "\($0.formatted0) GB disk" },
                           g.interfaces.isEmpty ? nil : g.interfaces.joined(separator: ", ")].compactMap { $0 }
            return GroupCheck(
                kind: kind, name: g.name, count: g.count, model: g.model, os: g.os,
                cores: CheckMark.atLeast(g.cores.map(Double.init), Double(r.cores)),
                memory: CheckMark.atLeast(g.ramGB, r.ramGB), disk: CheckMark.atLeast(g.diskGB, r.diskGB),
                usb: g.interfaces.isEmpty ? .missing : (families.contains(.usb) ? .ok : .short),
                network: g.interfaces.isEmpty ? .missing : (families.contains(.network) ? .ok : .short),
                values: values.isEmpty ? "—" : values.joined(separator: "，") + " (\(english.joined(separator: "; ")))")
        })
    }
}

/// The family of a port as people write it (USB 3.0, 千兆网口, RJ45, RS-232, 串口 …): a printer with a
/// network port fits a client with 千兆网口.
enum InterfaceFamily: String, Codable, Hashable, Sendable {
    case usb, network, serial, video

    init?(text: String) {
        let t = text.lowercased()
        if t.contains("usb") { self = .usb }
        else if ["网口", "网卡", "以太网", "ethernet", "rj45", "rj-45", "lan", "gbe", "网络", "wifi", "wi-fi",
            "无线"].contains(where: t.contains) { self = .network }
        else if ["rs-232", "rs232", "串口", "com", "serial"].contains(where: t.contains) { self = .serial }
        else if ["hdmi", "vga", "dp", "displayport", "dvi"].contains(where: t.contains) { self = .video }
        else { return nil }
    }
}

extension Double {
    /// 8.0 → "8", 7.5 → "7.5".
    var formatted0: String { SizingText.number(self) }
}
