import ArchiveEngine
import ArchiveOpsTestSupport
import Foundation
import SiteBuilder
import XCTest

/// A command block in the manuals as a reader sees it in the browser: one command per line, as written.
final class ManualCodeBlockLayoutTests: XCTestCase {
    static var site: ClassSite?
    static var output: URL? { site?.output }

    override class func setUp() { site = ClassSite("codeblock-layout") }

    override class func tearDown() { site?.remove() }

    /// Measures the first code block of at least three lines: its source lines, the distinct line boxes
    /// the browser laid out, and its height against one line's height.
    static let script = """
    const block = [...document.querySelectorAll('pre > code')]
      .find(c => c.textContent.replace(/\\n$/, '').split('\\n').length >= 3);
    if (!block) { document.title = 'NO-BLOCK'; } else {
      const lines = block.textContent.replace(/\\n$/, '').split('\\n').length;
      const range = document.createRange(); range.selectNodeContents(block);
      const rects = [...range.getClientRects()].filter(r => r.height > 0);
      const tops = new Set(rects.map(r => Math.round(r.top)));
      const lineHeight = Math.min(...rects.map(r => r.height));
      const height = block.getBoundingClientRect().height;
      document.title = ['LAYOUT', lines, tops.size, Math.round(height), Math.round(lineHeight)].join(' ');
    }
    """

    func testAMultiLineCommandBlockInTheDailyChapterShowsOneLinePerCommand() throws {
        let output = try XCTUnwrap(Self.output, "site build failed")
        for width in [1280, 390] {
            let title = try HeadlessChromium.measure(page: output.appendingPathComponent("manual/daily.html"),
                                                     script: Self.script, width: width)
            let parts = title.split(separator: " ").compactMap { Int($0) }
            XCTAssertTrue(title.hasPrefix("LAYOUT") && parts.count == 4, "measured: \(title)")
            guard parts.count == 4 else { continue }
            let (lines, lineBoxes, height, lineHeight) = (parts[0], parts[1], parts[2], parts[3])
            XCTAssertGreaterThanOrEqual(lineBoxes, lines, "width \(width): each source line is laid out on its own line")
            XCTAssertGreaterThanOrEqual(height, lines * lineHeight * 9 / 10, "width \(width): the block is as tall as its lines")
        }
    }
}
