import Foundation

/// 硬件清单: the equipment the sharing center runs on, as the maintenance team records it in the workspace
/// configuration (`hardware:`). The sizing advice (系统硬件选型咨询) compares it with what the forecasts
/// and the query load call for, and marks every figure the inventory lacks instead of guessing it.
///
/// Every key is optional: a team that knows only its servers writes only `servers:`.
public struct HardwareInventory: Codable, Equatable, Sendable {
    /// Servers (服务器): storage, database and application hosts.
    public var servers: [Server]
    /// Archive storage per site (各站点存储): which mount holds a site's files, its RAID and its copies.
    public var storage: [SiteStorage]
    /// Business client computers (业务客户端计算机), by group of identical machines.
    public var clients: [ClientGroup]
    /// Self-service query kiosks (自助查询终端), by group.
    public var kiosks: [ClientGroup]
    /// High-speed printers (高速打印机).
    public var printers: [Peripheral]
    /// Second-generation ID card readers (二代身份证阅读器).
    public var idCardReaders: [Peripheral]

    public init(servers: [Server] = [], storage: [SiteStorage] = [], clients: [ClientGroup] = [],
                kiosks: [ClientGroup] = [], printers: [Peripheral] = [], idCardReaders: [Peripheral] = []) {
        self.servers = servers; self.storage = storage; self.clients = clients; self.kiosks = kiosks
        self.printers = printers; self.idCardReaders = idCardReaders
    }

    public var isEmpty: Bool {
        servers.isEmpty && storage.isEmpty && clients.isEmpty && kiosks.isEmpty && printers.isEmpty && idCardReaders.isEmpty
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case servers, storage, clients, kiosks, printers
        case idCardReaders = "id_card_readers"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        servers = try c.decodeIfPresent([Server].self, forKey: .servers) ?? []
        storage = try c.decodeIfPresent([SiteStorage].self, forKey: .storage) ?? []
        clients = try c.decodeIfPresent([ClientGroup].self, forKey: .clients) ?? []
        kiosks = try c.decodeIfPresent([ClientGroup].self, forKey: .kiosks) ?? []
        printers = try c.decodeIfPresent([Peripheral].self, forKey: .printers) ?? []
        idCardReaders = try c.decodeIfPresent([Peripheral].self, forKey: .idCardReaders) ?? []
    }

    /// A server (服务器) as the advice needs it: what it is, where, and how much CPU, memory and disk it has.
    public struct Server: Codable, Equatable, Sendable {
        /// Host name, as `disk_sample.host` and the inspection's host name spell it.
        public var name: String
        /// What it does (用途), e.g. 档案存储, 数据库, 查询服务.
        public var role: String?
        /// Site id of the catalog (`dc`, `processing`, `branch-humen`, …).
        public var site: String?
        public var model: String?
        public var cpu: String?
        /// Physical cores in total (all sockets).
        public var cores: Int?
        public var ramGB: Double?
        public var raid: RAIDLevel?
        public var disks: [DiskGroup]
        public var network: String?
        public var os: String?

        public init(name: String, role: String? = nil, site: String? = nil, model: String? = nil, cpu: String? = nil,
                    cores: Int? = nil, ramGB: Double? = nil, raid: RAIDLevel? = nil, disks: [DiskGroup] = [],
                    network: String? = nil, os: String? = nil) {
            self.name = name; self.role = role; self.site = site; self.model = model; self.cpu = cpu
            self.cores = cores; self.ramGB = ramGB; self.raid = raid; self.disks = disks
            self.network = network; self.os = os
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, role, site, model, cpu, cores, raid, disks, network, os
            case ramGB = "ram_gb"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            role = try c.decodeIfPresent(String.self, forKey: .role)
            site = try c.decodeIfPresent(String.self, forKey: .site)
            model = try c.decodeIfPresent(String.self, forKey: .model)
            cpu = try c.decodeIfPresent(String.self, forKey: .cpu)
            cores = try c.decodeIfPresent(Int.self, forKey: .cores)
            ramGB = try c.decodeIfPresent(Double.self, forKey: .ramGB)
            raid = try c.decodeIfPresent(RAIDLevel.self, forKey: .raid)
            disks = try c.decodeIfPresent([DiskGroup].self, forKey: .disks) ?? []
            network = try c.decodeIfPresent(String.self, forKey: .network)
            os = try c.decodeIfPresent(String.self, forKey: .os)
        }
    }

    /// Identical disks of a server (`{ count: 12, size_tb: 16, kind: hdd, interface: SAS }`).
    public struct DiskGroup: Codable, Equatable, Sendable {
        public var count: Int
        /// Size of one disk in TB (10^12 bytes, as vendors label disks).
        public var sizeTB: Double
        /// hdd, ssd, nvme.
        public var kind: String?
        /// SAS, SATA, NVMe, FC.
        public var interface: String?

        public init(count: Int, sizeTB: Double, kind: String? = nil, interface: String? = nil) {
            self.count = count; self.sizeTB = sizeTB; self.kind = kind; self.interface = interface
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case count, kind, interface
            case sizeTB = "size_tb"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 1
            sizeTB = try c.decode(Double.self, forKey: .sizeTB)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
            interface = try c.decodeIfPresent(String.self, forKey: .interface)
        }
    }

    /// Where a site's archive files live (站点存储), how they are protected, and how many copies the site keeps.
    public struct SiteStorage: Codable, Equatable, Sendable {
        /// Site id of the catalog.
        public var site: String
        /// The mount holding the site's file store, as `disk_sample` names it (host and mount).
        public var host: String?
        public var mount: String?
        public var raid: RAIDLevel?
        /// Disks in one RAID group: the parity overhead of RAID 5/6 depends on it.
        public var raidDisks: Int?
        /// Full copies of the site's archive kept on this storage (主存储 1 + 本地备份 1 = 2).
        public var copies: Int

        public init(site: String, host: String? = nil, mount: String? = nil, raid: RAIDLevel? = nil,
                    raidDisks: Int? = nil, copies: Int = 1) {
            self.site = site; self.host = host; self.mount = mount; self.raid = raid
            self.raidDisks = raidDisks; self.copies = copies
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case site, host, mount, raid, copies
            case raidDisks = "raid_disks"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            site = try c.decode(String.self, forKey: .site)
            host = try c.decodeIfPresent(String.self, forKey: .host)
            mount = try c.decodeIfPresent(String.self, forKey: .mount)
            raid = try c.decodeIfPresent(RAIDLevel.self, forKey: .raid)
            raidDisks = try c.decodeIfPresent(Int.self, forKey: .raidDisks)
            copies = try c.decodeIfPresent(Int.self, forKey: .copies) ?? 1
        }
    }

    /// A group of identical client computers or kiosks (客户端计算机 / 自助查询终端).
    public struct ClientGroup: Codable, Equatable, Sendable {
        /// The group's name, used by peripherals' `attached_to`.
        public var name: String
        public var count: Int?
        public var model: String?
        public var cpu: String?
        public var cores: Int?
        public var ramGB: Double?
        public var diskGB: Double?
        public var os: String?
        /// Ports the machine offers (USB 3.0, 千兆网口, RS-232, HDMI …).
        public var interfaces: [String]

        public init(name: String, count: Int? = nil, model: String? = nil, cpu: String? = nil, cores: Int? = nil,
                    ramGB: Double? = nil, diskGB: Double? = nil, os: String? = nil, interfaces: [String] = []) {
            self.name = name; self.count = count; self.model = model; self.cpu = cpu; self.cores = cores
            self.ramGB = ramGB; self.diskGB = diskGB; self.os = os; self.interfaces = interfaces
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, count, model, cpu, cores, os, interfaces
            case ramGB = "ram_gb"
            case diskGB = "disk_gb"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            count = try c.decodeIfPresent(Int.self, forKey: .count)
            model = try c.decodeIfPresent(String.self, forKey: .model)
            cpu = try c.decodeIfPresent(String.self, forKey: .cpu)
            cores = try c.decodeIfPresent(Int.self, forKey: .cores)
            ramGB = try c.decodeIfPresent(Double.self, forKey: .ramGB)
            diskGB = try c.decodeIfPresent(Double.self, forKey: .diskGB)
            os = try c.decodeIfPresent(String.self, forKey: .os)
            interfaces = try c.decodeIfPresent([String].self, forKey: .interfaces) ?? []
        }
    }

    /// A printer or ID card reader model (外围设备) and the machines it is attached to.
    public struct Peripheral: Codable, Equatable, Sendable {
        public var model: String
        public var count: Int?
        /// Interfaces the device offers (USB, 千兆网口, RS-232 …).
        public var interfaces: [String]
        /// Operating systems the vendor ships drivers or an SDK for (Windows, 统信 UOS, 麒麟 …).
        public var drivers: [String]
        /// Name of the client or kiosk group it is connected to.
        public var attachedTo: String?
        /// Printers: rated speed (pages per minute, A4).
        public var pagesPerMinute: Int?

        public init(model: String, count: Int? = nil, interfaces: [String] = [], drivers: [String] = [],
                    attachedTo: String? = nil, pagesPerMinute: Int? = nil) {
            self.model = model; self.count = count; self.interfaces = interfaces; self.drivers = drivers
            self.attachedTo = attachedTo; self.pagesPerMinute = pagesPerMinute
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case model, count, interfaces, drivers
            case attachedTo = "attached_to"
            case pagesPerMinute = "pages_per_minute"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            model = try c.decode(String.self, forKey: .model)
            count = try c.decodeIfPresent(Int.self, forKey: .count)
            interfaces = try c.decodeIfPresent([String].self, forKey: .interfaces) ?? []
            drivers = try c.decodeIfPresent([String].self, forKey: .drivers) ?? []
            attachedTo = try c.decodeIfPresent(String.self, forKey: .attachedTo)
            pagesPerMinute = try c.decodeIfPresent(Int.self, forKey: .pagesPerMinute)
        }
    }
}

/// A RAID level and what fraction of the raw disk space it leaves for data.
public enum RAIDLevel: String, Codable, Equatable, Sendable, CaseIterable {
    case none, raid0, raid1, raid5, raid6, raid10

    /// Fewest disks the level can be built from.
    public var minimumDisks: Int {
        switch self {
        case .none: 1
        case .raid0, .raid1: 2
        case .raid5: 3
        case .raid6, .raid10: 4
        }
    }

    /// Usable ÷ raw for a group of `disks` disks: RAID 1 and 10 keep half, RAID 5 loses one disk to parity,
    /// RAID 6 two.
    public func usableFraction(disks: Int) -> Double {
        let n = Double(max(disks, minimumDisks))
        switch self {
        case .none, .raid0: return 1
        case .raid1, .raid10: return 0.5
        case .raid5: return (n - 1) / n
        case .raid6: return (n - 2) / n
        }
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        let key = raw.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
        guard let level = RAIDLevel(rawValue: key == "raid1+0" ? "raid10" : key) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "“\(raw)” 不是可用的 RAID 级别，可用：\(RAIDLevel.allCases.map(\.rawValue).joined(separator: "、")) (unknown R" +
                    "AID level)"))
        }
        self = level
    }
}
