import ArchiveEngine
import Foundation

/// An enterprise's whole story (企业档案全貌): what the catalog says about it, every problem the inspections
/// found with it over time (when found, when cleared), the kiosk queries that could not find it and why,
/// and the tickets that name it. Answers the clerk's "why can't the kiosk find 某某公司" and the auditor's
/// "what happened with this enterprise" from one page instead of a stack of daily reports.
public struct EnterpriseStory: Hashable, Sendable {
    public var uscc: String
    /// The catalog's facts as last recorded; nil when no inspection here read them (a run imported from
    /// another host, or a code that is not in the catalog).
    public var facts: EnterpriseFacts?
    /// Problems other than not-found queries, one per continuous stretch of runs that reported it, oldest first.
    public var episodes: [FindingEpisode]
    /// Not-found queries triaged to this enterprise, oldest first.
    public var notFound: [NotFoundQuery]
    /// Ids of the tickets whose text names the enterprise (its code, name or a former name).
    public var ticketIDs: [String]

    public var name: String? { facts?.name }
    /// Open problems: found by a run and not cleared by any later one.
    public var openCount: Int { episodes.filter { $0.clearedRunID == nil }.count }
}

/// One problem at one place (``FindingKey``) from the run that first reported it to the run that first
/// no longer did (the run that cleared it); a problem that comes back later starts a new episode.
public struct FindingEpisode: Hashable, Sendable {
    /// The finding as the last run that reported it described it.
    public var finding: Finding
    public var foundRunID: String
    public var lastSeenRunID: String
    /// Nil while still open.
    public var clearedRunID: String?
    /// How many runs reported it.
    public var runs: Int
}

/// A not-found query (查无结果) the not-found check traced to this enterprise, with its cause (the code).
public struct NotFoundQuery: Hashable, Sendable {
    public var finding: Finding
    public var runID: String
}

extension EnterpriseStory {
    /// Names shorter than this are not looked for in ticket text: "东莞" would name half the city.
    static let shortestNameInText = 4

    /// The story of every enterprise that appears in a finding, a not-found query or a ticket, by code.
    ///
    /// A finding belongs to an enterprise by its `uscc`, else by its volume (from the recorded facts), else
    /// by the enterprise folder its path starts with. A run clears an episode only if it performed the
    /// finding's check (``InspectionRun/checks``; a run that does not say is taken to have run all), so a
    /// `--only disk` run does not make a sync problem look solved.
    public static func all(history: InspectionHistory, facts: [EnterpriseFacts], tickets: [TicketRecord]) -> [EnterpriseStory] {
        let factsByCode = Dictionary(facts.map { ($0.uscc, $0) }, uniquingKeysWith: { a, _ in a })
        var ownerOfVolume: [String: String] = [:]
        for f in facts { for v in f.volumes { ownerOfVolume[v.id] = f.uscc } }
        func owner(_ f: Finding) -> String? {
            if let u = f.uscc.map(trimmedCode), !u.isEmpty { return u }
            if let v = f.volume, let o = ownerOfVolume[v] { return o }
            if let p = f.path, let first = p.split(separator: "/").first, first.count == 18 { return String(first) }
            return nil
        }

        struct Open { var episode: FindingEpisode; var uscc: String }
        var open: [FindingKey: Open] = [:]
        var episodes: [String: [FindingEpisode]] = [:]
        var notFound: [String: [NotFoundQuery]] = [:]
        for run in history.runs {
            let performed = run.checks.map(Set.init)
            var seen = Set<FindingKey>()
            for f in history.findings(of: run) {
                guard let uscc = owner(f) else { continue }
                if f.check == NotFoundCheck.definition.id {
                    notFound[uscc, default: []].append(NotFoundQuery(finding: f, runID: run.id))
                    continue
                }
                let key = FindingKey(f)
                guard seen.insert(key).inserted else { continue }
                if var o = open[key] {
                    o.episode.finding = f
                    o.episode.lastSeenRunID = run.id
                    o.episode.runs += 1
                    open[key] = o
                } else {
                    open[key] = Open(episode: FindingEpisode(finding: f, foundRunID: run.id, lastSeenRunID: run.id,
                                                             clearedRunID: nil, runs: 1), uscc: uscc)
                }
            }
            for (key, o) in open where !seen.contains(key) && (performed?.contains(o.episode.finding.check) ?? true) {
                var closed = o.episode
                closed.clearedRunID = run.id
                episodes[o.uscc, default: []].append(closed)
                open[key] = nil
            }
        }
        for o in open.values { episodes[o.uscc, default: []].append(o.episode) }

        let runOrder = Dictionary(history.runs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var codes = Set(episodes.keys).union(notFound.keys)
        let mentions = ticketMentions(tickets: tickets, known: facts)
        codes.formUnion(mentions.keys)
        return codes.sorted().map { uscc in
            let list = (episodes[uscc] ?? []).sorted {
                (runOrder[$0.foundRunID] ?? 0, FindingKey($0.finding)) < (runOrder[$1.foundRunID] ?? 0, FindingKey($1.finding))
            }
            return EnterpriseStory(uscc: uscc, facts: factsByCode[uscc], episodes: list, notFound: notFound[uscc] ?? [],
                                   ticketIDs: mentions[uscc] ?? [])
        }
    }

    /// `code` without surrounding spaces. A code that begins and ends with a printable ASCII character
    /// (every code in practice) is already trimmed, and is returned without Foundation's trimming, which
    /// was a third of making the stories (it ran for every finding of every run on every build).
    static func trimmedCode(_ code: String) -> String {
        if let first = code.utf8.first, let last = code.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return code
        }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// uscc → ids of the tickets (in their order) whose description, actions or resolution write the code, the
    /// name or a former name of an enterprise.
    static func ticketMentions(tickets: [TicketRecord], known: [EnterpriseFacts]) -> [String: [String]] {
        var names: [(name: String, uscc: String)] = []
        for f in known {
            for n in [f.name] + f.formerNames where n.count >= shortestNameInText { names.append((n, f.uscc)) }
        }
        var result: [String: [String]] = [:]
        for t in tickets {
            let text = [t.description, t.actions ?? "", t.resolution ?? ""].joined(separator: "\n")
            var named = Set(USCCMentions.codes(in: text))
            for n in names where text.contains(n.name) { named.insert(n.uscc) }
            for uscc in named.sorted() { result[uscc, default: []].append(t.id) }
        }
        return result
    }
}
