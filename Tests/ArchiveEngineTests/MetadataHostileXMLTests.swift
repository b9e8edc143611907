@testable import ArchiveEngine
import Foundation
import XCTest

/// A hostile or broken metadata.xml is judged quickly and described in words an operator understands.
final class MetadataHostileXMLTests: XCTestCase {
    /// Internal entities re-expanded by every reference: small on disk, enormous once expanded.
    static func entityBlowUp(uscc: String, references: Int, entityKB: Int) -> Data {
        let entity = String(repeating: "东莞市档案", count: entityKB * 1024 / 15)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE volume [<!ENTITY big "\(entity)">]>
            <volume xmlns="urn:archive-center:volume:1"><uscc>\(uscc)</uscc><name>
            """
        xml += String(repeating: "&big;", count: references)
        xml += "</name><seq>1</seq><pages count=\"3\"/></volume>"
        return Data(xml.utf8)
    }

    func testAnEntityBlowUpIsRefusedAsMalformedWellUnderASecond() {
        let data = Self.entityBlowUp(uscc: CenterFixture.code(1), references: 20_000, entityKB: 8)
        let start = Date()
        let result = VolumeMetadata.parse(data)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 0.5, "a \(data.count / 1024) KB file expanding to \(20_000 * 8 / 1024) MB took \(seconds) s")
        guard case .failure(.malformed(_, let message)) = result else { return XCTFail("\(result)") }
        XCTAssertTrue(message.contains("DTD"), message)
    }

    func testEveryFileWithinTheReadCapParsesQuickly() {
        // 15 MiB of ordinary content (no DTD): the parse stays linear.
        var xml = "<?xml version=\"1.0\"?><volume xmlns=\"urn:archive-center:volume:1\"><uscc>\(CenterFixture.code(1))</uscc><seq>1</seq><pages count=\"120000\">"
        let page = "<page no=\"1\" sha256=\"\(String(repeating: "a", count: 64))\" bytes=\"183220\"/>"
        xml += String(repeating: page, count: 15 * 1024 * 1024 / page.utf8.count)
        xml += "</pages></volume>"
        let start = Date()
        switch VolumeMetadata.parse(Data(xml.utf8)) {
        case .success(let m): XCTAssertEqual(m.seq, 1)
        case .failure(.malformed(_, let message)): XCTAssertFalse(message.contains("NSXMLParserErrorDomain"), message)
        case .failure(let other): XCTFail("\(other)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "15 MiB of plain XML is judged in seconds at worst (debug build)")
    }

    func testParserErrorsAreDescribedInChineseNotAsNSXMLParserErrorCodes() {
        let undeclared = VolumeMetadata.parse(Data("<volume xmlns=\"urn:archive-center:volume:1\"><uscc>&nbsp;</uscc></volume>".utf8))
        guard case .failure(let problem) = undeclared else { return XCTFail("\(undeclared)") }
        XCTAssertFalse(problem.text.contains("NSXMLParserErrorDomain"), problem.text)
        XCTAssertTrue(problem.text.contains("未声明"), problem.text)

        let truncated = VolumeMetadata.parse(Data("<volume xmlns=\"urn:archive-center:volume:1\"><uscc>9144".utf8))
        guard case .failure(let cut) = truncated else { return XCTFail("\(truncated)") }
        XCTAssertFalse(cut.text.contains("NSXMLParserErrorDomain"), cut.text)
        XCTAssertTrue(cut.text.contains("中断") || cut.text.contains("不匹配"), cut.text)

        // UTF-16 with a DTD is refused the same way.
        let utf16 = Data([0xFF, 0xFE]) + "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE v [<!ENTITY a \"x\">]><volume/>".data(using: .utf16LittleEndian)!
        guard case .failure(.malformed(_, let message)) = VolumeMetadata.parse(utf16) else { return XCTFail() }
        XCTAssertTrue(message.contains("DTD"), message)
    }

    func testTheInspectionReportsAHostileMetadataAsMisfiledWithTheReason() throws {
        let f = try standardFixture()
        try Self.entityBlowUp(uscc: CenterFixture.code(1), references: 20_000, entityKB: 8)
            .write(to: f.folder("dc", "V001").appendingPathComponent("metadata.xml"))
        let start = Date()
        let report = try inspect(f, only: ["anomaly"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(keys(report), ["anomaly.misfiled dc V001"])
        XCTAssertTrue(report.findings[0].detail.contains("DTD"), report.findings[0].detail)
    }

    /// A stray byte in an element or attribute name made FoundationXML trap (the whole check died on one
    /// damaged file): such a UTF-8 document is refused as malformed, naming the line of the bad byte.
    func testInvalidUTF8InNamesIsRefusedNotACrash() {
        let head = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<volume xmlns=\"urn:archive-center:volume:1\">\n".utf8)
        let cases: [(String, [UInt8])] = [
            ("element name", Array("<pag".utf8) + [0xE4] + Array(" count=\"3\"/>".utf8)),
            ("attribute name", Array("<pages ".utf8) + [0xE4] + Array("count=\"3\"/>".utf8)),
            ("overlong", Array("<pag".utf8) + [0xC0, 0xAF] + Array(" count=\"3\"/>".utf8)),
            ("surrogate", Array("<pag".utf8) + [0xED, 0xA0, 0x80] + Array(" count=\"3\"/>".utf8)),
            ("prefixed name", Array("<x:pag".utf8) + [0xE4] + Array(" xmlns:x=\"u\" count=\"3\"/>".utf8)),
            ("text", Array("<name>东莞".utf8) + [0xE4] + Array("</name>".utf8)),
        ]
        for (label, body) in cases {
            for declared in [true, false] {
                let bytes = (declared ? head : Array(head.drop { $0 != 0x0A }.dropFirst())) + body + Array("\n</volume>".utf8)
                guard case .failure(.malformed(let line, let message)) = VolumeMetadata.parse(Data(bytes)) else {
                    XCTFail("\(label): \(VolumeMetadata.parse(Data(bytes)))"); continue
                }
                XCTAssertEqual(line, declared ? 3 : 2, label)
                XCTAssertTrue(message.contains("UTF-8"), "\(label): \(message)")
            }
        }
        // A document that declares another encoding is converted by libxml2, which reports its own error.
        let gb = Array("<?xml version=\"1.0\" encoding=\"GB18030\"?><volume xmlns=\"urn:archive-center:volume:1\"><pag".utf8)
            + [0x81, 0x20] + Array(" count=\"3\"/></volume>".utf8)
        guard case .failure = VolumeMetadata.parse(Data(gb)) else { return XCTFail("undecodable GB18030 accepted") }
        // Valid Chinese text in UTF-8, with and without a byte order mark, still parses.
        let good = "<volume xmlns=\"urn:archive-center:volume:1\"><uscc>\(CenterFixture.code(1))</uscc><name>东莞市档案</name><seq>2</seq></volume>"
        for data in [Data(good.utf8), Data([0xEF, 0xBB, 0xBF] + Array(good.utf8))] {
            guard case .success(let m) = VolumeMetadata.parse(data) else { return XCTFail("\(VolumeMetadata.parse(data))") }
            XCTAssertEqual(m.seq, 2)
        }
    }
}
