import GRDB

/// Capacity history (容量历史) for the forecasts and the sizing advice (系统硬件选型咨询):
///
/// - `disk_history`: one reading of a mount — from the center's own monitoring (`disk_sample`, source
///   `center`), from statvfs on the inspecting host (`statvfs`) or from another host's results (`import`).
///   Keyed by host, mount and time, so the same reading stored twice is one row.
/// - `archive_growth`: per site and month, the volumes created that month that the site must hold, their
///   pages and page bytes, as the latest `check` read them from the catalog.
///
/// Query load needs no table: it is counted from `query_event` when asked.
let v4CapacityHistory = Migration(name: "v4-capacity-history") { db in
    try db.execute(sql: """
        CREATE TABLE disk_history (
            host TEXT NOT NULL,
            mount TEXT NOT NULL,
            at TEXT NOT NULL,
            total_bytes INTEGER NOT NULL,
            used_bytes INTEGER NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (host, mount, at)
        ) WITHOUT ROWID;

        CREATE TABLE archive_growth (
            site_id TEXT NOT NULL,
            month TEXT NOT NULL,
            site_name TEXT NOT NULL,
            volumes INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (site_id, month)
        ) WITHOUT ROWID;
        """)
}
