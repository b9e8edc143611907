import ArchiveEngine
import Foundation

/// Prints bundle pages to A4 PDF with headless Chromium (可打印的 PDF), for binders and for auditors who
/// want a file rather than a page.
///
/// Chromium stamps each PDF with the time it was printed (`/CreationDate`, `/ModDate`); everything else
/// it writes depends only on the page and the Chromium version. The two dates are replaced, byte length
/// preserved so the cross-reference offsets stay right, by the period's end: the same bundle then
/// gives the same PDF bytes on the same machine.
public struct BundlePDFPrinter {
    public let chromium: URL

    /// The first Chromium on PATH, or nil (the bundle is then made without PDFs and says so).
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> BundlePDFPrinter? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return BundlePDFPrinter(chromium: url) }
            }
        }
        return nil
    }

    public init(chromium: URL) { self.chromium = chromium }

    /// Prints `page` (an HTML file whose stylesheet sits beside it) to a PDF dated `date`.
    public func print(_ page: URL, dated date: Date) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("archive-ops-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(output.path)", page.absoluteURL.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF-".utf8)) else {
            throw BundleWriterError("Chromium 未能把 \(page.lastPathComponent) 打印为 PDF（退出码 \(process.terminationStatus)）。"
                + "可去掉 --pdf 重新生成。 (Chromium could not print)")
        }
        return Self.fixingDates(pdf, to: date)
    }

    /// `pdf` with every `/CreationDate (D:…)` and `/ModDate (D:…)` set to `date` in Beijing time.
    static func fixingDates(_ pdf: Data, to date: Date) -> Data {
        var bytes = [UInt8](pdf)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = BureauTime.timeZone
        f.dateFormat = "yyyyMMddHHmmss"
        let stamp = Array("D:\(f.string(from: date))+08'00'".utf8)
        for key in ["/CreationDate (", "/ModDate ("] {
            let needle = Array(key.utf8)
            var i = 0
            while i + needle.count < bytes.count {
                guard bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle else { i += 1; continue }
                let start = i + needle.count
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ")")) else { break }
                // Same length only: a longer or shorter value would move every later object.
                if close - start == stamp.count { bytes.replaceSubrange(start..<close, with: stamp) }
                i = close
            }
        }
        return Data(bytes)
    }
}
