import ArchiveEngine
import Foundation
@testable import SiteBuilder
import XCTest

/// An acceptance bundle holds the hardware sizing advice as it read at the period's end: readings taken
/// after the period never reach the bundle's sizing page or its dashboard (issue 11, left from the first round).
final class AcceptanceSizingTests: XCTestCase {
    func testTheBundlesSizingPageIsAsOfThePeriodEnd() throws {
        let store = try SiteFixture.store()
        var readings: [DiskReading] = []
        let start = BureauTime.parse("2023-01-01 08:00")!
        // A year of daily readings, 2023-01-01 … 2023-12-31: 40 GiB more each month on a 4 TiB disk.
        for day in 0..<365 {
            let used = Int64(1_000 + day * 40 / 30) << 30
            readings.append(DiskReading(host: "dc-app-01", mount: "/data", at: start.addingTimeInterval(Double(day) * 86_400),
                                        totalBytes: 4 << 40, usedBytes: used, source: .center))
        }
        _ = try store.recordDiskReadings(readings)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        let build = try SiteBuild(store: store, outputURL: dir.appendingPathComponent("Output"))

        let june = try AcceptancePages.render(build, scope: ReportScope(firstDay: "2023-06-01", lastDay: "2023-06-30"))
        let page = try XCTUnwrap(june.first { $0.path == "sizing/index.html" }, "\(june.map(\.path))")
        let html = String(decoding: page.contents, as: UTF8.self)
        XCTAssertTrue(html.contains("2023-06-30 08:00"), "the advice is as of the last reading in the period")
        XCTAssertFalse(html.contains("2023-12-31"), "no reading after the period end reaches the bundle")

        let whole = try SizingPages.step(build).first { $0.path == "sizing/index.html" }
        XCTAssertTrue(String(decoding: try XCTUnwrap(whole).contents, as: UTF8.self).contains("2023-12-31 08:00"),
                      "the site's own page reads the whole history")
    }
}
