/// The verdict of one line of a sizing checklist.
public enum CheckMark: String, Codable, Hashable, Sendable {
    /// Meets the requirement.
    case ok
    /// Known, and below the requirement.
    case short
    /// The interfaces or drivers of two devices do not match.
    case mismatch
    /// The inventory does not say: to be filled in, never guessed.
    case missing
    /// No requirement to compare with (no query load measured, for example).
    case unknown

    public var displayName: String {
        switch self {
        case .ok: "满足 (ok)"
        case .short: "不足 (below minimum)"
        case .mismatch: "不匹配 (incompatible)"
        case .missing: "清单未填写 (not in inventory)"
        case .unknown: "无法判断 (no requirement)"
        }
    }

    /// `required` known and `actual` missing → missing; otherwise ok or short.
    static func atLeast(_ actual: Double?, _ required: Double) -> CheckMark {
        guard let actual else { return .missing }
        return actual >= required ? .ok : .short
    }
}
