import GRDB

/// One named schema step of the operations database.
public struct Migration: Sendable {
    public let name: String
    public let apply: @Sendable (Database) throws -> Void
}

/// The ordered list of schema migrations. A new table or column is a new file in this folder and one line
/// here, at the end.
enum Migrations {
    static let all: [Migration] = [
        v1Foundation,
        v2InspectionCoverage,
        v3RunChecks,
        v6AcceptanceBundles,
        v5Evidence,
        v4CapacityHistory,
        v12QueryEventCenter,
        v7Comparisons,
        v10RunPartitions,
        v9FindingParams,
        v8Enterprise,
    ]
}
