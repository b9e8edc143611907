@testable import ArchiveEngine
import Foundation
import XCTest

/// The `hardware:` inventory of the workspace configuration: the commented example `init` writes, and
/// errors that name the key and the line.
final class HardwareInventoryConfigurationTests: XCTestCase {
    private func parse(_ text: String) throws -> WorkspaceConfiguration {
        try WorkspaceConfiguration.parse(text, file: "archive-ops.yaml")
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try parse(text)
            XCTFail("expected an error", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testTheInitTemplateHasNoInventoryUntilTheExampleIsUncommented() throws {
        let template = WorkspaceConfiguration.commentedTemplate
        XCTAssertTrue(try parse(template).hardware.isEmpty)
        // Uncomment the example as the template tells the reader to: drop "# " from every line from "# hardware:" on.
        let lines = template.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "# hardware:"))
        let uncommented = lines[..<start] + lines[start...].map { $0.hasPrefix("# ") ? String($0.dropFirst(2)) : $0 }
        let hardware = try parse(uncommented.joined(separator: "\n")).hardware
        XCTAssertEqual(hardware.servers.map(\.name), ["dc-store-01"])
        XCTAssertEqual(hardware.servers.first?.raid, .raid6)
        XCTAssertEqual(hardware.servers.first?.disks, [.init(count: 12, sizeTB: 16, kind: "hdd", interface: "SAS")])
        XCTAssertEqual(hardware.storage, [.init(site: "dc", host: "dc-store-01", mount: "/archive", raid: .raid6, raidDisks: 12,
            copies: 2)])
        XCTAssertEqual(hardware.clients.first?.interfaces, ["USB 3.0", "USB 2.0", "千兆网口", "HDMI"])
        XCTAssertEqual(hardware.kiosks.first?.name, "自助查询一体机")
        XCTAssertEqual(hardware.printers.first?.pagesPerMinute, 95)
        XCTAssertEqual(hardware.idCardReaders.first?.attachedTo, "自助查询一体机")
    }

    func testAnUnknownRAIDLevelNamesTheKeyAndTheLine() {
        let text = """
        mounts: []
        hardware:
          servers:
            - name: dc-store-01
              raid: raid7
        """
        let message = error(text)
        XCTAssertTrue(message.contains("archive-ops.yaml 第 5 行 hardware.servers[0].raid"), message)
        XCTAssertTrue(message.contains("“raid7” 不是可用的 RAID 级别"), message)
    }

    func testAMisspeltKeyIsReportedInsteadOfIgnored() {
        let text = """
        hardware:
          storage:
            - site: dc
              raid: raid6
              raid_disk: 12
        """
        let message = error(text)
        XCTAssertTrue(message.contains("第 5 行 hardware.storage[0].raid_disk: 未知的键"), message)
        XCTAssertTrue(message.contains("raid_disks"), "the message lists the keys that exist: \(message)")
    }

    func testAWrongTypeNamesTheKeyAndWhatWasExpected() {
        let text = """
        hardware:
          servers:
            - name: db-01
              ram_gb: lots
        """
        let message = error(text)
        XCTAssertTrue(message.contains("第 4 行 hardware.servers[0].ram_gb: 应为数字"), message)
    }

    func testAThresholdOfTheWrongTypeIsLocatedToo() {
        let message = error("thresholds:\n  disk_warning_percent: high\n")
        XCTAssertTrue(message.contains("第 2 行 thresholds.disk_warning_percent: 应为数字"), message)
    }

    func testEveryInconsistencyIsListedWithItsLine() {
        let text = """
        hardware:
          storage:
            - site: dc
              raid: raid6
              raid_disks: 3
              copies: 0
          kiosks:
            - name: 自助查询一体机
              ram_gb: -8
          id_card_readers:
            - model: CVR-100UC
              attached_to: 一体机
        """
        let message = error(text)
        XCTAssertTrue(message.contains("有 4 处错误"), message)
        XCTAssertTrue(message.contains("第 5 行 hardware.storage[0].raid_disks: raid6 至少需要 4 块盘"), message)
        XCTAssertTrue(message.contains("第 6 行 hardware.storage[0].copies: 副本数至少为 1"), message)
        XCTAssertTrue(message.contains("第 9 行 hardware.kiosks[0].ram_gb: 应为大于 0 的数"), message)
        XCTAssertTrue(message.contains("第 12 行 hardware.id_card_readers[0].attached_to: 没有名为 “一体机” 的客户端或终端组，已有：自助查询一体机"), message)
    }

    func testRAIDOverheadFollowsTheGroupSize() {
        XCTAssertEqual(RAIDLevel.raid6.usableFraction(disks: 12), 10.0 / 12)
        XCTAssertEqual(RAIDLevel.raid5.usableFraction(disks: 4), 0.75)
        XCTAssertEqual(RAIDLevel.raid10.usableFraction(disks: 8), 0.5)
        XCTAssertEqual(RAIDLevel.none.usableFraction(disks: 1), 1)
    }
}
