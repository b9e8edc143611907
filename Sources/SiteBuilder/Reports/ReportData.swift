import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// Everything the report pages are computed from, read from the store once per build and shared by the
/// report steps (so the dashboard, the monthly summaries and the indexes see the very same rows).
public struct ReportData: Sendable {
    public let tickets: [TicketRecord]
    public let history: InspectionHistory
    public let figures: [QueryFigure]
    /// Imported figures that a later file changed (修订记录), oldest first: shown beside the statistics so a
    /// revised bureau figure never replaces the old one silently.
    public let revisions: [QueryRevision]
    public let levels: ServiceLevels
    public let months: [String]
    /// File name of each ticket's service report below `tickets/`, unique even when ids differ only in
    /// characters that are not safe in a file name. A ticket id holding an ID card or mobile number is
    /// masked first: a file name is published as much as the page.
    public let ticketFiles: [String: String]
    /// Every enterprise met in a finding, a not-found query or a ticket, by code (企业档案全貌).
    public var enterprises: [EnterpriseStory] = []
    /// File name of each enterprise's page below `enterprises/`, unique like ``ticketFiles``.
    public var enterpriseFiles: [String: String] = [:]

    public static func load(from store: OperationsStore, levels: ServiceLevels) throws -> ReportData {
        let tickets = try store.ticketRecords()
        let history = try InspectionHistory.load(from: store)
        let figures = try QueryFigure.all(in: store)
        var files: [String: String] = [:]
        var used = Set<String>()
        for t in tickets.sorted(by: { $0.id < $1.id }) {
            let base = Format.fileName(PersonalDataMask.mask(t.id))
            var name = base
            var n = 2
            while used.contains(name.lowercased()) { name = "\(base)-\(n)"; n += 1 }
            used.insert(name.lowercased())
            files[t.id] = name
        }
        let enterprises = EnterpriseStory.all(history: history, facts: try store.enterpriseFacts(), tickets: tickets)
        return ReportData(tickets: tickets, history: history, figures: figures, revisions: try store.queryRevisions(),
                          levels: levels,
                          months: MonthlySummary.months(tickets: tickets, history: history, figures: figures),
                          ticketFiles: files, enterprises: enterprises, enterpriseFiles: uniqueFileNames(enterprises.map(\.uscc)))
    }

    /// A file name per id, masked first (a code field may hold an ID number typed by mistake) and made
    /// unique when ids differ only in characters that are not safe in a file name.
    static func uniqueFileNames(_ ids: [String]) -> [String: String] {
        var files: [String: String] = [:]
        var used = Set<String>()
        for id in ids.sorted() {
            let base = Format.fileName(PersonalDataMask.mask(id))
            var name = base
            var n = 2
            while used.contains(name.lowercased()) { name = "\(base)-\(n)"; n += 1 }
            used.insert(name.lowercased())
            files[id] = name
        }
        return files
    }

    func ticketPath(_ id: String) -> String { "tickets/\(ticketFiles[id] ?? Format.fileName(PersonalDataMask.mask(id))).html" }
    func enterprisePath(_ uscc: String) -> String {
        "enterprises/\(enterpriseFiles[uscc] ?? Format.fileName(PersonalDataMask.mask(uscc))).html"
    }
    func runPath(_ id: String) -> String { "inspections/\(Format.fileName(PersonalDataMask.mask(id))).html" }
}

extension SiteBuild {
    /// The report data of this build, loaded on first use.
    public func reportData() throws -> ReportData {
        try reportCache.get {
            let all = try ReportData.load(from: store, levels: serviceLevels)
            return scope.map(all.scoped(to:)) ?? all
        }
    }
}
