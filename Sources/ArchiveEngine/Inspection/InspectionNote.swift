/// A part of the center the run could not judge (UNKNOWN): an unreadable folder, a missing store, a
/// seal certificate that was not configured. Notes are not findings of the contract; they are printed
/// after the findings, kept in the run's coverage text, and make the run end with exit code 3 unless a
/// critical finding already gives 2.
public struct InspectionNote: Hashable, Sendable, Comparable {
    public let check: String
    public let site: String?
    public let path: String?
    public let text: String

    public init(check: String, site: String? = nil, path: String? = nil, text: String) {
        self.check = check; self.site = site; self.path = path; self.text = text
    }

    /// `[sync] dc stores/… : 无法读取 …`
    public var line: String {
        var s = "[\(check)]"
        if let site { s += " \(site)" }
        if let path { s += " \(path)" }
        return s + ": " + text
    }

    public static func < (a: InspectionNote, b: InspectionNote) -> Bool {
        (a.check, a.site ?? "", a.path ?? "", a.text) < (b.check, b.site ?? "", b.path ?? "", b.text)
    }
}
