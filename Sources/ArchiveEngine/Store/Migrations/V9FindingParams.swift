import GRDB

/// Finding parameters (问题参数): each finding keeps its sentence as data — the phrase key and its values,
/// as JSON (``FindingMessage``) — so that the Chinese pages and their English twins render the finding in
/// their own language. Findings stored before this step keep `params` NULL and are shown by their `detail`.
let v9FindingParams = Migration(name: "v9-finding-params") { db in
    try db.execute(sql: "ALTER TABLE finding ADD COLUMN params TEXT")
}
