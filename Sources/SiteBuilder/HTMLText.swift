/// Escaping for text the generator itself puts into HTML or SVG (ids, titles in attributes, chart labels):
/// the same five characters Mustache escapes in `{{value}}`, so text reads the same wherever it was placed.
enum HTMLText {
    static func escape(_ s: String) -> String {
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
