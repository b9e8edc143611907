import Foundation

/// One reading of a capacity series (容量序列): the bytes in use at a moment and, for a disk, the capacity
/// of the mount at that moment.
///
/// A disk mount's samples come from the center's monitoring (`disk_sample`) or from statvfs; a site's
/// archive growth is the same shape with no capacity (`total` nil). Bytes are `Double` so that one series
/// type serves both (exact up to 8 PiB).
public struct CapacitySample: Sendable, Hashable, Codable {
    public var at: Date
    public var used: Double
    /// Capacity of the mount when the sample was taken; nil for a series with no capacity (archive growth).
    public var total: Double?

    public init(at: Date, used: Double, total: Double? = nil) {
        self.at = at; self.used = used; self.total = total
    }
}
