/// Text that goes into a generated shell script: every path and value as one single-quoted word, and
/// comment text on one line. Store paths, site ids and catalog codes are data, not ours: a name holding
/// `'`, `$(…)`, a newline or a leading `-` must stay a name and never become a command.
enum ShellText {
    /// `'it'\''s'` — bash single quotes take every byte literally except `'` itself. A value holding a
    /// control character (a newline in a folder name) is written `$'…\012…'` instead, so that the quoted
    /// word never spans lines and can also stand in a comment (an undo line) without ending it.
    static func quote(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else {
            return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var out = "$'"
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            default:
                if isControl(scalar) {
                    for byte in String(scalar).utf8 { out += "\\" + String(format: "%03o", byte) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// One comment line: control characters (a newline would end the comment and start a command) shown
    /// as `\n`-style escapes.
    static func comment(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += " "
            default:
                if isControl(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `'V0001'` → `'V0001'` inside SQL: a string literal with `'` doubled.
    static func sqlLiteral(_ s: String?) -> String {
        guard let s else { return "NULL" }
        return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
