/// README.txt of a bundle (验收材料说明), in Chinese with English in brackets: what the bundle is, what
/// it holds and how to check it with `archive-ops verify` and with OpenSSL alone.
public enum BundleReadme {
    /// `bundleFileName` is the name without its version (`acceptance-2022-07_2023-06-v<版本>.zip`): the
    /// README must not differ between two versions made from the same data.
    public static func text(manifest: BundleManifest, bundleFileName: String, contents: [String]) -> String {
        var lines = [
            "验收材料说明 (Acceptance bundle)",
            "================================",
            "",
            "合同名称：\(manifest.contract.name)",
            "合同编号：\(manifest.contract.number)",
            "验收期间：\(manifest.period.firstDay) 至 \(manifest.period.lastDay)",
            "生成程序：\(manifest.generator.name) \(manifest.generator.version)（源码提交 \(manifest.generator.commit)）",
            "",
            "本文件包是运维团队在验收期间出具的报告的归档副本，用于合同验收、审计和日后核对。",
            "包内的页面可直接用浏览器打开（不需要网络）；指向包外页面的链接已改为纯文字。",
            "",
            "包内内容 (contents):",
        ]
        lines += contents.map { "  - \($0)" }
        lines += [
            "",
            "manifest.json 列出包内每个文件的大小与 SHA-256，以及期间、合同、运维数据库在归档时的摘要与各表行数。",
            "manifest.sig 是运维团队用其证书对 manifest.json 所做的 CMS (PKCS #7) 分离签名。",
            "ZIP 中每个条目的时间都固定为期间最后一天 23:59:58，权限固定为 -rw-r--r--：同样的数据与期间生成同样的字节。",
            "",
            "如何核对 (how to check)",
            "-----------------------",
            "1. 用 archive-ops（不解压，逐个文件核对）：",
            "     archive-ops verify \(bundleFileName) --cert team.pem",
            "   退出码 0：完好且由团队证书签署；1：内容完好但签署人未确认或证书过期；2：被改动或未签名；3：无法读取或被拒绝。",
            "",
            "2. 只用 OpenSSL（先解压到一个空目录，再核对签名与文件）：",
            "     unzip \(bundleFileName) -d 验收材料",
            "     cd 验收材料",
            "     openssl cms -verify -binary -inform DER -in manifest.sig -content manifest.json -CAfile team.pem -purpose any -out /dev/null",
            "   显示 “Verification successful” 即签名有效；再用 sha256sum 逐个对照 manifest.json 中的 sha256。",
            "",
            "team.pem 是运维团队的证书，请向运维团队索取并与合同附件中的证书指纹核对。",
        ]
        if !manifest.notes.isEmpty {
            lines += ["", "说明 (notes):"] + manifest.notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
