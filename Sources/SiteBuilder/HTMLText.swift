/// Escaping for text the generator itself puts into HTML or SVG (ids, titles in attributes, chart labels):
/// the same five characters Mustache escapes in `{{value}}`, so text reads the same wherever it was placed.
enum HTMLText {
    static func escape(_ s: String) -> String {
        // Most text holds none of the five: it is returned as it is, without walking its characters (the
        // walk below was a third of a manual rebuild, which escapes every title of the side navigation).
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
