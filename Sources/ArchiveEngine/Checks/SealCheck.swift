import Foundation

/// 签章文件生成检查: sealing that failed or lags behind the e-files, and a sealed file at the processing
/// site whose signature does not verify, whose ByteRange leaves bytes unsigned, or whose signer is not the
/// bureau's trusted seal certificate.
///
/// The signature itself is verified by ``SealVerifier`` (swift-certificates' CMS support). The sealed file
/// is judged where it is made — the processing site; the copies at other sites are compared with the
/// catalog's `seal_sha256` by ``SyncCheck``, so one bad seal gives one finding.
public final class SealCheck: Check {
    public static let readsFiles = true

    private var verifier: SealVerifier?
    private var verifierChecked = false

    public init() {}

    public func run(_ context: InspectionContext) throws -> [Finding] {
        var findings: [Finding] = []
        let backlog = context.thresholds.sealBacklogHours * 3600
        for volume in context.volumes {
            if volume.sealStatus == "failed" {
                findings.append(finding(.failed, volume: volume, phrase: Phrase.failed, ["volume": .data(volume.id)]))
            } else if volume.sealStatus == "pending", volume.efileStatus == "done",
                      let efileDone = volume.efileUpdatedAt, context.at.timeIntervalSince(efileDone) > backlog {
                let hours = Int(context.at.timeIntervalSince(efileDone) / 3600)
                findings.append(finding(.backlog, volume: volume, phrase: Phrase.backlog,
                    ["volume": .data(volume.id), "hours": .data(String(hours)), "efileDone": .data(BureauTime.display(efileDone))]))
            }
        }
        return findings
    }

    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        guard let site = context.processingSite, case .success(let roots) = context.rootFolders(of: site) else { return [] }
        var sealed: [(volume: CatalogVolume, relative: String)] = []
        for volume in batch.volumes where roots.contains(volume.uscc) {
            guard case .success(let listing) = context.listing(site: site, folder: volume.folder),
                  let entry = listing.entry(named: VolumeFolderContents.sealedName), entry.kind == .file else { continue }
            sealed.append((volume, "\(volume.folder)/\(VolumeFolderContents.sealedName)"))
        }
        guard !sealed.isEmpty, let verifier = verifier(context) else { return [] }
        // The CMS library is async: the slice's seals are read and verified inside one task, one file at a
        // time (memory holds one seal), so the slice costs one hop to the verification thread, not one per file.
        let check = SendableSealCheck(check: self, verifier: verifier)
        let files = sealed
        return SealVerifier.verifyAll { await check.judge(files, at: site, in: context) }
    }

    /// Reads each sealed file and returns the findings of those that do not verify (in the slice's order).
    private func judge(_ sealed: [(volume: CatalogVolume, relative: String)], at site: CenterSite, verifier: SealVerifier,
                       in context: InspectionContext) async -> [Finding] {
        var findings: [Finding] = []
        for (volume, relative) in sealed {
            let data: Data
            switch context.contents(site: site, relative, sharingDigest: true) {
            case .success(let d): data = d
            case .failure(let failure):
                context.note(Self.definition.id, site: site.id, path: relative, "签章文件\(failure.text)")
                continue
            }
            let verdict = await verifier.verify(data)
            if verdict.isValid { continue }
            findings.append(finding(.invalid, site: site.id, volume: volume, phrase: Phrase.invalid,
                                    ["site": .centerSite(site), "path": .data(relative), "reason": .bilingual(verdict.detail)],
                                    path: relative))
        }
        return findings
    }

    /// The check and its verifier carried into the verification task; the check is used by one worker at a
    /// time, and that worker waits for the task.
    private struct SendableSealCheck: @unchecked Sendable {
        let check: SealCheck
        let verifier: SealVerifier
        func judge(_ sealed: [(volume: CatalogVolume, relative: String)], at site: CenterSite,
                   in context: InspectionContext) async -> [Finding] {
            await check.judge(sealed, at: site, verifier: verifier, in: context)
        }
    }

    /// The verifier for the configured certificate, made once; without one the seal cannot be judged (UNKNOWN).
    private func verifier(_ context: InspectionContext) -> SealVerifier? {
        if verifierChecked { return verifier }
        verifierChecked = true
        guard let pem = context.sealCertificatePEM else {
            context.note(Self.definition.id, "未配置受信任的签章证书（seal_certificate 或 --seal-cert），签章有效性未检查 (no trusted seal certificate)")
            return nil
        }
        do {
            verifier = try SealVerifier(trustedCertificatePEM: pem)
        } catch {
            context.note(Self.definition.id, path: context.sealCertificatePath,
                         "签章证书无法读取为 PEM 证书: \(error)。签章有效性未检查 (seal certificate unreadable)")
        }
        return verifier
    }
}
