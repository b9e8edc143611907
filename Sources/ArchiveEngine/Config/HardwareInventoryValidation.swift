import Foundation

extension HardwareInventory {
    /// Everything in the inventory that cannot be right (a RAID group smaller than its level allows, a
    /// printer attached to a group that does not exist, a negative memory size), each at its key path.
    /// Unknown keys are found by ``unknownKeys(in:)``.
    func problems() -> [(path: [ConfigurationKey], message: String)] {
        var found: [(path: [ConfigurationKey], message: String)] = []
        let root: [ConfigurationKey] = [.key("hardware")]
        func positive(_ value: Double?, _ path: [ConfigurationKey]) {
            if let value, !(value > 0) { found.append((path, "应为大于 0 的数 (must be positive)")) }
        }
        func named(_ name: String, _ path: [ConfigurationKey]) {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append((path, "不能为空 (must not be empty)")) }
        }
        var serverNames: Set<String> = []
        for (i, s) in servers.enumerated() {
            let p = root + [.key("servers"), .index(i)]
            named(s.name, p + [.key("name")])
            if !serverNames.insert(s.name).inserted { found.append((p + [.key("name")], "服务器名称 \(s.name) 重复 (duplicate server)")) }
            positive(s.cores.map(Double.init), p + [.key("cores")])
            positive(s.ramGB, p + [.key("ram_gb")])
            for (j, d) in s.disks.enumerated() {
                positive(Double(d.count), p + [.key("disks"), .index(j), .key("count")])
                positive(d.sizeTB, p + [.key("disks"), .index(j), .key("size_tb")])
            }
            if let raid = s.raid, !s.disks.isEmpty, s.disks.reduce(0, { $0 + $1.count }) < raid.minimumDisks {
                found.append((p + [.key("raid")],
                    "\(raid.rawValue) 至少需要 \(raid.minimumDisks) 块盘，disks 中只有 \(s.disks.reduce(0) { $0 + $1.count }) 块 (too few disks" +
                        " for the RAID level)"))
            }
        }
        for (i, s) in storage.enumerated() {
            let p = root + [.key("storage"), .index(i)]
            named(s.site, p + [.key("site")])
            if s.copies < 1 { found.append((p + [.key("copies")], "副本数至少为 1 (at least one copy)")) }
            if let n = s.raidDisks {
                let level = s.raid ?? .none
                if n < level.minimumDisks {
                    found.append((p + [.key("raid_disks")],
                        "\(level.rawValue) 至少需要 \(level.minimumDisks) 块盘 (too few disks for the RAID level)"))
                } else if level == .raid10 && n % 2 != 0 {
                    found.append((p + [.key("raid_disks")], "raid10 的盘数应为偶数 (RAID 10 needs an even number of disks)"))
                }
            }
        }
        var groups: Set<String> = []
        for (list, key) in [(clients, "clients"), (kiosks, "kiosks")] {
            for (i, g) in list.enumerated() {
                let p = root + [.key(key), .index(i)]
                named(g.name, p + [.key("name")])
                if !groups.insert(g.name).inserted { found.append((p + [.key("name")],
                    "名称 \(g.name) 与其他客户端或终端组重复，外设的 attached_to 无法区分 (duplicate group name)")) }
                positive(g.count.map(Double.init), p + [.key("count")])
                positive(g.cores.map(Double.init), p + [.key("cores")])
                positive(g.ramGB, p + [.key("ram_gb")])
                positive(g.diskGB, p + [.key("disk_gb")])
            }
        }
        for (list, key) in [(printers, "printers"), (idCardReaders, "id_card_readers")] {
            for (i, d) in list.enumerated() {
                let p = root + [.key(key), .index(i)]
                named(d.model, p + [.key("model")])
                positive(d.count.map(Double.init), p + [.key("count")])
                positive(d.pagesPerMinute.map(Double.init), p + [.key("pages_per_minute")])
                if let target = d.attachedTo, !groups.contains(target) {
                    let known = (clients + kiosks).map(\.name)
                    found.append((p + [.key("attached_to")],
                        "没有名为 “\(target)” 的客户端或终端组" +
                            "\(known.isEmpty ? "（clients 与 kiosks 为空）" : "，已有：\(known.joined(separator: "、"))") (unknown group)"))
                }
            }
        }
        return found
    }

    /// Keys under `hardware:` that nothing reads — usually a typo.
    static func unknownKeys(in document: ConfigurationDocument) -> [ConfigurationIssue] {
        let root: [ConfigurationKey] = [.key("hardware")]
        var issues = document.unknownKeys(at: root, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        func each(_ key: String, _ allowed: [String], nested: (String, [String])? = nil) {
            guard case .sequence(let s)? = document.node(at: root + [.key(key)]) else { return }
            for i in 0..<s.count {
                let p = root + [.key(key), .index(i)]
                issues += document.unknownKeys(at: p, allowed: Set(allowed))
                if let (inner, innerAllowed) = nested, case .sequence(let d)? = document.node(at: p + [.key(inner)]) {
                    for j in 0..<d.count { issues += document.unknownKeys(at: p + [.key(inner), .index(j)], allowed: Set(innerAllowed)) }
                }
            }
        }
        each("servers", Server.CodingKeys.allCases.map(\.rawValue), nested: ("disks", DiskGroup.CodingKeys.allCases.map(\.rawValue)))
        each("storage", SiteStorage.CodingKeys.allCases.map(\.rawValue))
        each("clients", ClientGroup.CodingKeys.allCases.map(\.rawValue))
        each("kiosks", ClientGroup.CodingKeys.allCases.map(\.rawValue))
        each("printers", Peripheral.CodingKeys.allCases.map(\.rawValue))
        each("id_card_readers", Peripheral.CodingKeys.allCases.map(\.rawValue))
        return issues
    }
}
