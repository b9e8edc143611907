@testable import ArchiveSamples
import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class SampleCenterMetadataXMLTests: XCTestCase {
    func testAwkwardNamesSurviveTheRoundTripThroughFoundationXML() throws {
        let name = "东莞市<宏达> & \"联创\" 'A&B'（虎门）\u{01}电子\t科技\n有限公司"
        let pages = [VolumeMetadataXML.Page(no: 1, sha256: String(repeating: "ab", count: 32), bytes: 1234),
                     VolumeMetadataXML.Page(no: 2, sha256: String(repeating: "cd", count: 32), bytes: 99)]
        let data = VolumeMetadataXML.document(uscc: "91441900MA4UJ5XY2K", name: name, seq: 3, event: "变更登记",
                                              created: "2021-03-02T10:15:00+08:00", pages: pages)
        let doc = try XMLDocument(data: data, options: [])
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.localName, "volume")
        XCTAssertEqual(root.uri, "urn:archive-center:volume:1")
        func text(_ tag: String) -> String? { root.elements(forLocalName: tag, uri: VolumeMetadataXML.namespace).first?.stringValue }
        XCTAssertEqual(text("name"), name.replacingOccurrences(of: "\u{01}", with: ""), "control characters are dropped, the rest kept")
        XCTAssertEqual(text("uscc"), "91441900MA4UJ5XY2K")
        XCTAssertEqual(text("seq"), "3")
        XCTAssertEqual(text("event"), "变更登记")
        let list = try XCTUnwrap(root.elements(forLocalName: "pages", uri: VolumeMetadataXML.namespace).first)
        let entries = list.elements(forLocalName: "page", uri: VolumeMetadataXML.namespace)
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries.last?.attributes?.first { $0.localName == "bytes" || $0.name == "bytes" }?.stringValue, "99")
    }
}
