import ArchiveEngine
import Foundation
import GRDB
import XCTest

/// Real files for the import tests: the checked-in exports under `Tests/Fixtures/imports/` and a fresh
/// temporary folder per test for files a test writes itself.
enum ImportFixtures {
    static func url(_ name: String) -> URL { TestFixtures.imports(name) }

    /// A temporary folder holding a copy of `names` (so rejects files land there, not in the repository).
    static func scratch(copying names: [String] = []) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: url(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }
}

/// An import test: a fresh folder holding copies of `fixtureFiles` and a fresh operations database in it,
/// removed after each test.
class ImportTestCase: XCTestCase {
    /// The checked-in exports (under `Tests/Fixtures/imports/`) this test class reads.
    class var fixtureFiles: [String] { [] }
    var dir: URL!
    var store: OperationsStore!

    override func setUpWithError() throws {
        dir = try ImportFixtures.scratch(copying: Self.fixtureFiles)
        store = try OperationsStore.open(at: dir.appendingPathComponent("ops.sqlite"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }
}

extension OperationsStore {
    /// Every row of `table` as text, to prove a rejected import changed nothing.
    func dump(_ table: String) throws -> [String] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\($0)" }
        }
    }

    func count(_ table: String) throws -> Int {
        try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

/// A fixed time for audit entries so tests never depend on the clock.
let testNow = BureauTime.parse("2023-06-30 07:30")!
