import ArchiveEngine
import ArchiveSamples
import Foundation
import GRDB

/// Sample centers shared by the sample-center tests: generating one takes a second or two, so each kind
/// is made once per test run and only read afterwards.
enum SampleCenterFixtures {
    struct Center {
        var root: URL
        var manifest: SampleCenterManifest
        var catalog: DatabaseQueue
        /// The center's seal certificate as a PEM file beside the center, as `check --seal-cert` reads it.
        var sealCertificate: URL
    }

    static let inspection = SampleCenterOptions.defaultInspectionTime

    static func options(enterprises: Int, seed: String, faults: [String: Int]) -> SampleCenterOptions {
        SampleCenterOptions(enterprises: enterprises, seed: seed, queryDays: 4, diskHistoryDays: 60, faults: faults,
                            queriesPerDay: 60, maxPagesPerVolume: 4)
    }

    static func make(_ options: SampleCenterOptions) throws -> Center {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("archive-ops-sample-\(UUID().uuidString)/center", isDirectory: true)
        let manifest = try SampleCenter.generate(into: root, options: options)
        let pem = root.deletingLastPathComponent().appendingPathComponent("seal.pem")
        try Data(manifest.sealCertificatePEM.utf8).write(to: pem)
        var config = Configuration()
        config.readonly = true
        return Center(root: root, manifest: manifest,
                      catalog: try DatabaseQueue(path: root.appendingPathComponent("catalog.sqlite").path, configuration: config),
                      sealCertificate: pem)
    }

    /// Default faults (one or two of every code).
    static let faulty: Result<Center, Error> = Result {
        try make(options(enterprises: 70, seed: "fixture-faulty", faults: SampleCenterOptions.defaultFaults))
    }
    /// No faults at all.
    static let clean: Result<Center, Error> = Result { try make(options(enterprises: 45, seed: "fixture-clean", faults: [:])) }
}

extension SampleCenterFixtures.Center {
    /// The options of a test inspection of this center at the fixtures' inspection time, trusting its seal.
    func inspectionOptions(full: Bool) -> InspectionOptions {
        var options = InspectionOptions(center: root, at: SampleCenterFixtures.inspection)
        options.sealCertificate = sealCertificate
        options.full = full
        options.host = "ops-test"
        return options
    }

    /// Path of a site's store.
    func store(_ site: String) -> URL { root.appendingPathComponent("stores/\(site)", isDirectory: true) }

    func folder(site: String, uscc: String, seq: Int) -> URL {
        store(site).appendingPathComponent("\(uscc)/\(String(format: "%03d", seq))", isDirectory: true)
    }

    /// Every regular file under the center, as relative path → SHA-256 (sealed PDFs excluded: ECDSA is random).
    func fileHashes(includingSealed: Bool = false) throws -> [String: String] {
        var out: [String: String] = [:]
        let base = root.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir)
            if isDir.boolValue || rel == "catalog.sqlite" { continue }
            if !includingSealed && rel.hasSuffix("volume.sealed.pdf") { out[rel] = "sealed"; continue }
            out[rel] = sha256(try Data(contentsOf: URL(fileURLWithPath: base + "/" + rel)))
        }
        return out
    }
}

import Crypto

func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

// Reading a fixture catalog in one line: the same fetch methods, on the read-only queue.
extension Row {
    static func fetchAll(_ q: DatabaseQueue, sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try q.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }
    static func fetchOne(_ q: DatabaseQueue, sql: String, arguments: StatementArguments = []) throws -> Row? {
        try q.read { db in try Row.fetchOne(db, sql: sql, arguments: arguments) }
    }
}

extension DatabaseValueConvertible {
    static func fetchAll(_ q: DatabaseQueue, sql: String, arguments: StatementArguments = []) throws -> [Self] {
        try q.read { db in try Self.fetchAll(db, sql: sql, arguments: arguments) }
    }
    static func fetchOne(_ q: DatabaseQueue, sql: String, arguments: StatementArguments = []) throws -> Self? {
        try q.read { db in try Self.fetchOne(db, sql: sql, arguments: arguments) }
    }
}
