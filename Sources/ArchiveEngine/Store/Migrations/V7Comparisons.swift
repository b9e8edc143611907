import GRDB

/// Comparisons of an old and a new copy of the archive (数据迁移核对, `archive-ops compare`).
///
/// - `comparison`: one row per run; `key` says what was compared (both sides, sites, catalogs), so the same
///   command after an interruption finds its unfinished row (`finished_at` NULL) and continues it.
/// - `comparison_unit`: the committed result of each enterprise folder (its raw differences as JSON), the
///   resume point; kept after the run for the record.
/// - `comparison_difference`: the final differences, in report order, once every unit is done.
let v7Comparisons = Migration(name: "v7-comparisons") { db in
    try db.execute(sql: """
        CREATE TABLE comparison (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            old_side TEXT NOT NULL,
            new_side TEXT NOT NULL,
            sites TEXT NOT NULL,
            host TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            enterprise_folders INTEGER NOT NULL,
            volumes INTEGER NOT NULL DEFAULT 0,
            files INTEGER NOT NULL DEFAULT 0,
            bytes_read INTEGER NOT NULL DEFAULT 0,
            resumed INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX comparison_key ON comparison(key, finished_at);
        CREATE TABLE comparison_unit (
            comparison_id TEXT NOT NULL REFERENCES comparison(id) ON DELETE CASCADE,
            unit TEXT NOT NULL,
            result TEXT NOT NULL,
            PRIMARY KEY (comparison_id, unit)
        );
        CREATE TABLE comparison_difference (
            comparison_id TEXT NOT NULL REFERENCES comparison(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            site TEXT,
            volume TEXT,
            uscc TEXT,
            path TEXT,
            new_path TEXT,
            cause TEXT,
            detail TEXT NOT NULL,
            old_bytes INTEGER,
            new_bytes INTEGER,
            old_sha256 TEXT,
            new_sha256 TEXT,
            PRIMARY KEY (comparison_id, ord)
        );
        """)
}
