import Foundation
import XCTest

/// A corpus of synthetic ID card and mobile numbers written every way people write them, put into every
/// free-text field of tickets (and a ticket id), into not-found queries and from there into findings,
/// then a real site build: no file of the site — page, file name, search index, data file — shows one.
final class MaskingCorpusSiteTests: XCTestCase {
    /// A synthetic number (digits only) and the ways to write it.
    struct Number {
        let digits: String
        let forms: [String]
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            ("0"..."9").contains(c) ? Unicode.Scalar(c.value - 0x30 + 0xFF10)! : c == "X" ? "Ｘ" : c == "+" ? "＋" : c
        }))
    }

    static func grouped(_ digits: String, _ sizes: [Int], _ separator: String) -> String {
        var parts: [String] = []
        var rest = Substring(digits)
        for n in sizes { parts.append(String(rest.prefix(n))); rest = rest.dropFirst(n) }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts.joined(separator: separator)
    }

    static let numbers: [Number] = {
        let id = "441900198503151234", idX = "44190019900101567X", old = "441900850315123"
        let mobiles = ["13812345678", "15923456789"]
        var result: [Number] = []
        for n in [id, idX] {
            var forms = [n, fullWidth(n), "ID" + n, n + "abc", "身份证号:" + n]
            for sep in [" ", "-", ".", "　", "－"] {
                forms.append(grouped(n, [6, 8], sep))
                forms.append(grouped(n, [6, 4, 4], sep))
            }
            forms.append(grouped(n, [4, 10], "\u{200B}"))
            forms.append(grouped(n, [6, 8], "\u{200D}"))
            forms.append(grouped(n, [3, 3, 4, 4], "\u{2060}"))
            forms.append(fullWidth(grouped(n, [6, 8], " ")))
            result.append(Number(digits: n, forms: forms))
        }
        result.append(Number(digits: old, forms: [old, fullWidth(old), grouped(old, [6, 6], " "), grouped(old, [6, 6], "-"),
                                                  "no" + old, grouped(old, [4, 11], "\u{200B}")]))
        for m in mobiles {
            var forms = [m, fullWidth(m), "tel" + m, "Tel:" + m, "mobile" + m + "x", "+86" + m, "+86 " + m, "0086" + m,
                         "0086-" + m, fullWidth("+86" + m), "(+86)" + m, "86-" + grouped(m, [3, 4], "-")]
            for sep in [" ", "-", ".", "　", " - "] { forms.append(grouped(m, [3, 4], sep)) }
            forms.append(grouped(m, [3, 4], "\u{200B}"))
            forms.append(grouped(m, [5], "\u{FEFF}"))
            forms.append(fullWidth(grouped(m, [3, 4], "-")))
            result.append(Number(digits: m, forms: forms))
        }
        return result
    }()

    static var corpus: [(digits: String, form: String)] { numbers.flatMap { n in n.forms.map { (n.digits, $0) } } }

    /// The text with full-width digits made ASCII, invisible characters dropped and separators between
    /// digits removed, so a number shows as its plain digits however it was written.
    static func normalized(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for c in text.unicodeScalars {
            switch c.value {
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(c.value - 0xFF10 + 0x30)!)
            case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD: continue
            default: scalars.append(c)
            }
        }
        let plain = String(String.UnicodeScalarView(scalars))
        let regex = try! NSRegularExpression(pattern: #"(?<=[0-9])[ \-.\u00A0\u3000\uFF0D\uFF0E\u2010-\u2015]{1,3}(?=[0-9])"#)
        return regex.stringByReplacingMatches(in: plain, range: NSRange(location: 0, length: (plain as NSString).length), withTemplate: "")
    }

    func testEveryFormOfEveryNumberIsMaskedInEveryFileOfTheBuiltSite() throws {
        let corpus = Self.corpus
        XCTAssertGreaterThanOrEqual(corpus.count, 60)
        let cli = try CLIProcess()
        let w = try temporaryWorkspace(self)
        if let keep = ProcessInfo.processInfo.environment["KEEP_MASKING_SITE"] {
            addTeardownBlock { try? FileManager.default.copyItem(at: w, to: URL(fileURLWithPath: keep)) }
        }

        // One ticket per form, the form in every free-text field; two tickets whose id is a number.
        func csv(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var tickets = "ticket_id,reported_at,responded_at,resolved_at,unit,reporter,category,priority,status,description,actions,resolution,engineer\n"
        for (i, entry) in corpus.enumerated() {
            let id = i == 0 ? "441900198503151234" : i == 1 ? "13812345678" : "T-\(1000 + i)"
            let f = entry.form
            tickets += [id, "2023-06-\(String(format: "%02d", 1 + i % 28)) 09:00", "2023-06-\(String(format: "%02d", 1 + i % 28)) 09:10",
                        "2023-06-\(String(format: "%02d", 1 + i % 28)) 11:00", csv("虎门分局\(f)"), csv("报障人\(f)"), "sync", "normal",
                        "closed", csv("群众来电，身份证或手机 \(f)，请回电"), csv("电话联系 \(f) 后处理"), csv("已告知\(f)"),
                        csv("张工\(f)")].joined(separator: ",") + "\n"
        }
        XCTAssertEqual(try cli.run(["init", "--workspace", w.path]).status, 0)
        let ticketFile = w.appendingPathComponent("tickets.csv")
        try Data(tickets.utf8).write(to: ticketFile)
        let imported = try cli.run(["import", "tickets", "--workspace", w.path, ticketFile.path])
        XCTAssertEqual(imported.status, 0, imported.out + imported.err)

        // Not-found queries typed with the numbers, inspected: their findings carry the text.
        let f = try standardFixture()
        for (i, entry) in corpus.enumerated() {
            try f.addQuery(500 + i, kind: "name", text: "查询 \(entry.form)")
        }
        let check = try cli.run(["check", "--workspace", w.path, "--center", f.root.path, "--only", "notfound",
                                 "--at", "2023-06-30 07:30"])
        XCTAssertTrue([0, 1, 2].contains(check.status), check.err)
        XCTAssertEqual(try cli.run(["import", "queries", "--workspace", w.path, f.catalogURL.path]).status, 0)

        let build = try cli.run(["build", "--workspace", w.path])
        XCTAssertEqual(build.status, 0, build.out + build.err)

        let output = w.appendingPathComponent("Output")
        let files = (FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []).sorted()
        var scanned = 0, masked = 0
        for file in files {
            var text = Self.normalized(file)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path) {
                let content = String(decoding: data, as: UTF8.self)
                text += "\n" + Self.normalized(content)
                masked += content.components(separatedBy: "4419*").count - 1
            }
            for n in Self.numbers {
                XCTAssertFalse(text.contains(n.digits.replacingOccurrences(of: "X", with: "")), "\(file) shows \(n.digits)")
            }
            scanned += 1
        }
        XCTAssertGreaterThan(scanned, 60)
        XCTAssertGreaterThan(masked, 20, "the pages do show the masked numbers")
        XCTAssertTrue(files.contains { $0.hasPrefix("tickets/4419_") }, "the ticket whose id is an ID number has a masked file name")
    }
}
