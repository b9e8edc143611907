import Foundation

/// The checked-in fixture files under `Tests/Fixtures/` and the repository they belong to.
public enum TestFixtures {
    /// The repository root (for the Markdown sources of the manuals, the templates …).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/`.
    public static let directory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The real exports the import tests read: `Tests/Fixtures/imports/NAME`.
    public static func imports(_ name: String) -> URL {
        directory.appendingPathComponent("imports").appendingPathComponent(name)
    }
}
