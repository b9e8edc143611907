import ArchiveEngine
import ArchiveSamples
import Foundation

/// The demo's archive center: a sample center in `<workspace>/center/`, its trusted seal certificate in
/// `<workspace>/seal.pem`, its manifest in `<workspace>/sample-center.json`, and the workspace
/// configuration pointing at both — so `archive-ops check` in a demo workspace inspects a real-looking
/// center with one or two problems of every kind.
enum DemoCenter {
    static let folderName = "center"
    static let sealFileName = "seal.pem"
    static let manifestFileName = "sample-center.json"
    /// Marks a center folder as made by the demo (so a rerun may replace it) and records its options.
    static let markerFileName = ".archive-ops-demo-center"

    static var options: SampleCenterOptions { SampleCenterOptions(enterprises: 300, seed: "dongguan-demo", queryDays: 30) }

    /// Makes (or reuses) the demo center and points the configuration at it; returns its manifest.
    @discardableResult
    static func prepare(in workspace: Workspace) throws -> SampleCenterManifest {
        let fm = FileManager.default
        let center = workspace.root.appendingPathComponent(folderName, isDirectory: true)
        let marker = center.appendingPathComponent(markerFileName)
        let manifestURL = workspace.root.appendingPathComponent(manifestFileName)
        let options = options
        let fingerprint = "seed=\(options.seed) enterprises=\(options.enterprises) query_days=\(options.queryDays)"
            + " at=\(BureauTime.iso(options.at))\n"

        var manifest: SampleCenterManifest?
        if fm.fileExists(atPath: center.path) {
            guard fm.fileExists(atPath: marker.path) else {
                throw DemoCenterError.foreignFolder(center.path)
            }
            if (try? String(contentsOf: marker, encoding: .utf8)) == fingerprint,
               let data = try? Data(contentsOf: manifestURL),
               let existing = try? JSONDecoder().decode(SampleCenterManifest.self, from: data) {
                manifest = existing
            } else {
                try fm.removeItem(at: center)
            }
        }
        let result: SampleCenterManifest
        if let manifest {
            result = manifest
        } else {
            print("正在生成演示档案中心 (generating the demo archive center): \(center.path)")
            let progress = SampleCenterProgress()
            result = try SampleCenter.generate(into: center, options: options, progress: progress.report)
            progress.finish()
            try Data(fingerprint.utf8).write(to: marker)
            try SampleCenterManifestFile.write(result, to: manifestURL)
        }
        try Data(result.sealCertificatePEM.utf8).write(to: workspace.root.appendingPathComponent(sealFileName), options: .atomic)
        try pointConfiguration(of: workspace)
        return result
    }

    /// Sets `center: center` and `seal_certificate: seal.pem` in archive-ops.yaml, keeping its comments.
    static func pointConfiguration(of workspace: Workspace) throws {
        var text = (try? String(contentsOf: workspace.configurationURL, encoding: .utf8)) ?? WorkspaceConfiguration.commentedTemplate
        text = setting(text, key: "center", value: folderName)
        text = setting(text, key: "seal_certificate", value: sealFileName)
        try Data(text.utf8).write(to: workspace.configurationURL, options: .atomic)
    }

    /// `text` with the (possibly commented-out) top-level line of `key` replaced by `key: value`.
    static func setting(_ text: String, key: String, value: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let line = "\(key): \(value)"
        if let i = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) ?? lines.firstIndex(where: { $0.hasPrefix("# \(key):") }) {
            lines[i] = line
        } else {
            if lines.last == "" { lines.removeLast() }
            lines += [line, ""]
        }
        return lines.joined(separator: "\n")
    }
}

enum DemoCenterError: Error, CustomStringConvertible {
    case foreignFolder(String)

    var description: String {
        switch self {
        case .foreignFolder(let path):
            return "\(path) 已存在但不是演示生成的档案中心；请移走它或换一个 --workspace。 (folder exists and was not made by the demo)"
        }
    }
}

extension DemoStep {
    static let prepareCenter = DemoStep(title: "准备示例档案中心 (prepare the sample center)") { context in
        let manifest = try DemoCenter.prepare(in: context.workspace)
        return "\(context.workspace.root.appendingPathComponent(DemoCenter.folderName).path)，注入问题 \(manifest.injected.count) 个"
    }
}
