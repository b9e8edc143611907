import Foundation

/// What the catalog said about one market entity (商事主体) when an inspection last saw it in a finding,
/// a not-found query or a ticket: its names and where its volumes must be held. The operations database
/// keeps these so that an enterprise's page (企业档案全貌) can name the enterprise and list its volumes per
/// site without opening the center's catalog at build time.
public struct EnterpriseFacts: Codable, Hashable, Sendable {
    public var uscc: String
    /// Current name (现名称).
    public var name: String
    /// Earlier names (曾用名), oldest first as the catalog lists them.
    public var formerNames: [String]
    /// The branch site with jurisdiction, when the catalog names one.
    public var branchID: String?
    /// The volumes, by seq.
    public var volumes: [EnterpriseVolume]
    /// The inspection time at which the catalog was read: a later reading replaces an earlier one.
    public var recordedAt: Date

    public init(uscc: String, name: String, formerNames: [String], branchID: String?, volumes: [EnterpriseVolume],
                recordedAt: Date) {
        self.uscc = uscc
        self.name = name
        self.formerNames = formerNames
        self.branchID = branchID
        self.volumes = volumes
        self.recordedAt = recordedAt
    }
}

/// One archive volume (案卷) of an enterprise and the sites that must hold it (processing, dc and offsite
/// hold every volume, a branch the volumes of its own enterprises).
public struct EnterpriseVolume: Codable, Hashable, Sendable {
    public var id: String
    public var seq: Int
    public var pages: Int
    /// Site ids, in the catalog's site order.
    public var sites: [String]

    public init(id: String, seq: Int, pages: Int, sites: [String]) {
        self.id = id
        self.seq = seq
        self.pages = pages
        self.sites = sites
    }
}

/// Unified social credit codes of market entities written in free text (a ticket's description, a clerk's
/// note): every run of 18 letters and digits in the GB 32100-2015 alphabet that starts with 9 (registered
/// by market supervision, 工商). The leading 9 is what keeps ID card numbers out — they are 18 characters
/// of the same alphabet too, but their region code never starts with 9. The check digit is not verified:
/// a mistyped code in a ticket still names the enterprise a reader should look at.
public enum USCCMentions {
    public static func codes(in text: String) -> [String] {
        var result: [String] = []
        var run: [Character] = []
        func flush() {
            if run.count == 18, run.first == "9", run.allSatisfy({ USCC.alphabet.contains($0) }) {
                result.append(String(run))
            }
            run.removeAll(keepingCapacity: true)
        }
        for c in text.uppercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { run.append(c) } else { flush() }
        }
        flush()
        return result
    }
}
