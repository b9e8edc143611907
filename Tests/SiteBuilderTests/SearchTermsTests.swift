import Foundation
@testable import SiteBuilder
import XCTest

/// The index normalises text (NFKC, lower case) as the browser normalises a query; the quick path for
/// ASCII, Chinese and full-width forms must give exactly what Foundation's normaliser gives, or a query
/// would stop finding pages it found before.
final class SearchTermsTests: XCTestCase {
    private func general(_ text: String) -> String { text.precomposedStringWithCompatibilityMapping.lowercased() }

    func testTheQuickPathGivesFoundationsNFKCForEveryScalarItTakes() throws {
        var taken: [Unicode.Scalar] = []
        for v in Array(0..<0x80) + Array(0x3000...0x3011) + Array(0xFF01...0xFF5E) + Array(0x4E00...0x9FFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = String(Character(scalar))
            if let quick = SearchTerms.quicklyNormalized(text) {
                XCTAssertEqual(quick, general(text), "U+\(String(v, radix: 16, uppercase: true))")
                taken.append(scalar)
            }
        }
        XCTAssertGreaterThan(taken.count, 0x80 + 94 + 20_000)
        let mixed = "档案同步ＳＹＮＣ：失败（第１２次）、《手册》【注意】\u{3000}Sync-Missing V000123。签章，９１４４１９００ＭＡ"
        XCTAssertEqual(SearchTerms.quicklyNormalized(mixed), general(mixed))
        XCTAssertEqual(SearchTerms.normalize(mixed), general(mixed))
    }

    func testTextOutsideTheQuickPathTakesTheGeneralOne() throws {
        for text in ["café", "cafe\u{301}", "ｶﾀｶﾅ", "①②", "ﬁle", "Ⅻ", "\u{F900}", "㈱", "Straße"] {
            XCTAssertNil(SearchTerms.quicklyNormalized(text), text)
            XCTAssertEqual(SearchTerms.normalize(text), general(text), text)
        }
    }

    /// A document's terms are kept in the order of their UTF-8 bytes (the search cache is written in it);
    /// Chinese terms are compared as numbers, which must give that order whatever terms a page mixes.
    func testADocumentsTermsAreInTheOrderOfTheirUTF8Bytes() throws {
        let text = "签章签 档案同步失败 一 丁 丁一 龥 㐀 㐀一 一㐀 かな カナ sync SYNC9 zz 0a 同步sync中 中文 é 문서 ＡＢ ß 丂丂 一丁 丁丁"
        let document = IndexedDocument(SearchDocument(url: "manual/x.html", title: "签章 sync", sections: [
            .init(anchor: "", heading: "", text: text), .init(anchor: "a", heading: "一丁 かな", text: "㐀丁 丁㐀"),
        ]))
        let terms = document.terms.map(\.term)
        XCTAssertEqual(terms, terms.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(Set(terms).count, terms.count)
        for term in ["签章", "一", "丁一", "一㐀", "㐀", "sync", "かな"] { XCTAssertTrue(terms.contains(term), term) }
    }

    func testSearchSectionTextIsTrimmedExactlyAsFoundationTrimsIt() throws {
        let samples = ["", " ", "\n\t \u{3000}", " 档案 同步 ", "\u{3000}签章\u{3000}", "\u{85}x\u{2028}", "a\u{301} ", " \u{1F600} ",
                       "\r\n段落\r\n", "\u{A0}不换行\u{A0}", "\u{200B}零宽\u{200B}", "\u{FEFF}bom"]
        for text in samples {
            XCTAssertEqual(ManualPage.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
        }
    }
}
