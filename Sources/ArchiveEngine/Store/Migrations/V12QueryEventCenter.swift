import GRDB

/// Query events keyed by the center they came from as well as their `query_log` id (查询明细按中心区分).
///
/// A `query_log` id is only unique inside one center's catalog: before this step, importing a second
/// center's log (or a catalog rebuilt with ids starting again at 1) silently replaced the first one's
/// queries. Existing rows belong to the unnamed center `''`, which is what `import queries` uses unless
/// `--center` names another one.
let v12QueryEventCenter = Migration(name: "v12-query-event-center") { db in
    try db.execute(sql: """
        CREATE TABLE query_event_by_center (
            center TEXT NOT NULL DEFAULT '',
            id INTEGER NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,
            terminal TEXT,
            site_id TEXT,
            kind TEXT,
            text TEXT,
            result TEXT NOT NULL,
            uscc TEXT,
            latency_ms INTEGER,
            PRIMARY KEY (center, id)
        );
        INSERT INTO query_event_by_center (center, id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms)
            SELECT '', id, at, channel, terminal, site_id, kind, text, result, uscc, latency_ms FROM query_event;
        DROP TABLE query_event;
        ALTER TABLE query_event_by_center RENAME TO query_event;
        CREATE INDEX query_event_at ON query_event(at);
        """)
}
