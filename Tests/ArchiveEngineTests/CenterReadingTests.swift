@testable import ArchiveEngine
import Foundation
import XCTest

final class CenterReadingTests: XCTestCase {
    func testMetadataWithWrongNamespaceBadEncodingOrBrokenXMLIsAFindingNotACrash() throws {
        let f = try standardFixture()
        let code = CenterFixture.code(1)
        // dc/V001: a foreign namespace.
        try CenterFixture.metadata(uscc: code, seq: 1, pages: 3, namespace: "urn:other:volume:9")
            .write(to: f.folder("dc", "V001").appendingPathComponent("metadata.xml"))
        // offsite/V001: declared UTF-8, written in GB18030 (the bytes of 东莞 in GBK: B6 AB DD B8).
        var gbk = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)
        gbk += Data("<volume xmlns=\"urn:archive-center:volume:1\"><uscc>\(code)</uscc><name>".utf8)
        gbk += Data([0xB6, 0xAB, 0xDD, 0xB8])
        gbk += Data("</name><seq>1</seq></volume>".utf8)
        try gbk.write(to: f.folder("offsite", "V001").appendingPathComponent("metadata.xml"))
        // branch-humen/V002: truncated XML.
        try Data("<?xml version=\"1.0\"?><volume xmlns=\"urn:archive-center:volume:1\"><uscc>".utf8)
            .write(to: f.folder("branch-humen", "V002").appendingPathComponent("metadata.xml"))

        let report = try inspect(f, only: ["anomaly"])
        XCTAssertEqual(keys(report), ["anomaly.misfiled dc V001", "anomaly.misfiled offsite V001", "anomaly.misfiled branch-humen V002"])
        XCTAssertTrue(report.findings.contains { $0.detail.contains("urn:other:volume:9") })
        XCTAssertTrue(report.findings.filter { $0.detail.contains("格式正确的 XML") }.count == 2)
    }

    func testMetadataParserReadsTheContractDocument() {
        let ok = VolumeMetadata.parse(CenterFixture.metadata(uscc: "91441900MA4UJ5XY2K", seq: 12, pages: 7))
        XCTAssertEqual(try ok.get(), VolumeMetadata(uscc: "91441900MA4UJ5XY2K", seq: 12, pageCount: 7))
        XCTAssertEqual(VolumeMetadata.parse(Data()).isFailure, true)
        XCTAssertEqual(VolumeMetadata.parse(Data("<html><body/></html>".utf8)), .failure(.foreign("{}html")))
    }

    func testSymlinkLoopsNonUTF8NamesAndUnreadableFoldersNeverCrashTheRun() throws {
        let f = try standardFixture()
        let fm = FileManager.default
        // A symlink loop in place of a volume folder at a branch, and one inside a folder.
        let v1 = f.folder("branch-humen", "V001")
        try fm.removeItem(at: v1)
        try fm.createSymbolicLink(atPath: v1.path, withDestinationPath: v1.path)
        try fm.createSymbolicLink(atPath: f.folder("dc", "V002").appendingPathComponent("loop").path, withDestinationPath: ".")
        // A folder whose name is not valid UTF-8 at the top of the offsite store.
        let name: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE]
        let path = f.store("offsite").path + "/"
        let full = Array(path.utf8) + name + [0]
        let made = full.withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }
        XCTAssertEqual(made, 0)
        // An unreadable volume folder (only meaningful when the tests do not run as root).
        let locked = f.folder("offsite", "V003")
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }

        let report = try inspect(f)
        XCTAssertTrue(keys(report).contains("sync.missing branch-humen V001"), "\(keys(report))")
        let orphan = try XCTUnwrap(report.findings.first { $0.code == "anomaly.orphan" && $0.site == "offsite" })
        XCTAssertEqual(orphan.path, "bad-\\xff\\xfe")
        if getuid() != 0 {
            XCTAssertTrue(report.notes.contains { $0.path == "\(CenterFixture.code(2))/001" }, "\(report.notes)")
        }
    }

    func testASymlinkFolderOrFIFOInPlaceOfAFileIsNamedForWhatItIs() throws {
        let f = try standardFixture()
        let fm = FileManager.default
        let folder = f.folder("offsite", "V001")
        let metadata = folder.appendingPathComponent("metadata.xml"), page = folder.appendingPathComponent("page-0002.jpg")
        let efile = folder.appendingPathComponent("page-0003.jpg")
        try fm.removeItem(at: metadata)
        XCTAssertEqual(mkfifo(metadata.path, 0o644), 0)
        try fm.removeItem(at: page)
        try fm.createSymbolicLink(atPath: page.path, withDestinationPath: "/etc/hostname")
        try fm.removeItem(at: efile)
        try fm.createDirectory(at: efile, withIntermediateDirectories: false)

        let report = try inspect(f, only: ["sync"])
        let missing = try XCTUnwrap(report.findings.first { $0.code == "sync.missing" && $0.site == "offsite" && $0.volume == "V001" },
                                    "\(keys(report))")
        XCTAssertTrue(missing.detail.contains("metadata.xml（是管道、套接字或设备等特殊文件"), missing.detail)
        XCTAssertTrue(missing.detail.contains("page-0002.jpg（是符号链接，未跟随"), missing.detail)
        XCTAssertTrue(missing.detail.contains("page-0003.jpg（是文件夹"), missing.detail)
        XCTAssertEqual(missing.path, "\(CenterFixture.code(1))/001")
    }

    func testAMissingCenterOrCatalogIsAClearError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-center-\(UUID().uuidString)")
        XCTAssertThrowsError(try CenterSnapshot(root: missing)) { XCTAssertTrue("\($0)".contains("中心快照目录不存在")) }
        try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: missing) }
        XCTAssertThrowsError(try CenterSnapshot(root: missing)) { XCTAssertTrue("\($0)".contains("catalog.sqlite")) }
        try Data("not sqlite at all".utf8).write(to: missing.appendingPathComponent("catalog.sqlite"))
        XCTAssertThrowsError(try CenterSnapshot(root: missing)) { XCTAssertTrue("\($0)".contains("无法读取目录数据库"), "\($0)") }
    }

    func testAFullRunLeavesEveryByteAndMtimeOfTheCenterUnchanged() throws {
        let f = try standardFixture()
        try f.close()
        let before = try snapshotState(f.root)
        let report = try inspect(f, full: true)
        XCTAssertEqual(report.findings, [])
        let after = try snapshotState(f.root)
        XCTAssertEqual(before, after)
        let names = try FileManager.default.contentsOfDirectory(atPath: f.root.path)
        XCTAssertFalse(names.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") || $0.hasSuffix("-journal") }, "\(names)")
    }

    /// path → (size, mtime, sha256) of everything under `root`.
    private func snapshotState(_ root: URL) throws -> [String: String] {
        var state: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root.path) else { return state }
        while let rel = e.nextObject() as? String {
            let path = root.path + "/" + rel
            let attrs = try fm.attributesOfItem(atPath: path)
            let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var value = "\(attrs[.size] ?? 0) \(mtime)"
            if (attrs[.type] as? FileAttributeType) == .typeRegular {
                value += " " + CenterFixture.hex(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            state[rel] = value
        }
        return state
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}
