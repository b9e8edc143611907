import GRDB

/// The catalog facts of the enterprises the inspections met (in a finding, a not-found query or a
/// ticket): their names and their volumes with the sites that must hold them, for the enterprise pages.
let v8Enterprise = Migration(name: "v8-enterprise") { db in
    try db.execute(sql: """
        CREATE TABLE enterprise (
            uscc TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            former_names TEXT NOT NULL,     -- JSON array of earlier names
            branch_id TEXT,
            recorded_at TEXT NOT NULL       -- inspection time of the catalog reading
        ) WITHOUT ROWID;

        CREATE TABLE enterprise_volume (
            volume_id TEXT NOT NULL,
            uscc TEXT NOT NULL REFERENCES enterprise(uscc) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            sites TEXT NOT NULL,            -- site ids that must hold it, comma separated
            PRIMARY KEY (uscc, volume_id)
        ) WITHOUT ROWID;
        CREATE INDEX enterprise_volume_id ON enterprise_volume(volume_id);
        """)
}
