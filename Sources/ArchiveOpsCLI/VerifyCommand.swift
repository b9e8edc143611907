import AcceptanceBundle
import ArgumentParser
import Foundation

/// `archive-ops verify` — checks an acceptance bundle (验收材料) without extracting it.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "核对验收材料：签名、每个文件、ZIP 结构；不解压到磁盘。 (Verify an acceptance bundle without extracting it.)",
        discussion: """
        退出码 (exit codes): 0 完好且由 --cert 给出的证书签署；1 内容完好，但未给出证书、签署证书不同或签署时已过期；
        2 有文件被改动、缺失、多出，或未签名；3 无法读取（不是 ZIP、被截断）或被拒绝（含 ..、绝对路径、符号链接、重名、ZIP 炸弹）。
        0 intact and signed by --cert; 1 intact but signer unconfirmed, different or expired; 2 changed or unsigned;
        3 unreadable or refused as hostile.
        """)

    @Argument(help: ArgumentHelp("验收材料 ZIP 文件。 The bundle.", valueName: "BUNDLE"))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp("团队证书（PEM），签署人须是它或由它签发。 Team certificate the signer must be.", valueName: "PEM"))
    var cert: String?

    func run() throws {
        let verifier: BundleVerifier
        do {
            let pem = try cert.map { path -> String in
                do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                    throw CLIMessage("无法读取证书文件 \(path)：\(error.localizedDescription)。请给出团队证书 PEM 文件的路径。 (cannot read --cert)")
                }
            }
            verifier = try BundleVerifier(trustedCertificatePEM: pem)
        } catch {
            Standard.error("\(error)")
            throw ExitCode(3)
        }
        let url = URL(fileURLWithPath: bundle, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let report = verifier.verify(url: url.standardizedFileURL)
        for line in report.lines { print(line) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
