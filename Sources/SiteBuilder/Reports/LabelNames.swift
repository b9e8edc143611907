import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// Names of the model enums in a page's language: the label file's `sev.*`, `cat.*`, `pri.*`,
/// `status.*`, `channel.*`, `level.*` and `source.*` keys, falling back to the Chinese name in the model.
/// Check names come from the check definitions (English on English pages) unless the labels file sets one.
struct LabelNames {
    let l: [String: String]
    /// The page's language, for the names that live with the checks rather than in the labels file.
    var language: SiteLanguage = .zh
    /// Where check names come from: the engine's catalogue (a test passes its own list).
    var checks: [CheckDefinition] = CheckCatalog.all

    func severity(_ s: Severity) -> String { l["sev_\(s.rawValue)"] ?? s.chineseName }
    func category(_ c: TicketCategory) -> String { l["cat_\(c.rawValue)"] ?? c.chineseName }
    func priority(_ p: TicketPriority) -> String { l["pri_\(p.rawValue)"] ?? p.chineseName }
    func status(_ s: TicketStatus) -> String { l["status_\(s.rawValue)"] ?? s.chineseName }
    func channel(_ c: QueryChannel) -> String { l["channel_\(c.rawValue)"] ?? c.chineseName }
    func level(_ v: QueryPeriod.Level) -> String { l["level_\(v.rawValue)"] ?? v.chineseName }
    func source(_ s: String) -> String { l["source_\(s)"] ?? QuerySource.chineseName(s) }
    /// A check's name: a workspace's `check_<id>` label if it sets one; else on English pages the English
    /// name of the check's definition; else the catalogue's Chinese name.
    func check(_ id: String, _ chinese: String) -> String {
        if let label = l["check_\(id)"] { return label }
        if language == .en, let english = checks.first(where: { $0.id == id })?.englishName { return english }
        return chinese
    }
    func text(_ key: String) -> String { l[key] ?? key }

    /// `{n}` replaced: `l["fmt.key"]` with the given values in order.
    func format(_ key: String, _ values: String...) -> String {
        var s = l[key] ?? key
        // One pass over the label when no value holds a brace (every value in practice), the same result
        // as replacing `{0}`, `{1}`, … in turn, without Foundation's search per value (a tenth of the
        // keying of 10,000 service reports in an incremental build).
        // A value without braces and a label without `{{` cannot form a new placeholder across a boundary.
        // (`{{` looked for byte by byte: `String.contains` with a string argument is Foundation's search.)
        guard values.count <= 10, !Self.hasDoubleBrace(s),
              !values.contains(where: { $0.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") } }) else {
            for (i, v) in values.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: v) }
            return s
        }
        guard s.utf8.contains(UInt8(ascii: "{")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + values.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "}"),
               bytes[i + 1] >= UInt8(ascii: "0"), Int(bytes[i + 1] - UInt8(ascii: "0")) < values.count {
                out.append(contentsOf: values[Int(bytes[i + 1] - UInt8(ascii: "0"))].utf8)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hasDoubleBrace(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            if byte == UInt8(ascii: "{") && previous == byte { return true }
            previous = byte
        }
        return false
    }
}

extension SiteBuild {
    func labelNames(_ language: SiteLanguage) -> LabelNames {
        LabelNames(l: renderer.templates.labels(for: language), language: language)
    }
}
