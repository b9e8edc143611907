/// The outcome of verifying a sealed file (签章文件校验). Every case but `valid` is a reason for
/// `seal.invalid`; the text is the detail shown to the operator, Chinese first.
public enum SealVerdict: Equatable, Sendable {
    /// The signature verifies, covers the whole file but its own Contents, and the signer is the trusted seal.
    case valid
    /// The file has no signature dictionary at all.
    case notSigned
    /// The ByteRange leaves bytes unsigned (bytes appended after sealing, or a forged range).
    case byteRangeIncomplete(String)
    /// The signed bytes were changed after sealing, or the signature value does not match.
    case digestMismatch(String)
    /// The signature is intact but made by a certificate other than the trusted seal certificate.
    case untrustedSigner(String)
    /// The file or its signature cannot be read (truncated, garbage, unsupported CMS).
    case malformed(String)

    public var isValid: Bool { self == .valid }

    /// The operator's text for this verdict.
    public var detail: String {
        switch self {
        case .valid: return "签章有效 (seal valid)"
        case .notSigned: return "文件未签章：没有签名字典 (no signature dictionary)"
        case .byteRangeIncomplete(let s), .digestMismatch(let s), .untrustedSigner(let s), .malformed(let s): return s
        }
    }
}
