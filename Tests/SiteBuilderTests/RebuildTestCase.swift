import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// What the tests of incremental builds share: a temporary folder with its `Output/`, builds into it (or
/// into another folder, from scratch), and the comparison of `Output/` with a full build from scratch.
/// While they run, a page taken over by its input key is computed as well and must be what the key stood
/// for (``PageReuse/verifiesInputKeys``).
class RebuildTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rebuild-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        PageReuse.verifiesInputKeys = true
    }

    override func tearDownWithError() throws {
        PageReuse.verifiesInputKeys = false
        try? FileManager.default.removeItem(at: dir)
    }

    var output: URL { dir.appendingPathComponent("Output") }

    /// What archive-ops.yaml and `--as-of` set on a build; tests change it between builds.
    var configure: (inout SiteBuild) -> Void = { _ in }

    @discardableResult
    func build(_ store: OperationsStore, into folder: URL? = nil, incremental: Bool = true) throws -> OutputWriter.Summary {
        var build = try SiteBuild(store: store, outputURL: folder ?? output)
        build.incremental = incremental
        configure(&build)
        return try build.run()
    }

    /// Every file under `root` by its path inside it.
    func contents(of root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in SiteFixture.files(in: root) { out[f] = try Data(contentsOf: root.appendingPathComponent(f)) }
        return out
    }

    /// `Output/` holds exactly what a full build from scratch (a new folder, no cache) publishes.
    func assertSameAsFullBuild(_ store: OperationsStore, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = dir.appendingPathComponent("fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        try build(store, into: fresh, incremental: false)
        let expected = try contents(of: fresh), actual = try contents(of: output)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), file: file, line: line)
        for (path, data) in expected where actual[path] != data {
            XCTFail("\(path) differs from a full build", file: file, line: line)
        }
    }
}
