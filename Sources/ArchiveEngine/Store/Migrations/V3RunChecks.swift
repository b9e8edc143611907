import Foundation
import GRDB

/// The checks an inspection run performed, kept as data (`inspection_run.checks`: ids joined by commas,
/// NULL when unknown) instead of inside its coverage sentence. From this version `coverage` holds only what
/// the run covered besides its checks; ``InspectionRun/coverage`` renders the sentence from both.
///
/// Runs already stored wrote their checks as the start of the coverage sentence (`检查项 sync,efile；…`).
/// This migration reads them out of that text once — the only code allowed to read that prose — and keeps
/// the rest of the sentence, so each run shows the same sentence as before (a foreign spelling such as
/// `检查项：sync, efile；…` comes back as `检查项 sync,efile；…`). A sentence that does not start with the
/// clause (a foreign tool's) is left as it was, with its checks unknown.
let v3RunChecks = Migration(name: "v3-run-checks") { db in
    try db.execute(sql: "ALTER TABLE inspection_run ADD COLUMN checks TEXT")
    let rows = try Row.fetchAll(db, sql: "SELECT id, coverage FROM inspection_run WHERE coverage LIKE '检查项%'")
    let update = try db.makeStatement(sql: "UPDATE inspection_run SET checks = ?, coverage = ? WHERE id = ?")
    for row in rows {
        guard let split = LegacyCoverageSentence.split(row["coverage"]) else { continue }
        try update.execute(arguments: [split.checks.joined(separator: ","), split.detail, row["id"] as String])
    }
}

/// The coverage sentence as runs wrote it before `v3-run-checks`: `检查项 <ids>；<detail>`. Frozen with the
/// migration: the ids it accepts are the checks that existed then, and nothing else may call it.
enum LegacyCoverageSentence {
    static let checkIDs: Set<String> = ["sync", "efile", "seal", "disk", "notfound", "anomaly", "fixity"]

    /// The checks named after a leading `检查项` (separated by `,` `，` `、` or spaces, unknown ids ignored)
    /// and the text after the clause; nil when the sentence does not start so or names no known check.
    static func split(_ sentence: String?) -> (checks: [String], detail: String?)? {
        guard let sentence, sentence.hasPrefix("检查项") else { return nil }
        var rest = sentence.dropFirst("检查项".count)
        while let c = rest.first, c == " " || c == ":" || c == "：" { rest = rest.dropFirst() }
        let list = rest.prefix { $0 != "；" && $0 != ";" && $0 != "\n" }
        let checks = list.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " || $0 == "、" })
            .map(String.init).filter(checkIDs.contains)
        guard !checks.isEmpty else { return nil }
        let after = rest.dropFirst(list.count).dropFirst()
        return (checks, after.isEmpty ? nil : String(after))
    }
}
