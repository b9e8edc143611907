import Foundation
import XCTest

/// Debian's headless Chromium as the tests' reader: opens a built page from disk (file://, as from a file
/// share), runs its scripts and returns the DOM. Layout is read by a measuring script that writes what it
/// measured into the page title, which `--dump-dom` then shows. Shared by the layout and search tests.
public enum HeadlessChromium {
    public static func executable() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return nil
    }

    /// The DOM of `url` after its scripts ran, at a window `width` pixels wide. Skips the test when no
    /// Chromium is installed.
    ///
    /// `allowFileAccess` lets a file:// page read another file:// page (a frame's document); only the
    /// narrow-width measurement asks for it, so the site search is still tested under file://'s usual rules.
    public static func dumpDOM(_ url: URL, width: Int = 1280, profileParent: URL, allowFileAccess: Bool = false) throws -> String {
        guard let browser = executable() else {
            throw XCTSkip("未安装 chromium（scripts/install-dependencies.sh --test 会安装）。 (chromium not installed)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        let profile = profileParent.appendingPathComponent("profile-\(UUID().uuidString)")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--window-size=\(width),900",
                             "--virtual-time-budget=5000"] + (allowFileAccess ? ["--allow-file-access-from-files"] : [])
            + ["--dump-dom", url.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
        XCTAssertEqual(process.terminationStatus, 0, "chromium exit status")
        return String(decoding: data, as: UTF8.self)
    }

    /// Headless Chromium widens a window narrower than this (`--window-size=390,900` gives a 500 px page),
    /// so a phone's width is measured in a frame of that width instead (``measureInFrame(page:script:width:)``).
    public static let narrowestWindow = 500

    /// Opens a copy of the built page `page` (same folder, so its stylesheet links still resolve) with
    /// `script` appended; the script sets `document.title` to what it measured, which is returned.
    /// The page is laid out `width` CSS pixels wide, a phone's 390 included.
    public static func measure(page: URL, script: String, width: Int = 1280) throws -> String {
        if width < narrowestWindow { return try measureInFrame(page: page, script: script, width: width) }
        let html = try String(contentsOf: page, encoding: .utf8)
        let probe = page.deletingLastPathComponent().appendingPathComponent("measure-\(UUID().uuidString).html")
        guard let end = html.range(of: "</body>", options: .backwards) else {
            XCTFail("\(page.path) has no </body>")
            return ""
        }
        try html.replacingCharacters(in: end, with: "<script>\(script)</script></body>")
            .write(to: probe, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: probe) }
        return title(of: try dumpDOM(probe, width: width, profileParent: FileManager.default.temporaryDirectory))
    }

    /// `page` in a frame exactly `width` pixels wide (its media queries and layout see that width), with
    /// `script` run inside the frame once it has loaded; the frame's title is returned.
    private static func measureInFrame(page: URL, script: String, width: Int) throws -> String {
        let probe = page.deletingLastPathComponent().appendingPathComponent("measure-\(UUID().uuidString).html")
        let source = String(decoding: try JSONEncoder().encode([script]), as: UTF8.self)  // a JS string literal, in [ ]
        let wrapper = """
            <!doctype html><html><head><meta charset="utf-8"><title>NO-FRAME</title></head><body style="margin:0">
            <iframe id="probe" src="\(page.lastPathComponent)" style="width:\(width)px;height:900px;border:0"></iframe>
            <script>
            document.getElementById('probe').addEventListener('load', () => {
              const doc = document.getElementById('probe').contentDocument;
              if (!doc) { document.title = 'NO-ACCESS'; return; }
              const run = doc.createElement('script');
              run.textContent = \(source)[0];
              doc.body.appendChild(run);
              document.title = doc.title;
            });
            </script></body></html>
            """
        try wrapper.write(to: probe, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: probe) }
        return title(of: try dumpDOM(probe, width: narrowestWindow, profileParent: FileManager.default.temporaryDirectory,
                                     allowFileAccess: true))
    }

    /// What the measuring script wrote into the page title.
    private static func title(of dom: String) -> String {
        guard let open = dom.range(of: "<title>"), let close = dom.range(of: "</title>", range: open.upperBound..<dom.endIndex) else {
            XCTFail("no title in the dumped DOM")
            return ""
        }
        return String(dom[open.upperBound..<close.lowerBound])
    }
}
