import ArchiveEngine
import ArchiveSamples
import Foundation
import XCTest

final class PDFInspectorTests: XCTestCase {
    func testSamplePDFIsACompletePDFWithOnePagePerScannedPage() throws {
        let pdf = SamplePDF.make(title: "东莞市长安镇样例五金制品有限公司 设立登记", pages: 7)
        let facts = PDFInspector.inspect(pdf)
        XCTAssertEqual(facts, PDFFacts(byteCount: pdf.count, isPDF: true, hasEOF: true, pageCount: 7))

        // poppler reads the same file as a valid 7-page PDF with the Chinese title intact.
        let scratch = try ScratchFolder()
        let url = try scratch.write("volume.pdf", pdf)
        let info = try ExternalTool.run("pdfinfo", [url.path])
        XCTAssertEqual(info.status, 0, info.output)
        XCTAssertTrue(info.output.contains("Pages:           7"), info.output)
        XCTAssertTrue(info.output.contains("东莞市长安镇样例五金制品有限公司"), info.output)
        XCTAssertFalse(info.output.contains("Syntax Error"), info.output)
    }

    func testSamePageCountAndTitleGiveTheSameBytes() {
        XCTAssertEqual(SamplePDF.make(title: "卷 V000001", pages: 3), SamplePDF.make(title: "卷 V000001", pages: 3))
        XCTAssertNotEqual(SamplePDF.make(title: "卷 V000001", pages: 3), SamplePDF.make(title: "卷 V000002", pages: 3))
    }

    func testTruncatedFileIsRecognisedByItsMissingEOF() {
        let pdf = SamplePDF.make(title: "截断", pages: 4)
        let facts = PDFInspector.inspect(pdf.prefix(pdf.count / 2))
        XCTAssertTrue(facts.isPDF)
        XCTAssertFalse(facts.hasEOF)
        XCTAssertEqual(facts.byteCount, pdf.count / 2)
    }

    func testEmptyAndForeignFilesAreNotPDFsAndHaveNoPageCount() {
        XCTAssertEqual(PDFInspector.inspect(Data()), PDFFacts(byteCount: 0, isPDF: false, hasEOF: false, pageCount: nil))
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array("JFIF %%EOF /Type /Page".utf8))
        let facts = PDFInspector.inspect(jpeg)
        XCTAssertFalse(facts.isPDF)
        XCTAssertNil(facts.pageCount)
    }

    func testPageTreeAndCompactSpellingAreCountedCorrectly() {
        let text = "%PDF-1.4\n1 0 obj<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>endobj\n"
            + "2 0 obj<</Type/Page/Parent 1 0 R>>endobj\n3 0 obj\n<< /Type /Page\n/Parent 1 0 R >>\nendobj\n"
            + "4 0 obj<</Type/PageLabel>>endobj\n%%EOF\n"
        XCTAssertEqual(PDFInspector.inspect(Data(text.utf8)).pageCount, 2)
    }

    func testSealingDoesNotChangeThePageCount() throws {
        let sealed = try TestSeal.sealedSample(pages: 5)
        let facts = PDFInspector.inspect(sealed)
        XCTAssertEqual(facts.pageCount, 5)
        XCTAssertTrue(facts.hasEOF)
    }

    func testArbitraryBytesNeverCrashTheInspector() {
        var rng = SplitMix64(seed: "fuzz", stream: #function)  // seeded: a failure can be replayed
        let base = [UInt8](SamplePDF.make(title: "fuzz", pages: 2))
        for _ in 0..<300 {
            var bytes = base
            let cut = Int.random(in: 0...bytes.count, using: &rng)
            bytes = Array(bytes.prefix(cut))
            for _ in 0..<Int.random(in: 0...20, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let facts = PDFInspector.inspect(Data(bytes))
            XCTAssertEqual(facts.byteCount, bytes.count)
        }
        for n in 0..<64 {
            _ = PDFInspector.inspect(Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }))
            _ = PDFInspector.inspect(Data(repeating: UInt8(ascii: "j"), count: n))
            _ = PDFInspector.inspect(Data("%PDF-\(String(repeating: " obj /Type /Page", count: n))".utf8))
        }
    }
}
