import Foundation

/// 电子文件生成检查: volume.pdf generation that failed, hangs, or lags behind the scans, and a "done"
/// volume.pdf at the processing site that is unusable — empty, not a PDF, truncated (no `%%EOF`), or with
/// another page count than the catalog's `pages`.
///
/// The PDF structure is read by ``PDFInspector`` (page counting included); the copies at other sites are
/// compared by hash in ``SyncCheck``.
public struct EfileCheck: Check {
    public static let readsFiles = true

    public init() {}

    public func run(_ context: InspectionContext) throws -> [Finding] {
        let t = context.thresholds
        var findings: [Finding] = []
        for volume in context.volumes {
            switch volume.efileStatus {
            case "failed":
                var values: [String: FindingValue] = ["volume": .data(volume.id)]
                if let updated = volume.efileUpdatedAt { values["since"] = .data(BureauTime.display(updated)) }
                findings.append(finding(.failed, volume: volume, phrase: Phrase.failed, values))
            case "generating":
                if let updated = volume.efileUpdatedAt, context.at.timeIntervalSince(updated) > t.efileStuckHours * 3600 {
                    findings.append(finding(.stuck, volume: volume, phrase: Phrase.stuck,
                        ["volume": .data(volume.id), "hours": .data(hours(context.at.timeIntervalSince(updated))),
                         "since": .data(BureauTime.display(updated)), "limit": .data(formatted(t.efileStuckHours))]))
                }
            case "pending":
                if let created = volume.createdAt, context.at.timeIntervalSince(created) > t.efileBacklogHours * 3600 {
                    findings.append(finding(.backlog, volume: volume, phrase: Phrase.backlog,
                        ["volume": .data(volume.id), "hours": .data(hours(context.at.timeIntervalSince(created))),
                         "scanned": .data(BureauTime.display(created))]))
                }
            default:
                break
            }
        }
        return findings
    }

    public func inspect(_ batch: VolumeBatch, in context: InspectionContext) throws -> [Finding] {
        guard let site = context.processingSite, case .success(let roots) = context.rootFolders(of: site) else { return [] }
        var findings: [Finding] = []
        for volume in batch.volumes where volume.efileStatus == "done" && roots.contains(volume.uscc) {
            guard case .success(let listing) = context.listing(site: site, folder: volume.folder),
                  let entry = listing.entry(named: VolumeFolderContents.efileName), entry.kind == .file else { continue }
            let relative = "\(volume.folder)/\(VolumeFolderContents.efileName)"
            let data: Data
            switch context.contents(site: site, relative, sharingDigest: true) {
            case .success(let d): data = d
            case .failure(let failure):
                context.note(Self.definition.id, site: site.id, path: relative, "volume.pdf \(failure.text)")
                continue
            }
            var problems: [FindingMessage] = []
            let facts = PDFInspector.inspect(data)
            if facts.byteCount == 0 {
                problems.append(Phrase.empty())
            } else if !facts.isPDF {
                problems.append(Phrase.notPDF())
            } else {
                if !facts.hasEOF { problems.append(Phrase.truncated()) }
                if let count = facts.pageCount {
                    if count != volume.pages {
                        problems.append(Phrase.pageCount(["count": .data(String(count)), "pages": .data(String(volume.pages))]))
                    }
                } else if facts.hasEOF {
                    problems.append(Phrase.pageCountUnreadable())
                }
            }
            if !problems.isEmpty {
                findings.append(finding(.broken, site: site.id, volume: volume, phrase: Phrase.broken,
                    ["site": .centerSite(site), "path": .data(relative), "problems": .phrases(problems)], path: relative))
            }
        }
        return findings
    }

    private func hours(_ seconds: TimeInterval) -> String { formatted(seconds / 3600) }
    private func formatted(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
