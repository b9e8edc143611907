import ArchiveEngine
import ArchiveSamples
import Foundation
import GRDB
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class SampleCenterTests: XCTestCase {
    private var faulty: SampleCenterFixtures.Center { get throws { try SampleCenterFixtures.faulty.get() } }
    private var clean: SampleCenterFixtures.Center { get throws { try SampleCenterFixtures.clean.get() } }

    // MARK: - Determinism

    func testSameSeedGivesTheSameCatalogAndFilesExceptSignatures() throws {
        let options = SampleCenterFixtures.options(enterprises: 45, seed: "fixture-clean", faults: [:])
        let again = try SampleCenterFixtures.make(options)
        let first = try clean
        XCTAssertEqual(try again.fileHashes(), try first.fileHashes())
        for table in ["site", "enterprise", "page", "query_log", "disk_sample"] {
            XCTAssertEqual(try rows(first.catalog, "SELECT * FROM \(table) ORDER BY 1, 2, 3"),
                           try rows(again.catalog, "SELECT * FROM \(table) ORDER BY 1, 2, 3"), table)
        }
        let volumeColumns = "id, uscc, seq, event, created_at, pages, efile_status, efile_updated_at, efile_sha256, seal_status, "
            + "sealed_at, lock_owner, locked_at"
        XCTAssertEqual(try rows(first.catalog, "SELECT \(volumeColumns) FROM volume ORDER BY id"),
                       try rows(again.catalog, "SELECT \(volumeColumns) FROM volume ORDER BY id"))
        XCTAssertEqual(again.manifest.injected, first.manifest.injected)

        let other = try SampleCenterFixtures.make(SampleCenterFixtures.options(enterprises: 45, seed: "another-seed", faults: [:]))
        XCTAssertNotEqual(try rows(other.catalog, "SELECT uscc, name FROM enterprise ORDER BY uscc"),
                          try rows(first.catalog, "SELECT uscc, name FROM enterprise ORDER BY uscc"))
    }

    // MARK: - A clean center is clean

    func testCleanCenterFilesMatchTheCatalogAtEverySiteThatMustHoldThem() throws {
        let c = try clean
        XCTAssertEqual(c.manifest.injected, [])
        let verifier = try SealVerifier(trustedCertificatePEM: c.manifest.sealCertificatePEM)
        let at = SampleCenterFixtures.inspection
        let volumes = try Row.fetchAll(c.catalog, sql: """
            SELECT v.*, e.branch_id FROM volume v JOIN enterprise e ON e.uscc = v.uscc ORDER BY v.id
            """)
        XCTAssertGreaterThan(volumes.count, 60)
        var checkedFiles = 0, dueVolumes = 0, graceVolumes = 0
        for v in volumes {
            let id: String = v["id"], uscc: String = v["uscc"], seq: Int = v["seq"], pages: Int = v["pages"]
            let created = try XCTUnwrap(BureauTime.parse(v["created_at"]))
            guard at.timeIntervalSince(created) > 24 * 3600 else {
                // Not due: the processing center has it; any copy that already reached another site is intact.
                graceVolumes += 1
                let pageRows = try Row.fetchAll(c.catalog, sql: "SELECT no, sha256 FROM page WHERE volume_id = ?", arguments: [id])
                for site in ["processing", "dc", "offsite", v["branch_id"] as String] {
                    let dir = c.folder(site: site, uscc: uscc, seq: seq)
                    guard FileManager.default.fileExists(atPath: dir.path) else {
                        XCTAssertNotEqual(site, "processing", id)
                        continue
                    }
                    for p in pageRows {
                        let data = try Data(contentsOf: dir.appendingPathComponent(String(format: "page-%04d.jpg", p["no"] as Int)))
                        XCTAssertEqual(sha256(data), p["sha256"] as String, "\(site) \(id)")
                    }
                    if let pdfHash = v["efile_sha256"] as String? {
                        XCTAssertEqual(sha256(try Data(contentsOf: dir.appendingPathComponent("volume.pdf"))), pdfHash, "\(site) \(id)")
                    }
                }
                continue
            }
            dueVolumes += 1
            let pageRows = try Row.fetchAll(c.catalog, sql: "SELECT no, sha256, bytes FROM page WHERE volume_id = ? ORDER BY no",
                                            arguments: [id])
            XCTAssertEqual(pageRows.map { $0["no"] as Int }, Array(1...pages), id)
            for site in ["processing", "dc", "offsite", v["branch_id"] as String] {
                let dir = c.folder(site: site, uscc: uscc, seq: seq)
                let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                var expected = ["metadata.xml"] + (1...pages).map { String(format: "page-%04d.jpg", $0) }
                for p in pageRows {
                    let data = try Data(contentsOf: dir.appendingPathComponent(String(format: "page-%04d.jpg", p["no"] as Int)))
                    XCTAssertEqual(sha256(data), p["sha256"] as String, "\(site) \(id)")
                    XCTAssertEqual(data.count, p["bytes"] as Int)
                    checkedFiles += 1
                }
                if (v["efile_status"] as String) == "done" {
                    expected.append("volume.pdf")
                    let pdf = try Data(contentsOf: dir.appendingPathComponent("volume.pdf"))
                    XCTAssertEqual(sha256(pdf), v["efile_sha256"] as String?)
                    XCTAssertEqual(PDFInspector.inspect(pdf), PDFFacts(byteCount: pdf.count, isPDF: true, hasEOF: true, pageCount: pages))
                }
                if (v["seal_status"] as String) == "done" {
                    expected.append("volume.sealed.pdf")
                    let sealed = try Data(contentsOf: dir.appendingPathComponent("volume.sealed.pdf"))
                    XCTAssertEqual(sha256(sealed), v["seal_sha256"] as String?)
                    if site == "processing" { XCTAssertEqual(verifier.verify(sealed), .valid, id) }
                }
                XCTAssertEqual(names, expected.sorted(), "\(site) \(id)")
            }
            // Status rules: nothing failed, stuck, overdue or locked too long.
            let efile: String = v["efile_status"], seal: String = v["seal_status"]
            let efileUpdated = try XCTUnwrap(BureauTime.parse(v["efile_updated_at"]))
            XCTAssertNotEqual(efile, "failed"); XCTAssertNotEqual(seal, "failed")
            XCTAssertNotEqual(efile, "pending", id)
            if efile == "generating" { XCTAssertLessThan(at.timeIntervalSince(efileUpdated), 2 * 3600, id) }
            if efile == "done" && seal == "pending" { XCTAssertLessThan(at.timeIntervalSince(efileUpdated), 24 * 3600, id) }
            if let lockedAt = (v["locked_at"] as String?).flatMap({ BureauTime.parse($0) }) {
                XCTAssertLessThan(at.timeIntervalSince(lockedAt), 30 * 60, id)
            }
        }
        XCTAssertGreaterThan(checkedFiles, 500)
        XCTAssertGreaterThan(dueVolumes, 50)
        XCTAssertGreaterThan(graceVolumes, 0, "every center shows volumes inside the grace period")
        XCTAssertEqual(c.manifest.counts.volumesInGracePeriod, graceVolumes)
    }

    func testCleanCenterHasValidCodesConsecutiveSequencesNoStrayFoldersAndQuietDisks() throws {
        let c = try clean
        let codes = try String.fetchAll(c.catalog, sql: "SELECT uscc FROM enterprise")
        XCTAssertTrue(codes.allSatisfy(USCC.isValid), "\(codes.filter { !USCC.isValid($0) })")
        let seqs = try Row.fetchAll(c.catalog, sql: """
            SELECT uscc, group_concat(seq) AS s FROM (SELECT uscc, seq FROM volume ORDER BY uscc, seq) GROUP BY uscc
            """)
        for r in seqs {
            let s = (r["s"] as String).split(separator: ",").compactMap { Int($0) }
            XCTAssertEqual(s, Array(1...s.count), r["uscc"] as String)
        }
        // Every folder in every store is a catalog volume of an enterprise the site may hold.
        let known = Set(try Row.fetchAll(c.catalog, sql: "SELECT v.uscc, v.seq, e.branch_id FROM volume v JOIN enterprise e USING (uscc)")
            .map { "\($0["uscc"] as String)/\(String(format: "%03d", $0["seq"] as Int))|\($0["branch_id"] as String)" })
        let knownFolders = Set(known.map { String($0.split(separator: "|")[0]) })
        for site in try String.fetchAll(c.catalog, sql: "SELECT id FROM site") {
            for uscc in try FileManager.default.contentsOfDirectory(atPath: c.store(site).path) {
                for seq in try FileManager.default.contentsOfDirectory(atPath: c.store(site).appendingPathComponent(uscc).path) {
                    XCTAssertTrue(knownFolders.contains("\(uscc)/\(seq)"), "\(site) \(uscc)/\(seq)")
                    if site.hasPrefix("branch-") {
                        XCTAssertTrue(known.contains("\(uscc)/\(seq)|\(site)"), "misplaced \(site) \(uscc)/\(seq)")
                    }
                }
            }
        }
        // No not-found query in the window, and every mount below 80 % on its latest sample.
        let window = SampleCenter.notFoundWindow(for: SampleCenterFixtures.inspection)
        XCTAssertEqual(try Int.fetchOne(c.catalog, sql: "SELECT count(*) FROM query_log WHERE result = 'not_found' AND at >= ? AND at < ?",
                                        arguments: [BureauTime.iso(window.start), BureauTime.iso(window.end)]), 0)
        XCTAssertGreaterThan(try Int.fetchOne(c.catalog, sql: "SELECT count(*) FROM query_log WHERE result = 'not_found'") ?? 0, 0,
                             "days before the window have random misses")
        let latest = try Row.fetchAll(c.catalog, sql: """
            SELECT host, mount, used_bytes * 1.0 / total_bytes AS f FROM disk_sample d
            WHERE at = (SELECT max(at) FROM disk_sample x WHERE x.host = d.host AND x.mount = d.mount AND x.at <= ?)
            """, arguments: [BureauTime.iso(SampleCenterFixtures.inspection)])
        XCTAssertEqual(latest.count, 17)
        for r in latest { XCTAssertLessThan(r["f"] as Double, 0.7, "\(r["host"] as String) \(r["mount"] as String)") }
    }

    // MARK: - Formats

    func testMetadataIsNamespacedXMLThatFoundationXMLReads() throws {
        let c = try faulty
        let sample = try Row.fetchAll(c.catalog, sql: """
            SELECT v.uscc, v.seq, v.pages, e.name FROM volume v JOIN enterprise e USING (uscc)
            WHERE e.name LIKE '%（%' AND julianday('2023-06-29') > julianday(substr(v.created_at, 1, 10)) LIMIT 3
            """)
        XCTAssertFalse(sample.isEmpty)
        for r in sample {
            let url = c.folder(site: "processing", uscc: r["uscc"], seq: r["seq"]).appendingPathComponent("metadata.xml")
            let doc = try XMLDocument(contentsOf: url, options: [])
            let root = try XCTUnwrap(doc.rootElement())
            XCTAssertEqual(root.localName, "volume")
            XCTAssertEqual(root.uri, "urn:archive-center:volume:1")
            XCTAssertEqual(root.elements(forLocalName: "uscc", uri: "urn:archive-center:volume:1").first?.stringValue, r["uscc"] as String)
            XCTAssertEqual(root.elements(forLocalName: "name", uri: "urn:archive-center:volume:1").first?.stringValue, r["name"] as String)
            let pages = try XCTUnwrap(root.elements(forLocalName: "pages", uri: "urn:archive-center:volume:1").first)
            // (FoundationXML on Linux does not find attributes by name on namespaced elements; read the list.)
            XCTAssertEqual(pages.attributes?.first { $0.name == "count" || $0.localName == "count" }?.stringValue,
                           String(r["pages"] as Int))
            XCTAssertEqual(pages.elements(forLocalName: "page", uri: "urn:archive-center:volume:1").count, r["pages"] as Int)
        }
    }

    func testSealedVolumesVerifyWithOpenSSLAndPoppler() throws {
        let c = try clean
        let scratch = try ScratchFolder()
        let pem = try scratch.write("seal.pem", Data(c.manifest.sealCertificatePEM.utf8))
        let rows = try Row.fetchAll(c.catalog, sql: "SELECT uscc, seq FROM volume WHERE seal_status = 'done' ORDER BY id LIMIT 2")
        XCTAssertEqual(rows.count, 2)
        for r in rows {
            let url = c.folder(site: "dc", uscc: r["uscc"], seq: r["seq"]).appendingPathComponent("volume.sealed.pdf")
            let poppler = try ExternalTool.run("pdfsig", [url.path])
            XCTAssertTrue(poppler.output.contains("Signature is Valid"), poppler.output)
            XCTAssertTrue(poppler.output.contains("Total document signed"), poppler.output)
            let parts = try SealedParts(try Data(contentsOf: url))
            let data = try scratch.write("data", parts.signedBytes)
            let sig = try scratch.write("sig", parts.der)
            let openssl = try ExternalTool.run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-content", data.path,
                                                           "-in", sig.path, "-CAfile", pem.path, "-purpose", "any", "-out", "/dev/null"])
            XCTAssertEqual(openssl.status, 0, openssl.output)
        }
    }

    func testPagesAreRealJPEGsThatPopplerDecodes() throws {
        let c = try clean
        let r = try XCTUnwrap(try Row.fetchOne(c.catalog, sql: "SELECT uscc, seq FROM volume ORDER BY id LIMIT 1"))
        let folder = c.folder(site: "processing", uscc: r["uscc"], seq: r["seq"])
        let jpeg = try Data(contentsOf: folder.appendingPathComponent("page-0001.jpg"))
        XCTAssertEqual(Array(jpeg.prefix(3)), [0xFF, 0xD8, 0xFF])
        // Wrap the page as a DCT image in a one-page PDF and let poppler decode and render it.
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        func add(_ s: Data) { offsets.append(pdf.count); pdf.append(s) }
        add(Data("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".utf8))
        add(Data("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n".utf8))
        add(Data(("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 8 8] /Resources << /XObject << /Im 4 0 R >> >> "
                  + "/Contents 5 0 R >> endobj\n").utf8))
        add(Data(("4 0 obj << /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                  + "/Filter /DCTDecode /Length \(jpeg.count) >>\nstream\n").utf8) + jpeg + Data("\nendstream endobj\n".utf8))
        let content = "q 8 0 0 8 0 0 cm /Im Do Q"
        add(Data("5 0 obj << /Length \(content.count) >>\nstream\n\(content)\nendstream endobj\n".utf8))
        let xref = pdf.count
        pdf.append(Data("xref\n0 6\n0000000000 65535 f\r\n".utf8))
        for o in offsets { pdf.append(Data(String(format: "%010d 00000 n\r\n", o).utf8)) }
        pdf.append(Data("trailer << /Size 6 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        let scratch = try ScratchFolder()
        let url = try scratch.write("page.pdf", pdf)
        let out = try ExternalTool.run("pdftoppm", ["-gray", "-r", "72", url.path, scratch.file("render").path])
        XCTAssertEqual(out.status, 0, out.output)
        XCTAssertFalse(out.output.lowercased().contains("error"), out.output)
        let rendered = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix("render") }
        XCTAssertEqual(rendered.count, 1)
    }

    // MARK: - Manifest

    func testManifestListsEveryContractCodeWhenFaultsAreOn() throws {
        let c = try faulty
        let contract = Set(CheckCatalog.all.flatMap { $0.codes.map(\.code) })
        XCTAssertEqual(Set(c.manifest.injected.map(\.code)), contract)
        // Each finding is listed under the check that reports it.
        for f in c.manifest.injected {
            XCTAssertEqual(CheckCatalog.definition(code: f.code).map { _ in f.code.split(separator: ".").first.map(String.init) ?? "" },
                           f.check,
                           "\(f.code) listed under \(f.check)")
        }
        // One finding per identity.
        XCTAssertEqual(Set(c.manifest.injected.map { "\($0.check)|\($0.matchKey)" }).count, c.manifest.injected.count)
        // A fixity fault is a sync.corrupt for the sync check too.
        let fixity = c.manifest.expected(check: "fixity")
        XCTAssertFalse(fixity.isEmpty)
        for f in fixity {
            XCTAssertTrue(c.manifest.injected.contains { $0.code == "sync.corrupt" && $0.site == f.site && $0.volume == f.volume })
        }
    }

    func testInjectedNotFoundQueriesAreExactlyTheWindowsMisses() throws {
        let c = try faulty
        let window = SampleCenter.notFoundWindow(for: SampleCenterFixtures.inspection)
        XCTAssertEqual(c.manifest.notFoundWindowStart, "2023-06-29T00:00:00+08:00")
        XCTAssertEqual(c.manifest.notFoundWindowEnd, "2023-06-30T00:00:00+08:00")
        let misses = try Int64.fetchAll(c.catalog, sql: "SELECT id FROM query_log WHERE result = 'not_found' AND at >= ? AND at < ?",
                                        arguments: [BureauTime.iso(window.start), BureauTime.iso(window.end)])
        XCTAssertEqual(Set(misses), Set(c.manifest.expected(check: "notfound").compactMap(\.query)))
        let codes = Set(try String.fetchAll(c.catalog, sql: "SELECT uscc FROM enterprise"))
        for f in c.manifest.expected(check: "notfound") {
            let text = try XCTUnwrap(try String.fetchOne(c.catalog, sql: "SELECT text FROM query_log WHERE id = ?", arguments: [f.query]))
            switch f.code {
            case "notfound.invalid_code":
                XCTAssertFalse(USCC.isValid(text)); XCTAssertFalse(codes.contains(text))
                let near = codes.filter { zip($0, text).filter { $0 != $1 }.count == 1 && $0.count == text.count }
                XCTAssertEqual(near, [f.uscc].compactMap { $0 }.reduce(into: Set<String>()) { $0.insert($1) })
            case "notfound.former_name":
                let former = try XCTUnwrap(try String.fetchOne(c.catalog, sql: "SELECT former_names FROM enterprise WHERE uscc = ?",
                                                               arguments: [f.uscc]))
                XCTAssertTrue(former.contains(text))
                XCTAssertEqual(try Int.fetchOne(c.catalog, sql: "SELECT count(*) FROM enterprise WHERE name = ?", arguments: [text]), 0)
            case "notfound.name_variant":
                let name = try XCTUnwrap(try String.fetchOne(c.catalog, sql: "SELECT name FROM enterprise WHERE uscc = ?",
                                                             arguments: [f.uscc]))
                XCTAssertNotEqual(text, name)
                let squash = { (s: String) in
                    s.replacingOccurrences(of: " ", with: "")
                        .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
                }
                XCTAssertEqual(squash(text), name)
            case "notfound.not_synced":
                let volumes = try Row.fetchAll(c.catalog, sql: "SELECT uscc, seq FROM volume WHERE uscc = ?", arguments: [f.uscc])
                XCTAssertEqual(volumes.count, 1)
                for v in volumes {
                    XCTAssertFalse(FileManager.default.fileExists(atPath: c.folder(site: "dc", uscc: v["uscc"], seq: v["seq"]).path))
                }
            case "notfound.no_volume":
                XCTAssertEqual(try Int.fetchOne(c.catalog, sql: "SELECT count(*) FROM volume WHERE uscc = ?", arguments: [text]), 0)
                XCTAssertTrue(codes.contains(text))
            default:
                XCTAssertEqual(f.code, "notfound.unknown")
                XCTAssertFalse(codes.contains(text))
                XCTAssertEqual(try Int.fetchOne(c.catalog, sql: "SELECT count(*) FROM enterprise WHERE name = ? OR former_names LIKE ?",
                                                arguments: [text, "%\(text)%"]), 0)
            }
        }
    }

    func testInjectedSealAndEfileFaultsAreVisibleOnlyAtTheProcessingCopyAndKeepTheirCatalogHash() throws {
        let c = try faulty
        let verifier = try SealVerifier(trustedCertificatePEM: c.manifest.sealCertificatePEM)
        for f in c.manifest.injected where f.code == "seal.invalid" || f.code == "efile.broken" {
            let v = try XCTUnwrap(try Row.fetchOne(c.catalog, sql: "SELECT * FROM volume WHERE id = ?", arguments: [f.volume]))
            let file = f.code == "seal.invalid" ? "volume.sealed.pdf" : "volume.pdf"
            let hashColumn = f.code == "seal.invalid" ? "seal_sha256" : "efile_sha256"
            let branch = try XCTUnwrap(try String.fetchOne(c.catalog, sql: "SELECT branch_id FROM enterprise WHERE uscc = ?",
                                                           arguments: [v["uscc"] as String]))
            for site in ["processing", "dc", "offsite", branch] {
                let data = try Data(contentsOf: c.folder(site: site, uscc: v["uscc"], seq: v["seq"]).appendingPathComponent(file))
                XCTAssertEqual(sha256(data), v[hashColumn] as String?,
                               "\(f.code) \(site): the catalog hash is of the bad file, so no sync.corrupt")
                if f.code == "seal.invalid" {
                    XCTAssertNotEqual(verifier.verify(data), .valid)
                } else {
                    let facts = PDFInspector.inspect(data)
                    XCTAssertFalse(facts.isPDF && facts.hasEOF && facts.pageCount == v["pages"] as Int, "\(f.volume ?? "")")
                }
            }
        }
    }

    func testDiskFaultsAreTheOnlyMountsOverThresholdOrFillingFast() throws {
        let c = try faulty
        let expected = c.manifest.expected(check: "disk")
        XCTAssertEqual(Set(expected.map(\.code)), ["disk.usage", "disk.forecast"])
        let samples = try Row.fetchAll(c.catalog,
                                       sql: "SELECT host, mount, at, total_bytes, used_bytes FROM disk_sample ORDER BY host, mount, at")
        var byMount: [String: [(Double, Double)]] = [:]
        for s in samples {
            let t = try XCTUnwrap(BureauTime.parse(s["at"])).timeIntervalSince1970 / 86400
            let used = Double(s["used_bytes"] as Int64) / Double(s["total_bytes"] as Int64)
            byMount["\(s["host"] as String)|\(s["mount"] as String)", default: []].append((t, used))
        }
        for (key, points) in byMount {
            // Least-squares slope, and the days until full from the latest sample.
            let n = Double(points.count)
            let mx = points.map(\.0).reduce(0, +) / n, my = points.map(\.1).reduce(0, +) / n
            let slope = points.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +) / points.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
            let latest = try XCTUnwrap(points.last).1
            let daysToFull = slope > 0 ? (1 - latest) / slope : .infinity
            let parts = key.split(separator: "|").map(String.init)
            let usage = expected.contains { $0.code == "disk.usage" && $0.host == parts[0] && $0.mount == parts[1] }
            let forecast = expected.contains { $0.code == "disk.forecast" && $0.host == parts[0] && $0.mount == parts[1] }
            XCTAssertEqual(latest >= 0.8, usage, key)
            XCTAssertEqual(daysToFull <= 90, forecast, "\(key): \(daysToFull) days")
        }
    }

    func testFindingsMatchTheManifestByTheIdentityOfTheirKind() throws {
        let c = try faulty
        // What an engine would print for some injected problems, with its own details and extra fields.
        for expected in c.manifest.injected {
            let finding = Finding(check: expected.check, code: expected.code, severity: .warning,
                                  site: expected.code.hasPrefix("notfound.") || expected.code.hasPrefix("efile.f") ? "dc" : expected.site,
                                  volume: expected.volume, uscc: expected.uscc, detail: "引擎自己的说明 (engine text)",
                                  query: expected.query, host: expected.host, mount: expected.mount,
                                  path: expected.path.map { $0 + "/" })
            XCTAssertTrue(c.manifest.expectedKeys(check: expected.check).contains(finding.sampleMatchKey), expected.matchKey)
        }
        // A finding on the right volume but at the wrong site does not count.
        let missing = try XCTUnwrap(c.manifest.injected.first { $0.code == "sync.missing" })
        let wrongSite = Finding(check: "sync", code: "sync.missing", severity: .critical, site: "processing",
                                volume: missing.volume, uscc: missing.uscc, detail: "")
        XCTAssertFalse(c.manifest.expectedKeys(check: "sync").contains(wrongSite.sampleMatchKey))
    }

    // MARK: - Refusals

    func testRefusesANonEmptyFolderTooFewEnterprisesAndUnknownCodes() throws {
        let scratch = try ScratchFolder()
        try scratch.write("keep.txt", Data("mine".utf8))
        XCTAssertThrowsError(try SampleCenter.generate(into: scratch.url,
                                                       options: SampleCenterFixtures.options(enterprises: 50, seed: "x", faults: [:]))) {
            XCTAssertTrue("\($0)".contains("不为空"), "\($0)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["keep.txt"])
        XCTAssertThrowsError(try SampleCenter.generate(into: scratch.file("a"),
                                                       options: SampleCenterFixtures.options(enterprises: 12, seed: "x",
                                                                                             faults: SampleCenterOptions.defaultFaults))) {
            XCTAssertTrue("\($0)".contains("--enterprises"), "\($0)")
        }
        XCTAssertThrowsError(try SampleCenter.generate(into: scratch.file("b"),
                                                       options: SampleCenterFixtures.options(enterprises: 30, seed: "x",
                                                                                             faults: ["sync.lost": 1]))) {
            XCTAssertTrue("\($0)".contains("sync.lost"), "\($0)")
        }
    }

    private func rows(_ db: DatabaseQueue, _ sql: String) throws -> [[String]] {
        try db.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.description } }
        }
    }
}
