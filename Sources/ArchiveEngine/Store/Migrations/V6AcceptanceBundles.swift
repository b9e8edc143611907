import GRDB

/// The register of acceptance bundles (验收材料登记): one row per bundle ever made, never updated or
/// deleted, so the 验收材料 page can list every version of every period and what changed between them.
///
/// - `period_from`, `period_to`: `YYYY-MM`; `version`: 1, 2, … per period.
/// - `file_name`: the bundle's file name (no folder: bundles move between shares).
/// - `sha256`, `size`: of the ZIP file as written (differs between two bundles of the same data only
///   through the signature).
/// - `manifest_sha256`, `manifest`: manifest.json as signed — the same data give the same manifest —
///   kept whole to compare a version with the one before it.
let v6AcceptanceBundles = Migration(name: "v6-acceptance-bundles") { db in
    try db.execute(sql: """
        CREATE TABLE acceptance_bundle (
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            version INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            manifest TEXT NOT NULL,
            PRIMARY KEY (period_from, period_to, version)
        );
        """)
}
