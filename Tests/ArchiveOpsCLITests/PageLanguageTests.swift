import Foundation
import XCTest

/// One language per page, on the whole demo site as `archive-ops demo` builds it: a Chinese report page
/// holds no English sentence fragment, and its English twin under `en/` no Chinese text, except the
/// center's own data, which the pages mark.
///
/// The rule, precisely:
/// - Text is what a reader sees: text nodes outside `script`, `style`, `svg` (charts, whose labels are
///   data), and — on Chinese pages — outside `code`, `kbd` and `pre` (commands and ids).
/// - Data is an element with class `datum` (finding values, ticket texts, names from the inventory) or, on
///   an English page, an element with `lang="zh-…"` (data in Chinese, the link to the Chinese page).
/// - A Chinese page has no run of two or more Latin words outside data: a word is a token of ASCII
///   letters (an apostrophe inside; an opening bracket or quote before and punctuation after allowed), so
///   ids, paths, units and numbers (`V000123`, `/archive`, `37.8 GiB`, `archive-ops`) never count, and
///   `(hash differs from catalog)` does.
/// - An English page has no Han character outside data.
/// The training manuals exist in Chinese only and are not report pages; they are left out.
final class PageLanguageTests: XCTestCase {
    func testEveryReportPageSpeaksOneLanguageAndItsEnglishTwinTheOther() throws {
        let scratch = try ScratchFolder(prefix: "page-language")
        let workspace = scratch.url.appendingPathComponent("ws")
        let demo = try BuiltCLI.run(["demo", "--workspace", workspace.path], in: scratch.url)
        assertCommand(demo, exits: 0)
        let output = workspace.appendingPathComponent("Output")
        let pages = try htmlPages(below: output).filter { !$0.hasPrefix("manual/") && $0 != "search.html" }
        let chinese = pages.filter { !$0.hasPrefix("en/") }
        let english = Set(pages.filter { $0.hasPrefix("en/") })

        // Every page type is there in both languages (a type is the folder, or the file at the top).
        let types = { (paths: [String]) in Set(paths.map { $0.split(separator: "/").dropLast().first.map(String.init) ?? $0 }) }
        XCTAssertEqual(types(chinese), types(english.map { String($0.dropFirst(3)) }))
        XCTAssertGreaterThanOrEqual(types(chinese).count, 8, "\(types(chinese).sorted())")
        XCTAssertEqual(chinese.filter { !english.contains("en/" + $0) }, [], "Chinese pages without an English twin")

        var problems: [String] = []
        for path in pages {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let isEnglish = path.hasPrefix("en/")
            for text in PageText.visibleText(html, english: isEnglish) {
                if isEnglish {
                    if text.unicodeScalars.contains(where: PageText.isHan) { problems.append("\(path): 英文页面中的中文 “\(text)”") }
                } else {
                    for fragment in PageText.latinRuns(text) { problems.append("\(path): 中文页面中的英文片段 “\(fragment)”") }
                }
            }
        }
        XCTAssertEqual(problems.count, 0, problems.prefix(30).joined(separator: "\n"))
    }

    /// The rule itself, on small pages, so that a scan that finds nothing is known to be able to find something.
    func testTheRuleFindsFragmentsAndLeavesDataAlone() {
        let zh = #"<p>案卷 <span class="datum">V1</span> 中 page-0001.jpg 与目录哈希不一致 (hash differs from catalog)</p>"#
            + #"<p><code>archive-ops check --only sync</code> 37.8 GiB · MAE 2.0 GiB</p>"#
            + #"<p><span class="datum">Acme Trading Co</span></p>"#
        XCTAssertEqual(PageText.visibleText(zh, english: false).flatMap(PageText.latinRuns), ["(hash differs from catalog)"])
        let en = #"<p>Volume <span class="datum" lang="zh-CN">东莞市某某公司</span> lacks page-0001.jpg</p>"#
            + #"<a lang="zh-CN" href="x">中文</a><p>预计 54 天后写满</p><svg><title>虎门分局</title></svg>"#
        XCTAssertEqual(PageText.visibleText(en, english: true).filter { $0.unicodeScalars.contains(where: PageText.isHan) },
                       ["预计 54 天后写满"])
    }

    private func htmlPages(below root: URL) throws -> [String] {
        let base = root.standardizedFileURL.path + "/"
        var pages: [String] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "html" { pages.append(String(url.standardizedFileURL.path.dropFirst(base.count))) }
        }
        return pages.sorted()
    }
}

/// A small reader of the generated pages' visible text (the pages are our own, valid HTML5; no parser
/// library is needed for this).
enum PageText {
    private static let voidElements: Set<String> = ["br", "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base"]

    /// The text nodes a reader sees, outside skipped elements and data (see ``PageLanguageTests``).
    static func visibleText(_ html: String, english: Bool) -> [String] {
        var texts: [String] = []
        var stack: [(name: String, skips: Bool)] = []
        var rest = Substring(html)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                if !stack.contains(where: \.skips) { texts.append(decode(String(rest))) }
                break
            }
            if open > rest.startIndex, !stack.contains(where: \.skips) { texts.append(decode(String(rest[..<open]))) }
            if rest[open...].hasPrefix("<!--") {
                rest = rest[open...].range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased().trimmingCharacters(in: .whitespaces)
                if let i = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(i...) }
                continue
            }
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            if voidElements.contains(name) || tag.hasSuffix("/") { continue }
            stack.append((name, skips(name, attributes: String(tag), english: english)))
        }
        return texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func skips(_ name: String, attributes: String, english: Bool) -> Bool {
        if ["script", "style", "svg"].contains(name) { return true }
        if !english && ["code", "kbd", "pre"].contains(name) { return true }
        if let classes = attribute("class", in: attributes), classes.split(separator: " ").contains("datum") { return true }
        if english, let lang = attribute("lang", in: attributes), lang.hasPrefix("zh") { return true }
        return false
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[r.upperBound...].prefix { $0 != "\"" })
    }

    private static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Runs of two or more Latin words in a text.
    static func latinRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var run: [Substring] = []
        for token in text.split(whereSeparator: \.isWhitespace) + [Substring("")] {
            if isLatinWord(token) { run.append(token); continue }
            if run.count >= 2 { runs.append(run.joined(separator: " ")) }
            run = []
        }
        return runs
    }

    private static func isLatinWord(_ token: Substring) -> Bool {
        var t = token
        while let f = t.first, "(“\"'‘".contains(f) { t.removeFirst() }
        while let l = t.last, ",.;:!?)”\"'’".contains(l) { t.removeLast() }
        guard let first = t.first, let last = t.last, first.isASCII && first.isLetter, last.isASCII && last.isLetter else { return false }
        return t.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "'" || $0 == "’" }
    }

    /// A CJK ideograph.
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
