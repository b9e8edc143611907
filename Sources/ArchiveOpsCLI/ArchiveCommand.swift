import AcceptanceBundle
import ArchiveEngine
import ArgumentParser
import Foundation
import SiteBuilder

/// `archive-ops archive` — makes the signed acceptance bundle (验收材料) of a period.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "生成某一期间的验收材料：报告页面、清单与团队签名，打包为 ZIP。 (Make the signed acceptance bundle of a period.)",
        discussion: """
        验收材料包含期间内的巡检日报、服务报告及其列表、月度运维总结、查询统计、月份索引和期间末的运维总览，
        每页可离线打开；manifest.json 记录每个文件的大小与 SHA-256、合同、期间与运维数据库摘要；
        manifest.sig 是团队证书（archive-ops.yaml 的 team_certificate / team_key）对清单的 CMS 签名。
        同一期间再次生成得到新版本（-v2、-v3…），旧版本不会被覆盖。用 archive-ops verify 核对。

        The bundle holds the period's report pages, manifest.json and its CMS signature by the team's key.
        A second bundle of the same period gets the next version; none is ever overwritten.
        """)

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("起始月份 (first month), YYYY-MM。", valueName: "YYYY-MM"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("结束月份（含） (last month, inclusive), YYYY-MM。", valueName: "YYYY-MM"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("输出目录（默认工作目录下的 Acceptance/）。 Output folder.", valueName: "DIR"))
    var out: String?

    @Flag(name: .long, help: "加入每份月度总结和服务报告列表的 A4 PDF（需要 Chromium）。 Add A4 PDFs (needs Chromium).")
    var pdf = false

    func run() throws {
        let workspace = options.value
        let period: BundlePeriod
        do { period = try BundlePeriod(from: from, to: to) } catch { throw ValidationError("\(error)") }
        let config = try workspace.configuration()
        let setup = try AcceptanceSetup(config: config, workspace: workspace)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = out.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? workspace.root.appendingPathComponent("Acceptance", isDirectory: true)
        let store = try workspace.openStore()
        let result = try BundleArchiving.archive(period: period, workspace: workspace, store: store, setup: setup,
                                                 folder: folder, pdf: pdf)
        for line in result.lines { print(line) }
    }
}

/// What a bundle needs from archive-ops.yaml: the contract and the team's signing identity.
struct AcceptanceSetup {
    var contract: ContractSettings
    var signer: BundleSigner
    var certificatePath: String

    init(config: WorkspaceConfiguration, workspace: Workspace) throws {
        let file = workspace.configurationURL.path
        guard let contract = config.contract, !contract.name.isEmpty, !contract.number.isEmpty else {
            throw CLIMessage("\(file) 中没有合同信息：请加入 contract: 下的 name（合同名称）与 number（合同编号），"
                + "格式见 archive-ops init 生成的模板。 (contract name and number missing)")
        }
        guard let certificate = config.teamCertificate, let key = config.teamKey else {
            throw CLIMessage("\(file) 中没有团队签名证书：请设置 team_certificate（PEM 证书）与 team_key（PEM 私钥）。 (team_certificate / team_key missing)")
        }
        self.contract = contract
        certificatePath = workspace.resolve(certificate).path
        signer = try BundleSigner(certificateURL: workspace.resolve(certificate), keyURL: workspace.resolve(key))
    }
}

/// Makes one bundle: renders the period's pages, optionally prints PDFs, writes and signs the ZIP under
/// a new version, and records it in the register.
enum BundleArchiving {
    struct Result {
        var url: URL
        var record: AcceptanceBundleRecord
        var fileCount: Int
        var lines: [String]
    }

    static func archive(period: BundlePeriod, workspace: Workspace, store: OperationsStore, setup: AcceptanceSetup,
                        folder: URL, pdf: Bool, signingTime: Date = Date()) throws -> Result {
        let overrides = FileManager.default.fileExists(atPath: workspace.templatesURL.path) ? workspace.templatesURL : nil
        var build = try SiteBuild(store: store, outputURL: workspace.outputURL, templateOverrides: overrides)
        let configuration = try workspace.configuration()
        build.serviceLevels = configuration.sla
        build.inspectionDeadline = configuration.inspectionDeadline
        // The dashboard and the monthly on-time rates read as on the period's last day.
        build.asOf = CalendarDay(period.lastDay)
        var pages = try AcceptancePages.render(build, scope: ReportScope(firstDay: period.firstDay, lastDay: period.lastDay))
        let reports = pages.filter { $0.path.hasPrefix("monthly/") || $0.path.hasPrefix("tickets/") || $0.path.hasPrefix("inspections/2") }
        guard !reports.isEmpty else {
            throw CLIMessage("运维数据库中没有 \(period) 期间的任务单、巡检或月度数据，未生成验收材料。请检查 --from/--to，或先导入数据。 (nothing recorded in the period)")
        }
        var notes: [String] = []
        if pdf {
            if let printer = BundlePDFPrinter.find() {
                pages += try printPDFs(pages, period: period, printer: printer)
                pages.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
            } else {
                notes.append("本机未安装 Chromium，验收材料不含 PDF；页面可用浏览器打开并打印为 A4。 (no Chromium: no PDFs)")
            }
        }
        let facts = try store.contentDigest()
        var manifest = BundleManifest(contract: .init(name: setup.contract.name, number: setup.contract.number), period: period,
                                      generator: GeneratorIdentity.current(),
                                      database: .init(sha256: facts.sha256, tables: facts.rowCounts), notes: notes)

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var version = try store.nextBundleVersion(from: period.from, to: period.to)
        var name: String { "acceptance-\(period.label)-v\(version).zip" }
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { version += 1 }
        let readme = BundleReadme.text(manifest: manifest, bundleFileName: "acceptance-\(period.label)-v<版本>.zip",
                                       contents: contentsSummary(pages))
        let all = ([SitePage(path: "README.txt", contents: Data(readme.utf8))] + pages)
            .sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }

        // Written under a temporary name and linked into place: never a half-written bundle under the
        // final name, and link(2) fails rather than replace a bundle that appeared meanwhile.
        let partial = folder.appendingPathComponent(".\(name).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let writer = try BundleWriter(creating: partial, period: period)
        for page in all { try writer.add(page.path, contents: page.contents) }
        manifest = try writer.finish(manifest: manifest, signer: setup.signer, signingTime: signingTime)
        let final = folder.appendingPathComponent(name)
        guard link(partial.path, final.path) == 0 else {
            throw CLIMessage("无法写入 \(final.path)：\(String(cString: strerror(errno)))。验收材料从不覆盖已有文件。 (cannot place bundle)")
        }
        let manifestBytes = try manifest.encoded()
        let record = AcceptanceBundleRecord(
            periodFrom: period.from, periodTo: period.to, version: version, fileName: name,
            sha256: try BundleDigest.sha256(of: final),
            size: Int64((try FileManager.default.attributesOfItem(atPath: final.path)[.size] as? NSNumber)?.int64Value ?? 0),
            manifestSHA256: BundleDigest.sha256(manifestBytes),
            createdAt: BureauTime.iso(signingTime), manifest: String(decoding: manifestBytes, as: UTF8.self))
        do {
            try store.recordBundle(record)
        } catch {
            // A bundle the register does not know would never appear on the 验收材料 page: take it back.
            try? FileManager.default.removeItem(at: final)
            throw error
        }
        var lines = [
            "验收材料已生成 (bundle written): \(final.path)",
            "  期间 \(period)，第 \(version) 版，\(all.count) 个文件，\(record.size) 字节",
            "  SHA-256: \(record.sha256)",
            "  清单摘要 (manifest SHA-256): \(record.manifestSHA256)",
            "  签名证书 (signed by): \(setup.signer.subject)",
        ]
        lines += notes.map { "  说明: \($0)" }
        lines.append("核对 (verify): archive-ops verify \(final.path) --cert \(setup.certificatePath)")
        return Result(url: final, record: record, fileCount: all.count, lines: lines)
    }

    /// A4 PDFs of each monthly summary and of the service-report list, dated the period's end.
    static func printPDFs(_ pages: [SitePage], period: BundlePeriod, printer: BundlePDFPrinter) throws -> [SitePage] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("archive-ops-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for page in pages {
            let url = scratch.appendingPathComponent(page.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OfflinePageLinks.withoutLinks(page).contents.write(to: url)
        }
        var targets = pages.map(\.path).filter { $0.hasPrefix("monthly/") && $0 != "monthly/index.html" }
            .map { ($0, "pdf/monthly-\($0.dropFirst("monthly/".count).dropLast(".html".count)).pdf") }
        if pages.contains(where: { $0.path == "tickets/index.html" }) { targets.append(("tickets/index.html", "pdf/service-reports.pdf")) }
        return try targets.map { source, target in
            SitePage(path: target, contents: try printer.print(scratch.appendingPathComponent(source), dated: period.end))
        }
    }

    /// README's list of contents: how many files lie in each folder.
    static func contentsSummary(_ pages: [SitePage]) -> [String] {
        let labels = ["index.html": "运维总览（期间末） index.html", "inspections": "巡检日报 inspections/", "tickets": "服务报告与列表 tickets/",
                      "monthly": "月度运维总结 monthly/", "months": "月份索引 months/", "queries": "查询统计 queries/",
                      "assets": "样式表 assets/", "pdf": "A4 PDF pdf/", "sizing": "硬件配置建议 sizing/"]
        var counts: [String: Int] = [:]
        for page in pages {
            let top = page.path.contains("/") ? String(page.path.split(separator: "/")[0]) : page.path
            counts[top, default: 0] += 1
        }
        return counts.keys.sorted().map { "\(labels[$0] ?? $0)：\(counts[$0]!) 个文件" }
    }
}
