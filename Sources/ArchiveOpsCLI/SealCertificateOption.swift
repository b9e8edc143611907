import ArchiveEngine
import ArgumentParser
import Foundation

/// `--seal-cert PEM`: the certificate sealed PDFs must verify against, for the commands that read a
/// center's PDFs without running a whole inspection (`compare`, `repair-plan`). Without the option the
/// workspace's `seal_certificate` applies; without either, seals are not verified.
struct SealCertificateOption: ParsableArguments {
    @Option(name: .customLong("seal-cert"), help: ArgumentHelp("受信任的签章证书 PEM（覆盖配置）。 Trusted seal certificate.", valueName: "PEM"))
    var path: String?

    /// The PEM text the option or the configuration names; nil when neither names one.
    func pem(in workspace: Workspace, configuration: WorkspaceConfiguration) throws -> String? {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let url = path.map({ URL(fileURLWithPath: $0, relativeTo: cwd) }) ?? configuration.sealCertificate.map(workspace.resolve)
        else { return nil }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CLIMessage("无法读取签章证书 \(url.path): \(error.localizedDescription)。请检查 --seal-cert 或 seal_certificate。"
                             + " (seal certificate unreadable)")
        }
    }
}
