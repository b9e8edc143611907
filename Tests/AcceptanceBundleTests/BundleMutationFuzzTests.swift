import AcceptanceBundle
import Foundation
import XCTest

/// Every single-byte change of a bundle must make `verify` fail, naming the file the byte belongs to.
///
/// A seeded fuzz: 1,200 mutations (XOR with a non-zero byte) spread over file bodies, manifest.json,
/// manifest.sig, local headers, the central directory and the end record, each verified in memory.
final class BundleMutationFuzzTests: XCTestCase {
    enum Region: CaseIterable { case fileBody, manifest, signature, localHeader, centralDirectory, endRecord }

    func testEverySingleByteChangeIsFoundAndTheFileNamed() throws {
        let folder = try BundleFixture.temporaryFolder("fuzz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("fuzz.zip")
        try BundleFixture.write(to: url)
        let original = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(BundleFixture.verify(original).exitCode, 0)
        let map = ZIPMap(original)
        let content = map.entries.filter { $0.name != "manifest.json" && $0.name != "manifest.sig" }
        let manifest = try XCTUnwrap(map.entries.first { $0.name == "manifest.json" })
        let signature = try XCTUnwrap(map.entries.first { $0.name == "manifest.sig" })

        var random = SeededRandom(state: 20230630)
        var counts: [Region: Int] = [:]
        let total = 1_200
        for i in 0..<total {
            let region = Region.allCases[i % Region.allCases.count]
            let (position, owner): (Int, String?)
            switch region {
            case .fileBody:
                let e = content[random.below(content.count)]
                (position, owner) = (e.data.lowerBound + random.below(e.data.count), e.name)
            case .manifest:
                (position, owner) = (manifest.data.lowerBound + random.below(manifest.data.count), "manifest.json")
            case .signature:
                (position, owner) = (signature.data.lowerBound + random.below(signature.data.count), "manifest.sig")
            case .localHeader:
                let e = map.entries[random.below(map.entries.count)]
                (position, owner) = (e.localHeader.lowerBound + random.below(e.localHeader.count), e.name)
            case .centralDirectory:
                let e = map.entries[random.below(map.entries.count)]
                (position, owner) = (e.central.lowerBound + random.below(e.central.count), e.name)
            case .endRecord:
                (position, owner) = (map.end.lowerBound + random.below(map.end.count), nil)
            }
            var bytes = original
            bytes[position] ^= UInt8(1 + random.below(255))
            let report = BundleFixture.verify(bytes)
            let context = "mutation \(i) (\(region)) at byte \(position) of \(owner ?? "end record"): \(report.lines.joined(separator: " | "))"
            XCTAssertGreaterThanOrEqual(report.exitCode, 2, context)
            switch region {
            case .fileBody, .manifest:
                XCTAssertTrue(report.namedPaths.contains(owner!), context)
            case .signature:
                XCTAssertFalse(report.namedPaths.isDisjoint(with: ["manifest.sig", "manifest.json"]), context)
            case .localHeader, .centralDirectory:
                // A header whose name or lengths changed may leave the ZIP unreadable; otherwise the entry is named.
                XCTAssertTrue(report.unreadable != nil || report.namedPaths.contains(owner!)
                              || !report.structure.isEmpty, context)
            case .endRecord:
                break
            }
            counts[region, default: 0] += 1
        }
        XCTAssertEqual(counts.values.reduce(0, +), total)
    }
}
