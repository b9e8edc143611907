import ArchiveEngine
import Foundation

/// Applies one planned fault to its enterprise before it is written, and records the findings the
/// engine must report for it. The reasons for each shape are on ``SampleCenter``.
extension SampleCenterGenerator {
    func prepare(_ fault: SampleFault, enterprise e: inout SampleEnterprise, damage: inout [String: VolumeDamage],
                 rng: inout SplitMix64) throws {
        let branch = e.branch.id
        func expect(_ code: some FindingCode, site: String? = nil, volume: String? = nil, uscc: String? = nil,
                    path: String? = nil, _ injection: String) {
            injected.append(ExpectedFinding(code, site: site, volume: volume, uscc: uscc ?? e.uscc, path: path,
                                            injection: injection))
        }
        guard !e.volumes.isEmpty else {
            // Only notfound.no_volume has an enterprise without volumes.
            if case .notfoundNoVolume = fault {
                notFoundRequests.append(.init(code: .noVolume, kind: "uscc", text: e.uscc, uscc: e.uscc,
                                              injection: "查询无案卷企业的代码 (query for an enterprise without volumes)"))
            }
            return
        }
        var v = e.volumes[0]
        var d = VolumeDamage()
        let folder = "\(e.uscc)/\(String(format: "%03d", v.seq))"

        switch fault {
        case .syncMissing(let k):
            switch k % 4 {
            case 0:
                d.absentAt = [branch]
                expect(SyncCheck.Code.missing, site: branch, volume: v.id, "分局缺少整个案卷文件夹 \(folder) (volume folder absent at the branch)")
            case 1:
                d.absentAt = ["offsite"]
                expect(SyncCheck.Code.missing, site: "offsite", volume: v.id, "异地备份缺少整个案卷文件夹 \(folder) (volume folder absent offsite)")
            case 2:
                d.missingFile["dc"] = "volume.sealed.pdf"
                expect(SyncCheck.Code.missing, site: "dc", volume: v.id, "市局数据中心缺少 \(folder)/volume.sealed.pdf (sealed file absent at dc)")
            default:
                d.missingFile[branch] = "metadata.xml"
                expect(SyncCheck.Code.missing, site: branch, volume: v.id, "分局缺少 \(folder)/metadata.xml (metadata absent at the branch)")
            }
        case .syncCorrupt(let k):
            switch k % 3 {
            case 0:
                d.corruptFile[branch] = ("page-0001.jpg", .truncate)
                expect(SyncCheck.Code.corrupt, site: branch, volume: v.id, "分局的 \(folder)/page-0001.jpg 只复制了一半 (page truncated at the branch)")
            case 1:
                let other = [UInt8](SamplePDF.make(title: "\(e.name) 旧版本 \(v.id)", pages: v.pages))
                d.corruptFile[branch] = ("volume.pdf", .replace(other))
                expect(SyncCheck.Code.corrupt, site: branch, volume: v.id, "分局的 \(folder)/volume.pdf 是旧版本 (another PDF at the branch)")
            default:
                d.corruptFile[branch] = ("volume.sealed.pdf", .truncate)
                expect(SyncCheck.Code.corrupt, site: branch, volume: v.id, "分局的 \(folder)/volume.sealed.pdf 被截断 (sealed file truncated at the branch)")
            }
        case .syncMisplaced:
            let branches = DongguanGazetteer.branches
            let here = branches.firstIndex { $0.id == branch } ?? 0
            let wrong = branches[(here + 1) % branches.count].id
            d.misplacedAt = [wrong]
            expect(SyncCheck.Code.misplaced, site: wrong, volume: v.id, "\(wrong) 存有 \(branch) 管辖企业的案卷 \(folder) (copy at a branch without jurisdiction)")
        case .efileFailed:
            v.efileStatus = "failed"; v.efileUpdatedAt = v.createdAt.addingTimeInterval(5400)
            v.sealStatus = "pending"; v.sealedAt = nil
            expect(EfileCheck.Code.failed, volume: v.id, "efile_status = failed")
        case .efileStuck:
            v.efileStatus = "generating"; v.efileUpdatedAt = at.addingTimeInterval(-5 * 3600)
            v.sealStatus = "pending"; v.sealedAt = nil
            expect(EfileCheck.Code.stuck, volume: v.id, "efile_status = generating，已 5 小时 (generating for 5 h)")
        case .efileBacklog:
            v.efileStatus = "pending"; v.efileUpdatedAt = v.createdAt
            v.sealStatus = "pending"; v.sealedAt = nil
            expect(EfileCheck.Code.backlog, volume: v.id, "efile_status = pending，扫描完成已超过 24 小时 (pending since scanning)")
        case .efileBroken(let k):
            let good = [UInt8](SamplePDF.make(title: "\(e.name) \(v.event) 第\(v.seq)卷 \(v.id)", pages: v.pages))
            let how: String
            switch k % 4 {
            case 0: d.brokenPDF = Array(good.prefix(good.count * 2 / 3)); how = "被截断，缺少 %%EOF (truncated)"
            case 1: d.brokenPDF = [UInt8](SamplePDF.make(title: "\(e.name) \(v.id)", pages: v.pages - 1)); how = "页数比 pages 少一页 (one page short)"
            case 2: d.brokenPDF = []; how = "为空文件 (empty)"
            default: d.brokenPDF = SampleJPEG.make(label: "not a pdf", padding: 500, rng: &rng); how = "不是 PDF（是 JPEG） (not a PDF)"
            }
            v.efileUpdatedAt = at.addingTimeInterval(-Double(rng.int(3...20)) * 3600)
            v.sealStatus = "pending"; v.sealedAt = nil
            expect(EfileCheck.Code.broken, site: "processing", volume: v.id, "加工中心的 volume.pdf \(how)")
        case .sealFailed:
            v.sealStatus = "failed"; v.sealedAt = nil
            expect(SealCheck.Code.failed, volume: v.id, "seal_status = failed")
        case .sealBacklog:
            v.efileUpdatedAt = v.createdAt.addingTimeInterval(3600)
            v.sealStatus = "pending"; v.sealedAt = nil
            expect(SealCheck.Code.backlog, volume: v.id, "电子文件生成后超过 24 小时仍未签章 (seal pending for days)")
        case .sealInvalid(let k):
            let time = v.sealedAt ?? v.efileUpdatedAt
            let how: String
            switch k % 3 {
            case 0:
                let s = signer
                d.sealedOverride = { pdf in
                    var sealed = [UInt8](try s.seal(Data(pdf), signingTime: time))
                    // Change one character of the page text after signing: "Page 1 of" → "Page 7 of".
                    if let i = Self.firstIndex(of: Array("Page 1 of".utf8), in: sealed) { sealed[i + 5] = UInt8(ascii: "7") }
                    return sealed
                }
                how = "签章后内容被修改 (content changed after sealing)"
            case 1:
                let s = signer
                d.sealedOverride = { pdf in
                    try [UInt8](s.seal(Data(pdf), signingTime: time)) + Array("\n% 签章后追加 appended after sealing\n%%EOF\n".utf8)
                }
                how = "签章后被追加内容 (bytes appended after sealing)"
            default:
                let s = foreignSigner
                d.sealedOverride = { pdf in try [UInt8](s.seal(Data(pdf), signingTime: time)) }
                how = "由另一张同名证书签章 (sealed by another certificate with the same name)"
            }
            expect(SealCheck.Code.invalid, site: "processing", volume: v.id, "加工中心的 volume.sealed.pdf \(how)")
        case .staleLock:
            v.lockOwner = "WS-\(e.branch.tag)-0\(rng.int(1...4))"
            v.lockedAt = at.addingTimeInterval(-Double(rng.int(45...360)) * 60)
            expect(AnomalyCheck.Code.staleLock, volume: v.id, "工作站 \(v.lockOwner ?? "") 持有编辑锁超过 30 分钟 (lock held too long)")
        case .misfiled:
            let other = previous ?? (USCC.complete("91440300MA5D7K2L0") ?? "91440300MA5D7K2L00", "深圳市样例科技有限公司")
            d.misfiledAt[branch] = other
            expect(AnomalyCheck.Code.misfiled, site: branch, volume: v.id, "分局 \(folder)/metadata.xml 记载的是 \(other.uscc) (metadata names another enterprise)")
        case .pageSequence(let k):
            let site = k % 2 == 0 ? branch : "offsite"
            d.extraPageAt = [site]
            expect(AnomalyCheck.Code.pageSequence, site: site, volume: v.id,
                   "\(site) 的 \(folder) 多出 page-\(String(format: "%04d", v.pages + 1)).jpg (an extra page file)")
        case .volumeSequence:
            if e.volumes.count >= 3 { e.volumes[2].seq = 4 }
            expect(AnomalyCheck.Code.volumeSequence, "案卷序号为 1, 2, 4 (volume numbers skip 3)")
        case .invalidUSCC:
            let prefix = String(e.uscc.prefix(17))
            let good = e.uscc.last
            let wrong = USCC.alphabet.first { $0 != good && factory.usedCodes.contains(prefix + String($0)) == false } ?? "0"
            e.uscc = prefix + String(wrong)
            _ = factory.claimCode(e.uscc)
            expect(AnomalyCheck.Code.invalidUSCC, "目录中的代码 \(e.uscc) 校验位错误 (catalog code fails its check digit)")
        case .orphan(let k):
            try writeOrphan(variant: k, enterprise: e, rng: &rng)
        case .fixity(let k):
            let site = k % 2 == 0 ? "dc" : "offsite"
            d.corruptFile[site] = ("page-0001.jpg", .flipByte)
            expect(SyncCheck.Code.corrupt, site: site, volume: v.id, "\(site) 的 \(folder)/page-0001.jpg 有一个字节被改变（同步检查重新计算哈希时发现） (one byte changed; seen by the sync check)")
            expect(FixityCheck.Code.mismatch, site: site, volume: v.id, "\(site) 的 \(folder)/page-0001.jpg 有一个字节被改变，大小不变 (silent one-byte change)")
        case .notfoundInvalidCode:
            notFoundRequests.append(.init(code: .invalidCode, kind: "uscc", text: nil, uscc: e.uscc,
                                          injection: "代码输错一位，校验位不符 (one character of a real code mistyped)"))
        case .notfoundFormerName:
            notFoundRequests.append(.init(code: .formerName, kind: "name", text: e.formerNames.first ?? e.name, uscc: e.uscc,
                                          injection: "使用曾用名查询 (query by a former name)"))
        case .notfoundNameVariant(let k):
            let text: String
            if k % 2 == 0 {
                text = e.name.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
            } else {
                text = e.name.replacingOccurrences(of: "东莞市", with: "东莞市 ").replacingOccurrences(of: "）", with: "） ")
            }
            notFoundRequests.append(.init(code: .nameVariant, kind: "name", text: text, uscc: e.uscc,
                                          injection: "名称写法不同（半角括号或空格） (name written with half-width brackets or spaces)"))
        case .notfoundNotSynced(let k):
            if k % 2 == 0 {
                d.absentAt = ["dc"]
                expect(SyncCheck.Code.missing, site: "dc", volume: v.id, "查询站点 dc 缺少该企业唯一的案卷 \(folder) (the only volume is absent at dc)")
                notFoundRequests.append(.init(code: .notSynced, kind: "uscc", text: e.uscc, uscc: e.uscc,
                                              injection: "企业唯一的案卷未同步到 dc（已过宽限期） (only volume absent at dc, due)"))
            } else {
                v.createdAt = at.addingTimeInterval(-19.5 * 3600)
                v.efileUpdatedAt = v.createdAt
                v.efileStatus = "pending"; v.sealStatus = "pending"; v.sealedAt = nil
                v.syncedSites = []
                notFoundRequests.append(.init(code: .notSynced, kind: "uscc", text: e.uscc, uscc: e.uscc,
                                              notBefore: v.createdAt.addingTimeInterval(1800),
                                              injection: "企业唯一的案卷刚扫描，尚未同步到 dc（宽限期内） (only volume still in the grace period)"))
            }
        case .notfoundNoVolume:
            break
        }
        e.volumes[0] = v
        damage[v.id] = d
    }

    private func writeOrphan(variant k: Int, enterprise e: SampleEnterprise, rng: inout SplitMix64) throws {
        let site: String, uscc: String, seq: Int, name: String
        if k % 2 == 0 {
            site = "dc"; uscc = e.uscc; seq = (e.volumes.map(\.seq).max() ?? 0) + 3; name = e.name
        } else {
            site = e.branch.id; seq = 1; name = "深圳市样例贸易有限公司"
            var code = ""
            repeat {
                let body = (0..<8).map { _ in String(rng.int(0...9)) }.joined()
                code = USCC.complete("91440300" + body + String(USCC.organizationCheckCharacter(forBody: body) ?? "0")) ?? ""
            } while code.isEmpty || !factory.claimCode(code)
            uscc = code
        }
        let folder = "\(uscc)/\(String(format: "%03d", seq))"
        let dir = "\(siteRoot(site))/\(folder)"
        try files.makeDirectory(dir)
        var pages: [VolumeMetadataXML.Page] = []
        for no in 1...2 {
            let bytes = SampleJPEG.make(label: "orphan \(folder) \(no)", padding: 400, rng: &rng)
            try files.write(bytes, to: "\(dir)/page-000\(no).jpg")
            pages.append(.init(no: no, sha256: Self.sha256(bytes), bytes: bytes.count))
        }
        try files.write([UInt8](VolumeMetadataXML.document(uscc: uscc, name: name, seq: seq, event: "变更登记",
                                                           created: BureauTime.iso(at.addingTimeInterval(-40 * 86400)), pages: pages)),
                        to: "\(dir)/metadata.xml")
        injected.append(ExpectedFinding(AnomalyCheck.Code.orphan, site: site, uscc: uscc, path: folder,
                                        injection: "\(site) 存有目录中没有的案卷文件夹 \(folder) (volume folder without a catalog volume)"))
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
