import ArchiveEngine
import Crypto
import Foundation
import GRDB

/// A small but complete center snapshot written for one test: a real catalog.sqlite with the contract's
/// tables, and real stores for processing, dc, offsite and two branches. Volumes are written correct at
/// every site that must hold them; a test then breaks exactly what it wants to see reported.
public final class CenterFixture {
    public static let at = BureauTime.parse("2023-06-30T07:30:00+08:00")!
    public let root: URL
    public let catalogURL: URL
    private let db: DatabaseQueue
    public private(set) var volumes: [String: (uscc: String, seq: Int, pages: Int, branch: String)] = [:]
    public var sealFiles: Bool

    public static let sites: [(id: String, name: String, kind: String)] = [
        ("processing", "数据加工中心", "processing"), ("dc", "市局数据中心", "datacenter"),
        ("offsite", "异地云备份", "offsite"), ("branch-humen", "虎门分局", "branch"), ("branch-changan", "长安分局", "branch"),
    ]

    public init(sealFiles: Bool = true) throws {
        self.sealFiles = sealFiles
        root = FileManager.default.temporaryDirectory.appendingPathComponent("center-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("stores"), withIntermediateDirectories: true)
        catalogURL = root.appendingPathComponent("catalog.sqlite")
        db = try DatabaseQueue(path: catalogURL.path)
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE site (id TEXT PRIMARY KEY, name TEXT, kind TEXT, root TEXT);
                CREATE TABLE enterprise (uscc TEXT PRIMARY KEY, reg_no TEXT, name TEXT, former_names TEXT, branch_id TEXT, status TEXT,
                                         established_on TEXT);
                CREATE TABLE volume (id TEXT PRIMARY KEY, uscc TEXT, seq INTEGER, event TEXT, created_at TEXT, pages INTEGER,
                    efile_status TEXT, efile_updated_at TEXT, efile_sha256 TEXT, seal_status TEXT, sealed_at TEXT, seal_sha256 TEXT,
                    lock_owner TEXT, locked_at TEXT, extra_column TEXT);
                CREATE TABLE page (volume_id TEXT, no INTEGER, sha256 TEXT, bytes INTEGER, PRIMARY KEY (volume_id, no));
                CREATE TABLE query_log (id INTEGER PRIMARY KEY, at TEXT, channel TEXT, terminal TEXT, site_id TEXT, kind TEXT, text TEXT,
                                        result TEXT, uscc TEXT, latency_ms INTEGER);
                CREATE TABLE disk_sample (host TEXT, mount TEXT, at TEXT, total_bytes INTEGER, used_bytes INTEGER);
                CREATE TABLE something_newer (x INTEGER);
                """)
            for s in Self.sites {
                try db.execute(sql: "INSERT INTO site VALUES (?, ?, ?, ?)", arguments: [s.id, s.name, s.kind, "stores/\(s.id)"])
            }
        }
        for s in Self.sites {
            try FileManager.default.createDirectory(at: store(s.id), withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func close() throws { try db.close() }

    public func store(_ site: String) -> URL { root.appendingPathComponent("stores/\(site)") }

    /// A valid code: 17 digits derived from `n`, then the GB 32100 check character.
    public static func code(_ n: Int) -> String {
        USCC.complete("91441900" + String(format: "%09d", n))!
    }

    public func addEnterprise(_ uscc: String, name: String, branch: String = "branch-humen", former: [String] = [],
                              regNo: String? = nil) throws {
        let formerJSON = String(decoding: try JSONEncoder().encode(former), as: UTF8.self)
        try db.write { db in
            try db.execute(sql: "INSERT INTO enterprise VALUES (?, ?, ?, ?, ?, '存续', '2020-01-01')",
                           arguments: [uscc, regNo, name, formerJSON, branch])
        }
    }

    public static func pageBytes(_ volume: String, _ no: Int) -> Data {
        Data(String(repeating: "JPEG \(volume) page \(no);", count: 20 + no).utf8)
    }

    /// Adds a volume to the catalog and writes it, correct, at every site that must hold it.
    public func addVolume(_ id: String, uscc: String, seq: Int, branch: String = "branch-humen", pages: Int = 3,
                   created: String = "2023-06-01T10:00:00+08:00", efile: String = "done", seal: String? = nil,
                   efileUpdated: String = "2023-06-01T11:00:00+08:00", lockOwner: String? = nil, lockedAt: String? = nil,
                   writeFiles: Bool = true) throws {
        let sealStatus = seal ?? (efile == "done" && sealFiles ? "done" : "pending")
        let pdf = Self.pdf(pages: pages)
        let sealed = sealStatus == "done" ? try SealFixture.shared().seal(pdf) : nil
        try db.write { db in
            try db.execute(sql: """
                INSERT INTO volume (id, uscc, seq, event, created_at, pages, efile_status, efile_updated_at, efile_sha256,
                    seal_status, sealed_at, seal_sha256, lock_owner, locked_at) VALUES (?, ?, ?, '设立登记', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, uscc, seq, created, pages, efile, efileUpdated, efile == "done" ? Self.hex(pdf) : nil,
                                 sealStatus, sealed == nil ? nil : efileUpdated, sealed.map(Self.hex), lockOwner, lockedAt])
            for no in 1...max(pages, 1) where no <= pages {
                let bytes = Self.pageBytes(id, no)
                try db.execute(sql: "INSERT INTO page VALUES (?, ?, ?, ?)", arguments: [id, no, Self.hex(bytes), bytes.count])
            }
        }
        volumes[id] = (uscc, seq, pages, branch)
        guard writeFiles else { return }
        for site in ["processing", "dc", "offsite", branch] {
            let folder = volumeFolder(site, uscc: uscc, seq: seq)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.metadata(uscc: uscc, seq: seq, pages: pages).write(to: folder.appendingPathComponent("metadata.xml"))
            for no in 1...max(pages, 1) where no <= pages {
                try Self.pageBytes(id, no).write(to: folder.appendingPathComponent(String(format: "page-%04d.jpg", no)))
            }
            if efile == "done" { try pdf.write(to: folder.appendingPathComponent("volume.pdf")) }
            if let sealed { try sealed.write(to: folder.appendingPathComponent("volume.sealed.pdf")) }
        }
    }

    public func volumeFolder(_ site: String, uscc: String, seq: Int) -> URL {
        store(site).appendingPathComponent("\(uscc)/\(String(format: "%03d", seq))")
    }

    public func folder(_ site: String, _ volume: String) -> URL {
        let v = volumes[volume]!
        return volumeFolder(site, uscc: v.uscc, seq: v.seq)
    }

    public func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try db.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    public func addQuery(_ id: Int, at: String = "2023-06-29T10:00:00+08:00", site: String = "dc", kind: String, text: String,
                         result: String = "not_found") throws {
        try execute("INSERT INTO query_log VALUES (?, ?, 'kiosk', 'K01', ?, ?, ?, ?, NULL, 120)", [id, at, site, kind, text, result])
    }

    public static func metadata(uscc: String, seq: Int, pages: Int, namespace: String = VolumeMetadata.namespace) -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<volume xmlns=\"\(namespace)\">\n"
        xml += "  <uscc>\(uscc)</uscc><name>东莞市测试电子科技有限公司</name>\n"
        xml += "  <seq>\(seq)</seq><event>设立登记</event><created>2023-06-01T10:00:00+08:00</created>\n"
        xml += "  <pages count=\"\(pages)\"></pages>\n</volume>\n"
        return Data(xml.utf8)
    }

    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// A small, well-formed PDF with `pages` empty pages and a correct xref table.
    public static func pdf(pages: Int) -> Data {
        var objects: [String] = []
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        for _ in 0..<pages { objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>") }
        var out = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

/// A fixture with two enterprises in two branches and three clean volumes.
public func standardFixture(sealFiles: Bool = true) throws -> CenterFixture {
    let f = try CenterFixture(sealFiles: sealFiles)
    try f.addEnterprise(CenterFixture.code(1), name: "东莞市甲电子科技有限公司", branch: "branch-humen", former: ["东莞市甲电子厂"])
    try f.addEnterprise(CenterFixture.code(2), name: "东莞市乙贸易有限公司（分公司）", branch: "branch-changan")
    try f.addVolume("V001", uscc: CenterFixture.code(1), seq: 1, branch: "branch-humen")
    try f.addVolume("V002", uscc: CenterFixture.code(1), seq: 2, branch: "branch-humen", pages: 4)
    try f.addVolume("V003", uscc: CenterFixture.code(2), seq: 1, branch: "branch-changan", pages: 2)
    return f
}

/// A throw-away seal certificate and sealed PDFs made with the real `openssl cms -sign`, as the
/// bureau's sealing system would (SHA-256 with the explicit NULL parameters OpenSSL writes).
public final class SealFixture: @unchecked Sendable {
    private static var cached: SealFixture?
    /// One certificate pair per test process (key generation is the slow part).
    public static func shared() throws -> SealFixture {
        if let cached { return cached }
        let made = try SealFixture()
        cached = made
        return made
    }
    public let directory: URL
    public var certificate: URL { directory.appendingPathComponent("seal.pem") }
    public var key: URL { directory.appendingPathComponent("seal.key") }
    public var otherCertificate: URL { directory.appendingPathComponent("other.pem") }
    public var otherKey: URL { directory.appendingPathComponent("other.key") }

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("seal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (cert, key, cn) in [(certificate, key, "东莞市市场监督管理局电子印章"), (otherCertificate, otherKey, "Someone Else")] {
            try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", cert.path,
                              "-days", "3650", "-subj", "/CN=\(cn)", "-utf8"])
        }
    }

    public static func openssl(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw NSError(domain: "openssl", code: Int(p.terminationStatus)) }
    }

    /// `pdf` with a signature dictionary appended; `/Contents` holds a detached CMS over the ByteRange.
    public func seal(_ pdf: Data, other: Bool = false) throws -> Data {
        let placeholder = String(repeating: "0", count: 8192)
        var body = String(decoding: pdf, as: UTF8.self)
        if body.hasSuffix("%%EOF\n") { body.removeLast(6) }
        let head = body + "99 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
            + "/ByteRange [0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC] /Contents <"
        let tail = "> >>\nendobj\n%%EOF\n"
        let a = head.utf8.count
        // The ByteRange leaves out exactly `<hex>`: from the '<' to just after the '>'.
        let contentsStart = a - 1, contentsEnd = a + placeholder.count + 1
        let total = head.utf8.count + placeholder.count + tail.utf8.count
        let range = [0, contentsStart, contentsEnd, total - contentsEnd]
        let fixedHead = head
            .replacingOccurrences(of: "AAAAAAAAAA", with: String(format: "%010d", range[1]))
            .replacingOccurrences(of: "BBBBBBBBBB", with: String(format: "%010d", range[2]))
            .replacingOccurrences(of: "CCCCCCCCCC", with: String(format: "%010d", range[3]))
        var bytes = Data((fixedHead + placeholder + tail).utf8)
        let signed = bytes.prefix(range[1]) + bytes.suffix(range[3])
        let dataURL = directory.appendingPathComponent(UUID().uuidString)
        let sigURL = directory.appendingPathComponent(UUID().uuidString)
        try signed.write(to: dataURL)
        try Self.openssl(["cms", "-sign", "-binary", "-in", dataURL.path, "-signer", (other ? otherCertificate : certificate).path,
                          "-inkey", (other ? otherKey : key).path, "-outform", "DER", "-out", sigURL.path, "-md", "sha256"])
        let der = try Data(contentsOf: sigURL)
        let hex = der.map { String(format: "%02x", $0) }.joined()
        precondition(hex.count <= placeholder.count)
        let padded = hex + String(repeating: "0", count: placeholder.count - hex.count)
        bytes.replaceSubrange(a..<(a + placeholder.count), with: Data(padded.utf8))
        return bytes
    }
}
