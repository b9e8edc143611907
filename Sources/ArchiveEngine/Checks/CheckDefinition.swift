/// What a check is, in the bureau's terms: its id, its Chinese name, which ticket category its findings
/// belong to, and every finding code it can report with what the code means, its likely causes and how to
/// resolve it.
///
/// The engine runs these definitions and the training site's check catalogue (检查项目录) is generated from
/// them, so the manual cannot drift from the code: a new check brings its own definition and its own page.
public struct CheckDefinition: Sendable, Hashable {
    /// `sync`, `efile`, … — the `check` field of every finding and the value of `--only`.
    public let id: String
    /// e.g. 日常档案同步检查.
    public let name: String
    /// e.g. Archive sync: the check's name on the English report pages (a workspace's labels file can still
    /// override it with `check_<id>`). Without one the English pages show ``name``; ``CheckCatalog/gaps(of:)``
    /// reports it missing.
    public let englishName: String?
    /// Why the check exists, one or two sentences.
    public let summary: String
    /// Where the findings go when they become a ticket.
    public let ticketCategory: TicketCategory
    public let codes: [FindingCodeDefinition]
    /// ``summary`` in English, for the English report pages.
    public let englishSummary: String?
    /// The sentences the check's findings are made of (``FindingPhrase``), by key.
    public let phrases: [String: FindingPhrase]
    /// The words of the check's vocabulary its phrases use as values (``FindingValue/term(_:)``).
    public let terms: [String: FindingTerm]

    public init(id: String, name: String, englishName: String? = nil, summary: String, englishSummary: String? = nil,
                ticketCategory: TicketCategory, codes: [FindingCodeDefinition], phrases: [FindingPhrase] = [],
                terms: [String: FindingTerm] = [:]) {
        self.id = id; self.name = name; self.englishName = englishName; self.summary = summary
        self.englishSummary = englishSummary
        self.ticketCategory = ticketCategory; self.codes = codes
        self.phrases = Dictionary(phrases.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.terms = terms
    }

    /// A check's definition with the codes of its ``FindingCode`` type, in declaration order.
    public init<Code: FindingCode>(id: String, name: String, englishName: String, summary: String,
                                   englishSummary: String? = nil, ticketCategory: TicketCategory, codes: Code.Type,
                                   phrases: [FindingPhrase] = [], terms: [String: FindingTerm] = [:]) {
        self.init(id: id, name: name, englishName: englishName, summary: summary, englishSummary: englishSummary,
                  ticketCategory: ticketCategory, codes: Code.allCases.map(\.definition), phrases: phrases, terms: terms)
    }

    /// The check's summary in `language` (Chinese where no English one is given).
    public func summary(_ language: TextLanguage) -> String {
        language == .en ? (englishSummary ?? summary) : summary
    }
}

/// One finding code of the contract (`sync.missing`, …) with the help an operator needs.
public struct FindingCodeDefinition: Sendable, Hashable {
    public let code: String
    /// Short Chinese title, e.g. 档案缺失.
    public let title: String
    /// The usual severity (some codes escalate, e.g. disk.usage at 90 %).
    public let severity: Severity
    /// When the code is reported.
    public let meaning: String
    /// Likely causes, most common first.
    public let causes: [String]
    /// What to do, step by step.
    public let resolution: [String]
    /// The same help in English, for the English report pages.
    public let english: FindingGuidance?

    public init(code: String, title: String, severity: Severity, meaning: String,
                causes: [String], resolution: [String], english: FindingGuidance? = nil) {
        self.code = code; self.title = title; self.severity = severity
        self.meaning = meaning; self.causes = causes; self.resolution = resolution; self.english = english
    }

    /// Title, meaning, causes and resolution in `language` (the Chinese texts where no English ones are given).
    public func guidance(_ language: TextLanguage) -> FindingGuidance {
        if language == .en, let english { return english }
        return FindingGuidance(title: title, meaning: meaning, causes: causes, resolution: resolution)
    }
}

/// A finding code's help for the operator in one language.
public struct FindingGuidance: Sendable, Hashable {
    public let title: String
    public let meaning: String
    public let causes: [String]
    public let resolution: [String]

    public init(title: String, meaning: String, causes: [String], resolution: [String]) {
        self.title = title; self.meaning = meaning; self.causes = causes; self.resolution = resolution
    }
}
