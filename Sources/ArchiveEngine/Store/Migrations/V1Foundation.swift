import GRDB

/// The first schema: tickets with their SLA facts, query statistics at every level, inspection runs and
/// findings, and the audit trail. Times are stored as ISO 8601 text with +08:00 (``BureauTime/iso(_:)``),
/// which sorts correctly as text.
let v1Foundation = Migration(name: "v1-foundation") { db in
    try db.execute(sql: """
        CREATE TABLE ticket (
            id TEXT PRIMARY KEY NOT NULL,
            reported_at TEXT NOT NULL,
            unit TEXT, reporter TEXT,
            category TEXT NOT NULL,
            priority TEXT NOT NULL,
            description TEXT NOT NULL,
            responded_at TEXT, onsite_at TEXT, resolved_at TEXT,
            actions TEXT, resolution TEXT, engineer TEXT,
            status TEXT NOT NULL,
            -- SLA facts, computed at import (NULL while the time is unknown)
            response_minutes REAL,
            onsite_minutes REAL,
            resolution_minutes REAL,
            response_met INTEGER,           -- responded within the response target
            onsite_met INTEGER,             -- 特急 only: engineer on site within the on-site target
            source_file TEXT
        );
        CREATE INDEX ticket_reported ON ticket(reported_at);

        -- Totals per period and channel. level: year | half | month | day.
        -- source: 'aggregate' (a bureau CSV) or 'detail' (counted from query_event).
        CREATE TABLE query_stat (
            period TEXT NOT NULL,
            level TEXT NOT NULL,
            channel TEXT NOT NULL,
            queries INTEGER NOT NULL,
            not_found INTEGER,
            source TEXT NOT NULL,
            source_file TEXT,
            PRIMARY KEY (period, channel, source)
        );

        -- The detailed query_log of a center snapshot, one row per query, keyed by its query_log id.
        CREATE TABLE query_event (
            id INTEGER PRIMARY KEY NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,
            terminal TEXT,
            site_id TEXT,
            kind TEXT,
            text TEXT,
            result TEXT NOT NULL,
            uscc TEXT,
            latency_ms INTEGER
        );
        CREATE INDEX query_event_at ON query_event(at);

        CREATE TABLE inspection_run (
            id TEXT PRIMARY KEY NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            host TEXT NOT NULL,
            center TEXT NOT NULL,
            "window" TEXT,
            coverage TEXT,
            source TEXT NOT NULL
        );
        CREATE INDEX inspection_run_started ON inspection_run(started_at);

        CREATE TABLE finding (
            run_id TEXT NOT NULL REFERENCES inspection_run(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            "check" TEXT NOT NULL,
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            site TEXT, volume TEXT, uscc TEXT,
            query INTEGER, host TEXT, mount TEXT, path TEXT,
            detail TEXT NOT NULL,
            PRIMARY KEY (run_id, seq)
        );
        CREATE INDEX finding_code ON finding(code);

        -- 操作记录: every command that changed this database.
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            command TEXT NOT NULL,
            file TEXT,
            file_sha256 TEXT,
            summary TEXT NOT NULL
        );
        """)
}
