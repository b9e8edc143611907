import ArchiveAnalysis
import ArchiveEngine
import Foundation

/// The digest of every ticket (with where its page is) and of every run (with its findings), made once per
/// build and shared by every page whose input key names them: a daily report names its run and the one
/// before, an enterprise page its tickets, a month index its runs and tickets, a category list its tickets.
/// Encoding the rows was most of the cost of keying the pages, and each row was encoded by several page
/// types (a run's findings twice: for its own report and for the next one's "changes since").
struct RecordDigests: Sendable {
    /// By ticket id: the ticket as stored and the path of its page.
    var tickets: [String: PageInputs.Digest]
    /// By run id: the run and its findings.
    var runs: [String: PageInputs.Digest]

    struct Ticket: Encodable, FingerprintFeed {
        var ticket: TicketRecord
        var path: String

        func feed(into b: inout FingerprintBytes) { b.add(ticket); b.add(path) }
    }

    struct Run: Encodable, FingerprintFeed {
        var run: InspectionRun
        var findings: [Finding]

        func feed(into b: inout FingerprintBytes) { b.add(run); b.add(findings) }
    }

    init(_ data: ReportData) throws {
        let ticketDigests = try ParallelMap.run(count: data.tickets.count) { i in
            try PageInputs.Digest(Ticket(ticket: data.tickets[i], path: data.ticketPath(data.tickets[i].id)))
        }
        let runs = data.history.runs
        let runDigests = try ParallelMap.run(count: runs.count) { i in
            try PageInputs.Digest(Run(run: runs[i], findings: data.history.findings(of: runs[i])))
        }
        tickets = Dictionary(zip(data.tickets.map(\.id), ticketDigests), uniquingKeysWith: { a, _ in a })
        self.runs = Dictionary(zip(runs.map(\.id), runDigests), uniquingKeysWith: { a, _ in a })
    }

    /// The digest of ticket `id`; `.none` for a ticket the data does not hold (its absence is the input).
    func ticket(_ id: String) -> PageInputs.Digest { tickets[id] ?? .none }

    /// The digest of run `id`; `.none` for a run the data does not hold.
    func run(_ id: String) -> PageInputs.Digest { runs[id] ?? .none }
}

extension SiteBuild {
    /// The record digests of this build (``RecordDigests``), made on first use; nil when the build keeps no
    /// cache (nothing is keyed). Kept by the build's ``PageReuse``, which is new for every run, so a digest
    /// can never outlive the rows it was made from.
    func recordDigests() throws -> RecordDigests? {
        guard let reuse = renderer.reuse else { return nil }
        let data = try reportData()
        return try reuse.records.get { try RecordDigests(data) }
    }
}
