import Foundation
import GRDB

/// What `archive-ops check` keeps of one run, saved in one write transaction.
extension OperationsStore {
    /// Saves the run as a new run (``saveNewInspection(_:findings:)``), its capacity readings
    /// (``recordCapacity(of:)``), the catalog facts of the enterprises it met (``recordEnterprises(_:)``)
    /// and its audit line, made by `audit` from the run as stored (whose id may have gained a suffix), all
    /// in one transaction. Returns the run as stored.
    ///
    /// Why one transaction: each commit of the operations database is a journal and its syncs (5–25 ms on
    /// the benchmark host), which a short fixity run felt as a tenth of its time; and a run is now saved
    /// whole or not at all — never findings without their audit line.
    @discardableResult
    public func saveCheckRun(_ report: InspectionReport, audit: (InspectionRun) -> AuditEntry) throws -> InspectionRun {
        try dbQueue.write { db in
            let stored = try Self.insertNewInspection(report.run, findings: report.findings, in: db)
            try Self.insertCapacity(of: report, in: db)
            try Self.insertEnterprises(report.enterprises, in: db)
            try audit(stored).insert(db)
            return stored
        }
    }
}
