@_spi(CMS) import X509
import ArchiveEngine
import Crypto
import Foundation
import ZIPFoundation

/// Checks an acceptance bundle without extracting it: the signature over manifest.json, every file
/// against the manifest, and the ZIP itself against the canonical form ``BundleWriter`` produces, so
/// that any changed byte is found and the file it belongs to is named.
///
/// Reading is bounded: the central directory, manifest and signature are read whole under the limits
/// of ``BundleLimits``; file contents are streamed in chunks through the inflater and hashed, and an
/// entry that inflates to more than it declares is stopped at once.
public struct BundleVerifier {
    public var limits = BundleLimits()
    /// The certificate the signer must be (or chain to); nil means "say who signed, confirm nothing".
    public var trusted: Certificate?

    public init(trustedCertificatePEM: String? = nil) throws {
        if let pem = trustedCertificatePEM {
            do { trusted = try Certificate(pemEncoded: pem) } catch {
                throw BundleSigningError("--cert 给出的不是可读的 PEM 证书：\(error)。请给出团队证书（team.pem）。 (unreadable --cert)")
            }
        }
    }

    public func verify(url: URL) -> BundleReport {
        do {
            return verify(try FileByteSource(url: url), name: url.path)
        } catch {
            var report = BundleReport(bundle: url.path)
            report.unreadable = "\(error)"
            return report
        }
    }

    public func verify(_ source: ByteSource, name: String) -> BundleReport {
        var report = BundleReport(bundle: name)
        let layout: ZIPLayout
        do {
            layout = try ZIPLayout.read(source, limits: limits)
        } catch {
            report.unreadable = "\(error)"
            return report
        }
        report.structure = layout.archiveProblems
        let byPath = Dictionary(uniqueKeysWithValues: layout.entries.map { ($0.path, $0) })

        // 1. The manifest and its signature.
        var manifestBytes: Data? = nil
        if let entry = byPath[BundleWriter.manifestName] {
            do {
                manifestBytes = try readWhole(entry, from: source, limit: limits.maxManifestBytes)
            } catch {
                report.changed(entry.path, "\(error)")
            }
        }
        if let bytes = manifestBytes {
            do {
                let manifest = try BundleManifest.decode(bytes)
                if manifest.format == BundleManifest.currentFormat {
                    report.manifest = manifest
                } else {
                    report.changed(BundleWriter.manifestName, "格式 “\(manifest.format)” 不是本程序认识的 \(BundleManifest.currentFormat) (unknown manifest format)")
                }
            } catch {
                report.changed(BundleWriter.manifestName, "不是可读的清单 JSON：\(error) (unreadable manifest)")
            }
        }
        report.signature = signatureStatus(manifest: manifestBytes, signatureEntry: byPath[BundleWriter.signatureName], source: source)
        if case .invalid(let why) = report.signature, why.hasPrefix(Self.digestMismatchPrefix) {
            report.changed(BundleWriter.manifestName, "签名后被改动 (changed after signing)")
        }
        if case .invalid = report.signature, report.namedPaths.isEmpty {
            report.changed(BundleWriter.signatureName, "签名无法验证 (signature does not verify)")
        }

        // 2. Every file against the manifest.
        guard let manifest = report.manifest else {
            if manifestBytes == nil { report.missing.append(BundleWriter.manifestName) }
            return report
        }
        let listed = Set(manifest.files.map(\.path))
        for file in manifest.files {
            guard let entry = byPath[file.path] else { report.missing.append(file.path); continue }
            check(entry, against: file, source: source, into: &report)
        }
        if byPath[BundleWriter.signatureName] == nil { report.missing.append(BundleWriter.signatureName) }
        for entry in layout.entries where !listed.contains(entry.path)
            && entry.path != BundleWriter.manifestName && entry.path != BundleWriter.signatureName {
            report.added.append(entry.path)
        }

        // 3. The canonical form: order, header fields, times.
        let expectedOrder = manifest.files.map(\.path) + [BundleWriter.manifestName, BundleWriter.signatureName]
        let actualOrder = layout.entries.map(\.path)
        if actualOrder != expectedOrder, report.missing.isEmpty, report.added.isEmpty {
            report.structure.append("条目顺序与清单不符 (entries out of canonical order)")
        }
        let sortedByOffset = layout.entries.map(\.localHeaderOffset)
        if sortedByOffset != sortedByOffset.sorted() {
            report.structure.append("中央目录的顺序与数据顺序不一致 (central directory order differs from data order)")
        }
        let (date, time) = manifest.period.dosDateTime
        for entry in layout.entries {
            let stored = entry.path == BundleWriter.manifestName || entry.path == BundleWriter.signatureName
            for problem in Self.canonicalProblems(entry, date: date, time: time, stored: stored) {
                report.changed(entry.path, problem)
            }
        }
        return report
    }

    static let digestMismatchPrefix = "manifest.json 在签名后被改动"

    // MARK: - Signature

    private func signatureStatus(manifest: Data?, signatureEntry: ZIPLayout.Entry?, source: ByteSource) -> BundleReport.Signature {
        guard let manifest else { return .missing("缺少 manifest.json (no manifest.json)") }
        guard let entry = signatureEntry else { return .missing("缺少 manifest.sig (no manifest.sig)") }
        let signature: [UInt8]
        do {
            signature = [UInt8](try readWhole(entry, from: source, limit: limits.maxSignatureBytes))
        } catch {
            return .invalid("manifest.sig 无法读取：\(error)")
        }
        let envelope: CMSEnvelope
        let normalized: [UInt8]
        do {
            envelope = try CMSEnvelope(der: signature)
            normalized = try CMSDigestAlgorithmNormalizer.normalize(signature)
        } catch {
            return .invalid("manifest.sig 不是规范的 DER 编码 CMS 签名：\(error) (not a canonical DER CMS signature)")
        }
        let roots = trusted.map { [$0] } ?? envelope.certificates
        let data = [UInt8](manifest)
        let store = CertificateStore(roots)
        let result = SynchronousTask.run { () async -> CMS.SignatureVerificationResult in
            await CMS.isValidSignature(dataBytes: data, signatureBytes: normalized, trustRoots: store) { BundleSignerPolicy() }
        }
        switch result {
        case .success(let valid):
            let signer = "\(valid.signer.subject)"
            guard trusted != nil else { return .unconfirmed(signer: signer, signedAt: envelope.signingTime) }
            let at = envelope.signingTime ?? Date()
            if at > valid.signer.notValidAfter || at < valid.signer.notValidBefore {
                return .expired(signer: signer, notValidAfter: valid.signer.notValidAfter, signedAt: envelope.signingTime)
            }
            return .trusted(signer: signer, signedAt: envelope.signingTime)
        case .failure(.unableToValidateSigner(let failure)):
            // The team's key made the signature, but the certificate copy inside differs from the team's:
            // the copy was changed after signing, not signed by someone else.
            if let trusted, failure.signer.publicKey == trusted.publicKey {
                return .invalid("manifest.sig 中的证书副本被改动（与团队证书的公钥相同、内容不同） (certificate inside the signature changed)")
            }
            return .otherSigner(signer: "\(failure.signer.subject)")
        case .failure(.invalidCMSBlock(let block)):
            if block.reason.contains("Message digest mismatch") {
                return .invalid(Self.digestMismatchPrefix + "（摘要不符） (message digest mismatch)")
            }
            return .invalid("签名值校验失败：\(block.reason.prefix(160)) (signature does not verify)")
        }
    }

    // MARK: - Files

    private func check(_ entry: ZIPLayout.Entry, against file: BundleManifest.File, source: ByteSource, into report: inout BundleReport) {
        let before = report.changed.count
        if entry.uncompressedSize != file.size {
            report.changed(file.path, "大小不符：清单 \(file.size) 字节，ZIP 头 \(entry.uncompressedSize) 字节 (size differs)")
        }
        if entry.compressedSize != file.zip.size {
            report.changed(file.path, "存储大小不符：清单 \(file.zip.size) 字节，ZIP 头 \(entry.compressedSize) 字节 (stored size differs)")
        }
        let expectedMethod: UInt16 = file.zip.method == "store" ? 0 : 8
        if entry.method != expectedMethod {
            report.changed(file.path, "压缩方式与清单不符 (compression method differs)")
        }
        guard report.changed.count == before else { return }  // do not inflate what already disagrees
        do {
            let (content, stored, crc, size) = try digest(entry, from: source, limit: file.size)
            if stored != file.zip.sha256 { report.changed(file.path, "存储的字节被改动（SHA-256 不符） (stored bytes changed)") }
            if content != file.sha256 { report.changed(file.path, "内容被改动（SHA-256 不符） (content changed)") }
            if size != file.size { report.changed(file.path, "解压后 \(size) 字节，清单为 \(file.size) 字节 (size differs)") }
            if crc != entry.crc32 { report.changed(file.path, "CRC-32 与 ZIP 头不符 (CRC-32 differs)") }
        } catch {
            report.changed(file.path, "\(error)")
        }
        if report.changed.count == before { report.verifiedFiles += 1 }
    }

    /// Streams an entry once: SHA-256 of its stored bytes, SHA-256 and CRC-32 of its content, its size.
    /// Inflating stops as soon as the content grows past `limit` (a zip bomb cannot fill memory or time).
    private func digest(_ entry: ZIPLayout.Entry, from source: ByteSource, limit: UInt64)
        throws -> (content: String, stored: String, crc: UInt32, size: UInt64) {
        var storedHasher = SHA256(), contentHasher = SHA256()
        var produced: UInt64 = 0
        let chunk = limits.chunkSize
        let provider: Provider = { position, _ in
            let position = UInt64(position)
            guard position < entry.compressedSize else {
                throw VerifyError("压缩数据不完整：deflate 流没有正常结束 (deflate stream ends early)")
            }
            let bytes = try ZIPLayout.readBytes(source, at: entry.dataOffset + position,
                                               length: Int(min(UInt64(chunk), entry.compressedSize - position)))
            storedHasher.update(data: bytes)
            return Data(bytes)
        }
        let consumer: Consumer = { data in
            produced += UInt64(data.count)
            guard produced <= limit else {
                throw VerifyError("解压后超过声明的 \(limit) 字节：疑似 ZIP 炸弹，已停止 (inflates past its declared size: zip bomb)")
            }
            contentHasher.update(data: data)
        }
        var crc: UInt32 = 0
        if entry.method == 8 {
            do {
                crc = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: chunk, skipCRC32: false,
                                          provider: provider, consumer: consumer)
            } catch let error as VerifyError {
                throw error
            } catch {
                throw VerifyError("压缩数据损坏，无法解压：\(error) (corrupt deflate data)")
            }
        } else {
            var position: Int64 = 0
            while UInt64(position) < entry.compressedSize {
                let data = try provider(position, chunk)
                crc = data.crc32(checksum: crc)
                try consumer(data)
                position += Int64(data.count)
            }
        }
        return (BundleWriter.hex(contentHasher.finalize()), BundleWriter.hex(storedHasher.finalize()), crc, produced)
    }

    /// manifest.json or manifest.sig, which are stored uncompressed and small.
    private func readWhole(_ entry: ZIPLayout.Entry, from source: ByteSource, limit: Int) throws -> Data {
        guard entry.method == 0 else { throw VerifyError("应以存储方式（不压缩）保存 (must be stored uncompressed)") }
        guard entry.compressedSize == entry.uncompressedSize else { throw VerifyError("存储大小与原始大小不符 (sizes differ)") }
        guard entry.uncompressedSize <= UInt64(limit) else { throw VerifyError("\(entry.uncompressedSize) 字节，超过上限 \(limit) (too large)") }
        let bytes = try ZIPLayout.readBytes(source, at: entry.dataOffset, length: Int(entry.uncompressedSize))
        let data = Data(bytes)
        guard data.crc32(checksum: 0) == entry.crc32 else { throw VerifyError("CRC-32 与 ZIP 头不符 (CRC-32 differs)") }
        return data
    }

    /// How this entry's headers differ from what ``BundleWriter`` writes.
    static func canonicalProblems(_ e: ZIPLayout.Entry, date: UInt16, time: UInt16, stored: Bool) -> [String] {
        var problems: [String] = []
        if !e.localMismatches.isEmpty {
            problems.append("本地文件头与中央目录不一致：\(e.localMismatches.joined(separator: "、")) (local header differs from central directory)")
        }
        if e.dosDate != date || e.dosTime != time { problems.append("ZIP 中的修改时间不是期间末 (entry time is not the period end)") }
        if e.versionMadeBy != 0x0315 || e.versionNeeded != 20 || e.flags != 0x0800 || e.diskStart != 0 {
            problems.append("ZIP 头的版本或标志位被改动 (header version or flags changed)")
        }
        if e.internalAttributes != 0 || e.externalAttributes != UInt32(0o100644) << 16 {
            problems.append("ZIP 头中的文件属性被改动 (file attributes changed)")
        }
        if e.centralExtraLength != 0 || e.localExtraLength != 0 || e.commentLength != 0 {
            problems.append("ZIP 头带有额外字段或注释 (extra field or comment present)")
        }
        if stored && e.method != 0 { problems.append("应以存储方式（不压缩）保存 (must be stored uncompressed)") }
        return problems
    }
}

struct VerifyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
