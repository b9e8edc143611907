import ArchiveEngine
import Foundation
import SiteBuilder
import XCTest

/// A scratch `Content/` folder for manual tests: write pages and files, build the manual from it.
struct ManualFixture {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("manual-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("training"), withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent("training").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// A minimal home page, so a fixture without the built-in manuals still has its `index.md`.
    func writeIndex() throws {
        try write("index.md", "---\ntitle: 首页\norder: 0\n---\n\n欢迎。\n")
    }

    /// Builds the manual pages from this folder; `builtIn` also includes the shipped chapters.
    func build(builtIn: Bool = false, checks: [CheckDefinition] = CheckCatalog.all,
               generated: [GeneratedManualPage] = [], templates: TemplateLibrary? = nil) throws -> [String: SitePage] {
        var inputs = ManualInputs(contentOverrides: root, generatedPages: generated, checks: checks)
        if !builtIn { inputs.builtInContent = nil }
        let renderer = PageRenderer(templates: try templates ?? TemplateLibrary(), site: SiteContext())
        let pages = try ManualSite.pages(inputs: inputs, renderer: renderer)
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0) })
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension SitePage {
    var text: String { String(decoding: contents, as: UTF8.self) }
}

/// The message of a failed manual build, for assertions on file and line.
func manualBuildError(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return "\(error)"
    }
}
