import ArchiveEngine
import ArchiveSamples
import Foundation

/// The demo's acceptance setup: a synthetic team certificate and key (`team.pem`, `team-key.pem`, marked
/// DEMO, not any real organisation's) and the contract keys in archive-ops.yaml, so that
/// `archive-ops archive --from 2022-07 --to 2023-06` works in the demo workspace straight away.
///
/// The demo does not make a bundle itself: a bundle's signature differs on every run, and the demo site
/// must stay the same from run to run.
enum DemoAcceptance {
    static let certificateFileName = "team.pem"
    static let keyFileName = "team-key.pem"
    static let contractName = "企业电子档案资源共享中心运维服务（演示合同 DEMO）"
    static let contractNumber = "DEMO-2022-001"

    static func prepare(_ workspace: Workspace) throws -> String {
        let fm = FileManager.default
        let certificate = workspace.root.appendingPathComponent(certificateFileName)
        let key = workspace.root.appendingPathComponent(keyFileName)
        if !fm.fileExists(atPath: certificate.path) || !fm.fileExists(atPath: key.path) {
            let identity = try DemoTeamCertificate.make(seed: "demo")
            try Data(identity.certificatePEM.utf8).write(to: certificate, options: .atomic)
            try Data(identity.privateKeyPEM.utf8).write(to: key, options: .atomic)
            _ = chmod(key.path, 0o600)
        }
        var text = (try? String(contentsOf: workspace.configurationURL, encoding: .utf8)) ?? WorkspaceConfiguration.commentedTemplate
        text = DemoCenter.setting(text, key: "team_certificate", value: certificateFileName)
        text = DemoCenter.setting(text, key: "team_key", value: keyFileName)
        text = settingContract(text)
        try Data(text.utf8).write(to: workspace.configurationURL, options: .atomic)
        return "\(certificate.path)（演示证书 DEMO）；生成验收材料：archive-ops archive --from 2022-07 --to 2023-06"
    }

    /// `text` with a `contract:` block holding the demo contract, replacing the template's commented one.
    static func settingContract(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.contains(where: { $0.hasPrefix("contract:") }) else { return text }
        let block = ["contract:", "  name: \(contractName)", "  number: \(contractNumber)"]
        if let i = lines.firstIndex(of: "# contract:"), i + 2 < lines.count,
           lines[i + 1].hasPrefix("#   name:"), lines[i + 2].hasPrefix("#   number:") {
            lines.replaceSubrange(i...(i + 2), with: block)
        } else {
            if lines.last == "" { lines.removeLast() }
            lines += block + [""]
        }
        return lines.joined(separator: "\n")
    }
}

extension DemoStep {
    static let prepareAcceptance = DemoStep(title: "准备验收材料签名证书 (prepare the acceptance signing certificate)") { context in
        try DemoAcceptance.prepare(context.workspace)
    }
}
