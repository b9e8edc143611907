import GRDB

/// Revisions of imported query totals (查询量修订记录): when a file changes a figure an earlier file had
/// imported for the same period, channel and source, the figure before and after and both files are
/// kept, so that reports can show that a bureau figure was revised instead of silently replacing it.
let v5Evidence = Migration(name: "v5-evidence") { db in
    try db.execute(sql: """
        CREATE TABLE query_stat_revision (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            period TEXT NOT NULL,
            level TEXT NOT NULL,
            channel TEXT NOT NULL,
            source TEXT NOT NULL,
            queries_before INTEGER NOT NULL,
            not_found_before INTEGER,
            queries_after INTEGER NOT NULL,
            not_found_after INTEGER,
            file_before TEXT,
            file_after TEXT
        );
        """)
}
