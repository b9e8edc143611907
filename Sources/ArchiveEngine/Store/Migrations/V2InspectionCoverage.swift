import GRDB

/// The inspection's coverage state per center (巡检覆盖进度), so that a morning run re-verifies only what
/// changed plus a rotating slice, and an interrupted run resumes where it stopped.
///
/// - `coverage_volume`: per center, per set of file checks (`checks`, e.g. `anomaly,efile,fixity,seal,sync`)
///   and per volume, the catalog fingerprint at its last file verification, the inspection time of that
///   verification, and the file findings it produced (JSON lines; re-reported when a run resumes).
/// - `coverage_pending`: the volumes of a started run not verified yet.
/// - `coverage_run`: the last run per center and check set: its id, mode, slice number and whether it
///   finished.
let v2InspectionCoverage = Migration(name: "v2-inspection-coverage") { db in
    try db.execute(sql: """
        CREATE TABLE coverage_volume (
            center TEXT NOT NULL,
            checks TEXT NOT NULL,
            volume_id TEXT NOT NULL,
            fingerprint INTEGER NOT NULL,
            verified_at TEXT NOT NULL,
            run_id TEXT NOT NULL,
            findings TEXT,
            PRIMARY KEY (center, checks, volume_id)
        ) WITHOUT ROWID;

        CREATE TABLE coverage_pending (
            center TEXT NOT NULL,
            checks TEXT NOT NULL,
            volume_id TEXT NOT NULL,
            PRIMARY KEY (center, checks, volume_id)
        ) WITHOUT ROWID;

        CREATE TABLE coverage_run (
            center TEXT NOT NULL,
            checks TEXT NOT NULL,
            run_id TEXT NOT NULL,
            at TEXT NOT NULL,
            mode TEXT NOT NULL,
            slice_no INTEGER NOT NULL,
            slice_count INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            reverified INTEGER NOT NULL,
            slice INTEGER NOT NULL,
            finished INTEGER NOT NULL,
            PRIMARY KEY (center, checks)
        );
        """)
}
