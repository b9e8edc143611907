import Foundation

/// `archive-ops import queries FILE`: one command for both forms the query statistics arrive in. A file
/// that starts with SQLite's header is a snapshot's `catalog.sqlite` (the detailed query_log); anything
/// else is read as the bureau's aggregate CSV.
public enum QueryStatisticsImport {
    public static func importFile(at url: URL, store: OperationsStore, options: ImportOptions = .init(),
                                  progress: ((Int) -> Void)? = nil) throws -> ImportSummary {
        try ImportFile.checkReadable(url)
        if ImportFile.isSQLite(url) {
            return try QueryLogImporter(store: store, options: options, progress: progress).importFile(at: url)
        }
        guard options.center.isEmpty else { throw ImportError.centerNeedsQueryLog(url.path) }
        return try QueryTotalsImporter(store: store, options: options).importFile(at: url)
    }
}
