@testable import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import XCTest

/// The page rows of a batch are read with one query per chunk of ids: the same rows, in page order, as
/// reading them volume by volume; a volume without pages (or unknown to the catalog) has an empty list.
final class CatalogPageBatchTests: XCTestCase {
    func testChunkedReadingGivesEveryVolumeItsOwnPagesInOrder() throws {
        let f = try standardFixture()
        try f.addVolume("V004", uscc: CenterFixture.code(2), seq: 2, branch: "branch-changan", pages: 0)
        try f.addVolume("V005", uscc: CenterFixture.code(2), seq: 3, branch: "branch-changan", pages: 5)
        // Rows written out of page order, and a sha256 in upper case as some exports write it.
        try f.execute("DELETE FROM page WHERE volume_id = 'V002' AND no = 1")
        try f.execute("INSERT INTO page VALUES ('V002', 1, ?, ?)",
                      [CenterFixture.hex(CenterFixture.pageBytes("V002", 1)).uppercased(), CenterFixture.pageBytes("V002", 1).count])
        try f.close()
        let catalog = try CenterCatalog(path: f.catalogURL.path)
        var streamed: [String: [CatalogPage]] = [:]
        try catalog.forEachPage { id, page in streamed[id, default: []].append(page) }

        let ids = ["V005", "V001", "V999", "V004", "V002", "V003", "V001"]
        for perQuery in [1, 2, 3, 500] {
            let batch = try catalog.pages(of: ids, idsPerQuery: perQuery)
            XCTAssertEqual(Set(batch.keys), Set(ids), "idsPerQuery \(perQuery)")
            for id in Set(ids) {
                XCTAssertEqual(batch[id], streamed[id] ?? [], "\(id), idsPerQuery \(perQuery)")
                XCTAssertEqual(batch[id], try catalog.pages(of: [id])[id], id)
            }
        }
        XCTAssertEqual(try catalog.pages(of: ["V002"])["V002"]?.map(\.no), [1, 2, 3, 4])
        XCTAssertEqual(try catalog.pages(of: ["V002"])["V002"]?.first?.sha256, CenterFixture.hex(CenterFixture.pageBytes("V002", 1)))
        XCTAssertEqual(try catalog.pages(of: ["V004"])["V004"], [])
        XCTAssertEqual(try catalog.pages(of: []), [:])
    }
}
