import Foundation

/// The verdict of `archive-ops verify`: what the signature says, which files changed, went missing or
/// were added, and the exit code the command returns.
public struct BundleReport: Sendable {
    /// What the signature over manifest.json establishes.
    public enum Signature: Sendable, Equatable {
        /// Valid and made by the certificate given with `--cert`, valid at signing time.
        case trusted(signer: String, signedAt: Date?)
        /// Valid, but no certificate was given to confirm who signed.
        case unconfirmed(signer: String, signedAt: Date?)
        /// Valid, but made by a certificate other than the one given.
        case otherSigner(signer: String)
        /// Valid and made by the given certificate, but the certificate was not valid at signing time.
        case expired(signer: String, notValidAfter: Date, signedAt: Date?)
        /// No manifest.json or no manifest.sig.
        case missing(String)
        /// The signature does not cover this manifest, or cannot be read.
        case invalid(String)
    }

    /// One file whose bytes differ from what the manifest says.
    public struct ChangedFile: Sendable, Equatable {
        public var path: String
        public var reasons: [String]
    }

    public var bundle: String
    public var signature: Signature = .missing("未检查 (not checked)")
    public var manifest: BundleManifest?
    public var changed: [ChangedFile] = []
    public var missing: [String] = []
    public var added: [String] = []
    /// Problems of the ZIP as a whole (order, unaccounted bytes, comments).
    public var structure: [String] = []
    /// Set when the bundle could not be read at all or was refused as hostile; nothing else is meaningful then.
    public var unreadable: String?
    /// Files whose content was hashed and matched.
    public var verifiedFiles = 0

    /// Every path named as changed, missing or added.
    public var namedPaths: Set<String> { Set(changed.map(\.path) + missing + added) }

    public var isIntact: Bool {
        unreadable == nil && changed.isEmpty && missing.isEmpty && added.isEmpty && structure.isEmpty && {
            switch signature {
            case .missing, .invalid: return false
            default: return true
            }
        }()
    }

    /// 0 intact and signed by the given certificate; 1 intact but signer not confirmed, other or expired;
    /// 2 changed or unsigned; 3 unreadable or refused.
    public var exitCode: Int32 {
        if unreadable != nil { return 3 }
        guard isIntact else { return 2 }
        if case .trusted = signature { return 0 }
        return 1
    }

    mutating func changed(_ path: String, _ reason: String) {
        if let i = changed.firstIndex(where: { $0.path == path }) {
            if !changed[i].reasons.contains(reason) { changed[i].reasons.append(reason) }
        } else {
            changed.append(.init(path: path, reasons: [reason]))
        }
    }

    /// The report as an operator reads it, Chinese first.
    public var lines: [String] {
        var out = ["验收材料 (bundle): \(bundle)"]
        if let why = unreadable {
            out.append("无法读取，已拒绝 (cannot read, refused): \(why)")
            out.append("结论：无法校验（退出码 3）。请确认文件完整、确是 archive-ops archive 生成的验收材料。")
            return out
        }
        if let m = manifest {
            out.append("合同 (contract): \(m.contract.name)（\(m.contract.number)）  期间 (period): \(m.period)  文件 (files): \(m.files.count)")
            out.append("生成 (generator): \(m.generator.name) \(m.generator.version)，源码提交 \(m.generator.commit)")
        }
        switch signature {
        case .trusted(let signer, let at):
            out.append("签名：有效，由给定证书签署 (signature valid, trusted): \(signer)\(Self.time(at))")
        case .unconfirmed(let signer, let at):
            out.append("签名：有效，但未给出证书，无法确认签署人 (valid, signer not confirmed; pass --cert): \(signer)\(Self.time(at))")
        case .otherSigner(let signer):
            out.append("签名：有效，但不是由给定证书签署 (valid, but signed by another certificate): \(signer)")
        case .expired(let signer, let notAfter, let at):
            out.append("签名：有效，但签署时证书已过期 (signed with an expired certificate): \(signer)，证书有效期至 \(Self.format(notAfter))\(Self.time(at))")
        case .missing(let why):
            out.append("签名：缺失 (unsigned): \(why)")
        case .invalid(let why):
            out.append("签名：无效 (signature invalid): \(why)")
        }
        for file in changed { out.append("已改动 (changed): \(file.path) — \(file.reasons.joined(separator: "；"))") }
        for path in missing { out.append("缺失 (missing): \(path)") }
        for path in added { out.append("多出 (added): \(path)") }
        for problem in structure { out.append("ZIP 结构 (structure): \(problem)") }
        switch exitCode {
        case 0: out.append("结论：完好，\(verifiedFiles) 个文件与签名清单一致（退出码 0）。")
        case 1: out.append("结论：内容完好，但签署人未经确认或证书过期（退出码 1）。请用 --cert 指定团队证书再核对。")
        default: out.append("结论：验收材料被改动或未签名（退出码 2）。请向出具单位索取原件。")
        }
        return out
    }

    private static func time(_ date: Date?) -> String {
        date.map { "，签署时间 \(format($0))" } ?? ""
    }

    static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = "yyyy-MM-dd HH:mm:ss '(+08:00)'"
        return f.string(from: date)
    }
}
