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
                findings.append(finding(.failed, volume: volume,
                    detail: "案卷 \(volume.id) 电子文件生成失败（efile_status = failed\(since(volume.efileUpdatedAt))） (generation failed)"))
            case "generating":
                if let updated = volume.efileUpdatedAt, context.at.timeIntervalSince(updated) > t.efileStuckHours * 3600 {
                    findings.append(finding(.stuck, volume: volume,
                        detail: "案卷 \(volume.id) 电子文件“生成中”已 \(hours(context.at.timeIntervalSince(updated))) 小时（自 \(BureauTime.display(updated))），超过 \(formatted(t.efileStuckHours)) 小时 (stuck generating)"))
                }
            case "pending":
                if let created = volume.createdAt, context.at.timeIntervalSince(created) > t.efileBacklogHours * 3600 {
                    findings.append(finding(.backlog, volume: volume,
                        detail: "案卷 \(volume.id) 扫描完成 \(hours(context.at.timeIntervalSince(created))) 小时后电子文件仍待生成（扫描完成于 \(BureauTime.display(created))） (pending too long)"))
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
            switch context.reader.contents(context.path(site, relative)) {
            case .success(let d): data = d
            case .failure(let failure):
                context.note(Self.definition.id, site: site.id, path: relative, "volume.pdf \(failure.text)")
                continue
            }
            var problems: [String] = []
            let facts = PDFInspector.inspect(data)
            if facts.byteCount == 0 {
                problems.append("文件为空 (empty)")
            } else if !facts.isPDF {
                problems.append("不是 PDF 文件 (not a PDF)")
            } else {
                if !facts.hasEOF { problems.append("文件被截断，缺少 %%EOF (truncated)") }
                if let count = facts.pageCount {
                    if count != volume.pages { problems.append("页数 \(count) 与目录 pages = \(volume.pages) 不符 (page count differs)") }
                } else if facts.hasEOF {
                    problems.append("无法读出页数 (page count unreadable)")
                }
            }
            if !problems.isEmpty {
                findings.append(finding(.broken, site: site.id, volume: volume,
                    detail: "\(FindingText.site(site)) 的 \(relative)：\(problems.joined(separator: "；"))", path: relative))
            }
        }
        return findings
    }

    private func since(_ date: Date?) -> String { date.map { "，自 \(BureauTime.display($0))" } ?? "" }
    private func hours(_ seconds: TimeInterval) -> String { formatted(seconds / 3600) }
    private func formatted(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
    }
}
