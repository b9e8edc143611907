import ArchiveEngine
import Foundation
import SiteBuilder

/// A site built once for a whole test class: a temporary folder with a real operations database (`fill`
/// adds the rows the class needs) and its `Output/`. The browser tests read the same pages many times, so
/// they build in `class func setUp()` and remove the folder in `class func tearDown()`.
struct ClassSite {
    let root: URL
    /// The built `Output/`; nil when the build failed (`error` says why, and each test fails on it).
    let output: URL?
    let error: Error?

    init(_ name: String, fill: (OperationsStore) throws -> Void = { _ in }) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let store = try OperationsStore.open(at: root.appendingPathComponent("archive-ops.sqlite"))
            try fill(store)
            try SiteBuild(store: store, outputURL: root.appendingPathComponent("Output")).run()
            (output, error) = (root.appendingPathComponent("Output"), nil)
        } catch {
            (output, self.error) = (nil, error)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
