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
        if let codes = codesInCommonText(text) { return codes }
        return codesInAnyText(text)
    }

    /// ``codes(in:)`` character by character after upper-casing: right for any text, and the reference
    /// the scan below is tested against.
    static func codesInAnyText(_ text: String) -> [String] {
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

    /// The same scan over the text's scalars, without upper-casing the text or forming its characters
    /// (the site build reads every ticket for codes on every build); nil when the text holds a scalar
    /// outside ASCII and the common Chinese ranges below. In those ranges no scalar upper-cases to an ASCII
    /// letter (as `ß` or `ﬁ` do) or joins the scalar before it into one character (as a combining mark
    /// does), so the scalars are the characters and only ASCII letters change case.
    static func codesInCommonText(_ text: String) -> [String]? {
        var result: [String] = []
        var run: [UInt8] = []
        var inAlphabet = true
        func flush() {
            if run.count == 18, run[0] == UInt8(ascii: "9"), inAlphabet { result.append(String(decoding: run, as: UTF8.self)) }
            run.removeAll(keepingCapacity: true)
            inAlphabet = true
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                var byte = UInt8(v)
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { byte -= 0x20 }
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                let isLetter = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                if isDigit || isLetter {
                    run.append(byte)
                    if !USCC.isInAlphabet(byte) { inAlphabet = false }
                } else {
                    flush()
                }
            } else if commonRanges.contains(where: { $0.contains(v) }) {
                flush()
            } else {
                return nil
            }
        }
        flush()
        return result
    }

    /// CJK ideographs, CJK symbols and punctuation (without the combining tone marks U+302A–302F), general
    /// punctuation (without the zero-width joiners and marks U+2000–200F), fullwidth ASCII forms, `·`, `×`.
    static let commonRanges: [ClosedRange<UInt32>] = [
        0x4E00...0x9FFF, 0x3000...0x3029, 0xFF01...0xFF5E, 0x3030...0x303F, 0x3400...0x4DBF,
        0x2010...0x2027, 0x2030...0x205E, 0x00B7...0x00B7, 0x00D7...0x00D7,
    ]
}
