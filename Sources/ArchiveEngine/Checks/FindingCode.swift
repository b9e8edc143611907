/// The finding codes of one check as a type (`SyncCheck.Code.missing` is `sync.missing`), so that a
/// misspelt code is a compile error rather than a finding that no manual page explains.
///
/// Each check declares its codes as a `String` enum whose raw values are the contract's codes, in the
/// order the manual lists them, and says in ``definition`` what each one means and how to resolve it —
/// a `switch` over the cases, so a new code without its texts does not compile either.
public protocol FindingCode: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// Title, usual severity and the operator's help for this code.
    var definition: FindingCodeDefinition { get }
}

extension FindingCode {
    /// The ``FindingCodeDefinition`` of this code with these texts (the code itself is the raw value).
    public func describe(title: String, severity: Severity, meaning: String, causes: [String],
                         resolution: [String], english: FindingGuidance? = nil) -> FindingCodeDefinition {
        FindingCodeDefinition(code: rawValue, title: title, severity: severity, meaning: meaning,
                              causes: causes, resolution: resolution, english: english)
    }
}
