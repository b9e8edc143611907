/// Every check of the daily inspection, in the order a report lists them.
///
/// ``checkTypes`` is the one list: the runner runs it (`--only` names its ids), ``all`` and the training
/// site's check catalogue are its definitions. Adding a check means one new file under `Checks/` (the
/// type, its ``FindingCode`` enum and its ``CheckDefinition``) and one line in ``checkTypes``; nothing
/// under `Content/` or `Templates/` has to change.
///
/// ## Topics
/// - The list: ``checkTypes``, ``all``, ``definitions(of:)``
/// - Looking up: ``definition(id:)``, ``definition(code:)``
/// - Completeness: ``gaps(of:)``
public enum CheckCatalog {
    /// Every check type, once, in catalogue order. A new check is one line here.
    public static let checkTypes: [any Check.Type] = [
        SyncCheck.self, EfileCheck.self, SealCheck.self, DiskCheck.self,
        NotFoundCheck.self, AnomalyCheck.self, FixityCheck.self,
    ]

    /// The definitions of ``checkTypes``, in the same order.
    public static let all: [CheckDefinition] = definitions(of: checkTypes)

    /// The definitions of `types`, in their order: the seam through which a test hands the manual or the
    /// reports a list other than the built-in one.
    public static func definitions(of types: [any Check.Type]) -> [CheckDefinition] {
        types.map { $0.definition }
    }

    public static func definition(id: String) -> CheckDefinition? {
        all.first { $0.id == id }
    }

    public static func definition(code: String) -> FindingCodeDefinition? {
        for check in all { if let c = check.codes.first(where: { $0.code == code }) { return c } }
        return nil
    }
}
