@testable import ArchiveEngine
import Foundation
import XCTest

final class CheckEfileSealTests: XCTestCase {
    func testEfileStatusesAreJudgedFromTheInspectionTime() throws {
        let f = try standardFixture()
        let code = CenterFixture.code(3)
        try f.addEnterprise(code, name: "东莞市丙实业有限公司")
        try f.addVolume("V010", uscc: code, seq: 1, efile: "failed", writeFiles: false)
        // generating since 05:00 — 2.5 h before the 07:30 inspection: stuck.
        try f.addVolume("V011", uscc: code, seq: 2, created: "2023-06-30T04:00:00+08:00", efile: "generating",
                        efileUpdated: "2023-06-30T05:00:00+08:00", writeFiles: false)
        // generating for 1 h: fine.
        try f.addVolume("V012", uscc: code, seq: 3, created: "2023-06-30T04:00:00+08:00", efile: "generating",
                        efileUpdated: "2023-06-30T06:30:00+08:00", writeFiles: false)
        // pending 25 h after the scan: backlog; pending 23 h: not yet.
        try f.addVolume("V013", uscc: code, seq: 4, created: "2023-06-29T06:30:00+08:00", efile: "pending", writeFiles: false)
        try f.addVolume("V014", uscc: code, seq: 5, created: "2023-06-29T08:30:00+08:00", efile: "pending", writeFiles: false)
        let report = try inspect(f, only: ["efile"])
        XCTAssertEqual(keys(report), ["efile.failed - V010", "efile.stuck - V011", "efile.backlog - V013"])
        // Judged a day earlier, nothing had gone wrong yet except the failure.
        let earlier = try inspect(f, only: ["efile"], at: BureauTime.parse("2023-06-29T09:00:00+08:00")!)
        XCTAssertEqual(keys(earlier), ["efile.failed - V010"])
    }

    func testBrokenVolumePDFsAtTheProcessingSiteAreReported() throws {
        let f = try standardFixture()
        let pdf1 = f.folder("processing", "V001").appendingPathComponent("volume.pdf")
        try Data(try Data(contentsOf: pdf1).prefix(60)).write(to: pdf1)                          // truncated
        try Data().write(to: f.folder("processing", "V002").appendingPathComponent("volume.pdf"))  // empty
        try CenterFixture.pdf(pages: 5).write(to: f.folder("processing", "V003").appendingPathComponent("volume.pdf")) // 5 ≠ 2
        let report = try inspect(f, only: ["efile"])
        XCTAssertEqual(keys(report), ["efile.broken processing V001", "efile.broken processing V002", "efile.broken processing V003"])
        XCTAssertTrue(report.findings.contains { $0.detail.contains("%%EOF") })
        XCTAssertTrue(report.findings.contains { $0.detail.contains("为空") })
        XCTAssertTrue(report.findings.contains { $0.detail.contains("页数 5") })
    }

    func testSealStatusesAndBacklog() throws {
        let f = try standardFixture()
        let code = CenterFixture.code(3)
        try f.addEnterprise(code, name: "东莞市丙实业有限公司")
        try f.addVolume("V020", uscc: code, seq: 1, seal: "failed", writeFiles: false)
        try f.addVolume("V021", uscc: code, seq: 2, seal: "pending", efileUpdated: "2023-06-29T07:00:00+08:00", writeFiles: false)
        try f.addVolume("V022", uscc: code, seq: 3, seal: "pending", efileUpdated: "2023-06-29T08:00:00+08:00", writeFiles: false)
        try f.addVolume("V023", uscc: code, seq: 4, efile: "pending", seal: "pending", writeFiles: false)
        XCTAssertEqual(keys(try inspect(f, only: ["seal"])), ["seal.failed - V020", "seal.backlog - V021"])
    }

    func testForgedByteRangeForeignSignerAndAlteredContentAreInvalidSeals() throws {
        let f = try standardFixture()
        let seal = try SealFixture.shared()
        // V001: bytes appended after signing — the ByteRange no longer covers the file.
        let s1 = f.folder("processing", "V001").appendingPathComponent("volume.sealed.pdf")
        try (try Data(contentsOf: s1) + Data("\n% appended after sealing\n".utf8)).write(to: s1)
        // V002: signed by a certificate that is not the bureau's.
        try seal.seal(CenterFixture.pdf(pages: 4), other: true)
            .write(to: f.folder("processing", "V002").appendingPathComponent("volume.sealed.pdf"))
        // V003: one signed byte changed (the page count digit), same length.
        let s3 = f.folder("processing", "V003").appendingPathComponent("volume.sealed.pdf")
        var bytes = try Data(contentsOf: s3)
        let range = try XCTUnwrap(bytes.range(of: Data("/MediaBox [0 0 595".utf8)))
        bytes[range.upperBound - 1] = UInt8(ascii: "6")
        try bytes.write(to: s3)

        let report = try inspect(f, only: ["seal"])
        XCTAssertEqual(keys(report), ["seal.invalid processing V001", "seal.invalid processing V002", "seal.invalid processing V003"])
        XCTAssertEqual(report.exitCode, 2)
    }

    func testWithoutATrustedCertificateSealValidityIsUnknown() throws {
        let f = try standardFixture()
        let report = try inspect(f, only: ["seal"], sealCert: nil)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.notes.count, 1)
        XCTAssertTrue(report.notes[0].text.contains("未配置受信任的签章证书"))
        XCTAssertEqual(report.exitCode, 3)
    }
}
