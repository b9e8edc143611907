/// Small helpers that keep finding details short, Chinese first and deterministic.
enum FindingText {
    /// `page-0003.jpg、volume.pdf` or `page-0001.jpg、… 等 120 个` — several files of one volume share one
    /// finding (the contract allows it); the list is cut so that a report line stays readable.
    static func list(_ names: [String], limit: Int = 6) -> String {
        if names.count <= limit { return names.joined(separator: "、") }
        return names.prefix(limit).joined(separator: "、") + " 等 \(names.count) 个"
    }

    /// `数据中心 dc` — the site as a reader knows it, then its id.
    static func site(_ site: CenterSite) -> String {
        site.name.isEmpty || site.name == site.id ? site.id : "\(site.name)（\(site.id)）"
    }

    static func count(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
