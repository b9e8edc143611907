import AcceptanceBundle
import ArchiveSamples
import Foundation
import XCTest

/// Bundles, keys and folders the acceptance-bundle tests share.
enum BundleFixture {
    static let team = try! DemoTeamCertificate.make(seed: "tests")
    static let stranger = try! DemoTeamCertificate.make(seed: "stranger", commonName: "冒名团队 DEMO")
    /// Valid only until 2021: anything signed now was signed with an expired certificate.
    static let expired = try! DemoTeamCertificate.make(seed: "expired", validFrom: "2019-01-01", validUntil: "2021-01-01")

    static let period = try! BundlePeriod(from: "2022-07", to: "2023-06")

    /// A small bundle of the real shape: README, pages in folders, a stylesheet.
    static let files: [(String, Data)] = [
        ("README.txt", Data("验收材料说明（测试）\n".utf8)),
        ("assets/site.css", Data(String(repeating: "body { font-family: sans-serif; }\n", count: 40).utf8)),
        ("index.html", Data("<!doctype html><html lang=\"zh-CN\"><title>运维总览</title><p>总览</p></html>\n".utf8)),
        ("inspections/2023-06-30.html", Data(("<!doctype html><p>巡检日报 2023-06-30</p>" + String(repeating: "<tr><td>同步检查</td><td>正常</td></tr>", count: 60)).utf8)),
        ("monthly/2023-06.html", Data(("<!doctype html><p>月度运维小结 2023年6月</p>" + String(repeating: "<li>工单已处理</li>", count: 80)).utf8)),
        ("tickets/T-0001.html", Data("<!doctype html><p>服务报告 T-0001</p>\n".utf8)),
    ]

    static func manifest() -> BundleManifest {
        BundleManifest(contract: .init(name: "企业电子档案资源共享中心运维服务（测试）", number: "TEST-2022-001"),
                       period: period, generator: .init(version: "test", commit: "0000000"),
                       database: .init(sha256: String(repeating: "0", count: 64), tables: ["ticket": 3]))
    }

    @discardableResult
    static func write(to url: URL, files: [(String, Data)] = files, identity: (certificatePEM: String, privateKeyPEM: String) = team,
                      signingTime: Date = Date()) throws -> BundleManifest {
        let writer = try BundleWriter(creating: url, period: period)
        for (path, data) in files { try writer.add(path, contents: data) }
        let signer = try BundleSigner(certificatePEM: identity.certificatePEM, privateKeyPEM: identity.privateKeyPEM)
        return try writer.finish(manifest: manifest(), signer: signer, signingTime: signingTime)
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func verify(_ bytes: [UInt8], cert: String? = team.certificatePEM) -> BundleReport {
        try! BundleVerifier(trustedCertificatePEM: cert).verify(DataByteSource(bytes), name: "in-memory")
    }
}

/// A deterministic random sequence (SplitMix64) so a failing fuzz case can be replayed from its seed.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Hand-built ZIP files for the hostile cases ZIPFoundation (rightly) refuses to write.
struct RawZIP {
    struct Entry {
        var name: String
        var stored: [UInt8]
        var method: UInt16 = 0
        var crc: UInt32 = 0
        var declaredSize: UInt32? = nil
        var mode: UInt32 = 0o100644
        /// Point this entry's local header at an earlier entry's (overlapping entries).
        var reuseOffsetOf: Int? = nil
    }

    var entries: [Entry]

    func bytes() -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        var offsets: [UInt32] = []
        for e in entries {
            let name = Array(e.name.utf8)
            let size = e.declaredSize ?? UInt32(e.stored.count)
            var offset = UInt32(out.count)
            if let i = e.reuseOffsetOf { offset = offsets[i] } else {
                out += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(e.method) + le16(0) + le16(0x56DE)
                out += le32(e.crc) + le32(UInt32(e.stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + e.stored
            }
            offsets.append(offset)
            directory += le32(0x0201_4b50) + le16(0x0315) + le16(20) + le16(0x0800) + le16(e.method) + le16(0) + le16(0x56DE)
            directory += le32(e.crc) + le32(UInt32(e.stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
            directory += le16(0) + le16(0) + le32(e.mode << 16) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += directory
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(directory.count)) + le32(start) + le16(0)
        return out
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
}
