import AcceptanceBundle
import Foundation
import XCTest
import ZIPFoundation

/// ZIPs built to hurt whoever extracts them are refused before anything is read from them.
final class HostileBundleTests: XCTestCase {
    func refusal(_ zip: RawZIP, file: StaticString = #filePath, line: UInt = #line) -> String {
        let report = BundleFixture.verify(zip.bytes())
        XCTAssertEqual(report.exitCode, 3, report.lines.joined(separator: "\n"), file: file, line: line)
        return report.unreadable ?? ""
    }

    func testAnEntryClimbingOutWithDotDotIsRefused() {
        let why = refusal(RawZIP(entries: [.init(name: "pages/../../etc/cron.d/x", stored: Array("x".utf8))]))
        XCTAssertTrue(why.contains("..") && why.contains("pages/../../etc/cron.d/x"), why)
    }

    func testAbsolutePathsAreRefused() {
        for name in ["/etc/passwd", "C:/Windows/x.dll", "\\\\server\\share\\x"] {
            let why = refusal(RawZIP(entries: [.init(name: name, stored: Array("x".utf8))]))
            XCTAssertTrue(why.contains(name), why)
        }
    }

    func testSymbolicLinksAreRefused() {
        let why = refusal(RawZIP(entries: [.init(name: "report.html", stored: Array("/etc/shadow".utf8), mode: 0o120777)]))
        XCTAssertTrue(why.contains("符号链接") && why.contains("report.html"), why)
    }

    func testDuplicateNamesAreRefused() {
        let why = refusal(RawZIP(entries: [.init(name: "index.html", stored: Array("a".utf8)),
                                           .init(name: "index.html", stored: Array("b".utf8))]))
        XCTAssertTrue(why.contains("重复"), why)
        let caseOnly = refusal(RawZIP(entries: [.init(name: "Index.html", stored: Array("a".utf8)),
                                                .init(name: "index.html", stored: Array("b".utf8))]))
        XCTAssertTrue(caseOnly.contains("大小写"), caseOnly)
    }

    func testAZipBombDeclaringAHugeSizeIsRefused() {
        let why = refusal(RawZIP(entries: [.init(name: "bomb.html", stored: [3, 0], method: 8, declaredSize: 0xFFFF_FFF0)]))
        XCTAssertTrue(why.contains("ZIP 炸弹"), why)
    }

    func testOverlappingEntriesAreRefused() {
        var second = RawZIP.Entry(name: "b.html", stored: Array("aaaa".utf8))
        second.reuseOffsetOf = 0
        let why = refusal(RawZIP(entries: [.init(name: "a.html", stored: Array("aaaa".utf8)), second]))
        XCTAssertTrue(why.contains("重叠"), why)
    }

    func testAnEntryThatInflatesPastItsDeclaredSizeIsStopped() throws {
        // 16 MiB of zeros deflate to about 16 KB but the headers and manifest say 1,000 bytes.
        let zeros = Data(count: 16 << 20)
        var compressed = Data()
        _ = try Data.compress(size: Int64(zeros.count), bufferSize: 1 << 16,
                              provider: { p, n in zeros.subdata(in: Int(p)..<Int(p) + n) },
                              consumer: { compressed.append($0) })
        let manifest = """
        {"contract":{"name":"x","number":"x"},"database":{"sha256":"0","tables":{}},"files":[{"path":"bomb.html","sha256":"0","size":1000,"zip":{"method":"deflate","sha256":"0","size":\(compressed.count)}}],"format":"archive-ops-acceptance-bundle/1","generator":{"commit":"x","name":"x","version":"x"},"notes":[],"period":{"from":"2023-06","to":"2023-06"}}
        """
        let manifestBytes = Array(manifest.utf8)
        let zip = RawZIP(entries: [
            .init(name: "bomb.html", stored: [UInt8](compressed), method: 8, declaredSize: 1000),
            .init(name: "manifest.json", stored: manifestBytes, crc: Data(manifestBytes).crc32(checksum: 0)),
        ])
        let report = BundleFixture.verify(zip.bytes())
        XCTAssertEqual(report.exitCode, 2, report.lines.joined(separator: "\n"))
        let bomb = try XCTUnwrap(report.changed.first { $0.path == "bomb.html" })
        XCTAssertTrue(bomb.reasons.joined().contains("ZIP 炸弹"), "\(bomb.reasons)")
    }

    func testATruncatedCentralDirectoryIsRefused() throws {
        var bytes = RawZIP(entries: [.init(name: "a.html", stored: Array("aaaa".utf8)),
                                     .init(name: "b.html", stored: Array("bbbb".utf8))]).bytes()
        // Keep the end record but drop the second central directory record before it.
        let end = Array(bytes.suffix(22))
        bytes = Array(bytes.dropLast(22 + 46 + 6)) + end
        let report = BundleFixture.verify(bytes)
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertTrue(report.unreadable!.contains("中央目录"), report.unreadable!)
    }

    func testTheWriterRefusesHostileNamesToo() throws {
        let folder = try BundleFixture.temporaryFolder("hostile-writer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try BundleWriter(creating: folder.appendingPathComponent("x.zip"), period: BundleFixture.period)
        XCTAssertThrowsError(try writer.add("../x.html", contents: Data("x".utf8)))
        XCTAssertThrowsError(try writer.add("/x.html", contents: Data("x".utf8)))
    }
}
