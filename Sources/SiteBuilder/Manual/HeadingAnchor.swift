import Foundation

/// A heading of a manual page with the id its anchor gets, for the table of contents (目录) and for
/// `page.md#id` links.
///
/// Ids must work for Chinese headings and stay stable while a page is edited elsewhere, so they come
/// from the heading text (`## 备份与恢复` → `备份与恢复`), not from the heading's position. A writer can fix
/// an id explicitly with a trailing `{#id}` (`## 档案缺失 {#sync.missing}`), as in Hugo and MkDocs.
struct HeadingAnchor: Sendable, Equatable {
    let id: String
    let text: String
    let level: Int
    let line: Int
}

enum HeadingSlug {
    /// `备份与恢复（sqlite3）` → `备份与恢复sqlite3`; `Daily Check 07:30` → `daily-check-0730`. Letters and
    /// digits of any script are kept, spaces become `-`, other punctuation is dropped.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ch)
            } else if ch.isWhitespace {
                pendingDash = true
            }
        }
        return out
    }

    /// Splits a trailing `{#id}` off heading text; returns the text without it and the explicit id.
    static func explicitID(in text: String) -> (text: String, id: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return (text, nil) }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        let rest = String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
        return (rest, id)
    }

    /// An explicit id may hold letters, digits, `-`, `_` and `.` — enough for `sync.missing`, safe in HTML.
    static func isValidExplicitID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }
}
