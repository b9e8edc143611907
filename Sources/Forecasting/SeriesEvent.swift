import Foundation

/// Something that happened to a mount between two readings and that a forecast must not mistake for
/// growth: an expansion or a replacement of the disk (the capacity changed), or a clean-up (usage dropped).
public struct SeriesEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Capacity grew and usage carried on where it was (data kept in place): history stays usable.
        case expansion
        /// Capacity shrank and usage carried on: history stays usable.
        case shrink
        /// Capacity changed and usage jumped (a new disk with other contents): the series restarts.
        case replacement
        /// Usage dropped well beyond the usual noise with the same capacity: the series restarts.
        case cleanUp
    }

    public var kind: Kind
    /// Time of the first reading after the change.
    public var at: Date
    public var usedBefore: Double
    public var usedAfter: Double
    public var totalBefore: Double?
    public var totalAfter: Double?

    /// True when history before the event no longer describes the level the disk is at.
    public var restartsSeries: Bool { kind == .replacement || kind == .cleanUp }

    /// 中文说明 first, English after, for pages and check details.
    public var description: String {
        let gib = ByteText.binary
        switch kind {
        case .expansion, .shrink:
            let word = kind == .expansion ? "扩容" : "缩容"
            return "\(word)：容量 \(gib(totalBefore ?? 0)) → \(gib(totalAfter ?? 0))，已用空间延续 \(gib(usedAfter))，历史继续使用 " +
                "(\(kind == .expansion ? "expansion" : "shrink"): capacity \(gib(totalBefore ?? 0)) → \(gib(totalAfter ?? 0)), " +
                "usage continued at \(gib(usedAfter)), history kept)"
        case .replacement:
            return "更换磁盘：容量 \(gib(totalBefore ?? 0)) → \(gib(totalAfter ?? 0))，已用空间 \(gib(usedBefore)) → \(gib(usedAfter))，序列从此重新开始 " +
                "(disk replaced: capacity \(gib(totalBefore ?? 0)) → \(gib(totalAfter ?? 0)), " +
                "used \(gib(usedBefore)) → \(gib(usedAfter)), " +
                "series restarts)"
        case .cleanUp:
            return "清理：已用空间 \(gib(usedBefore)) → \(gib(usedAfter))（释放 \(gib(usedBefore - usedAfter))），序列从此重新开始 " +
                "(clean-up: used \(gib(usedBefore)) → \(gib(usedAfter)), \(gib(usedBefore - usedAfter)) freed, series restarts)"
        }
    }
}
