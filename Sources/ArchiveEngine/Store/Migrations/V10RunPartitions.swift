import GRDB

/// The sites an inspection run covered (`inspection_run.sites`: site ids joined by commas), for a center
/// inspected by more than one host: each host runs `check --site ID` on its own store and the center's
/// host imports the results. NULL — every run before this version, and every run without `--site` — means
/// the whole center.
let v10RunPartitions = Migration(name: "v10-run-partitions") { db in
    try db.execute(sql: "ALTER TABLE inspection_run ADD COLUMN sites TEXT")
}
