import ArchiveEngine
import Crypto
import Foundation

/// The sample center's random numbers: SplitMix64, seeded from a text seed, so the same seed gives the
/// same center on every machine (Swift's own generators are not seedable or not stable across versions).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A generator seeded from SHA-256 of `seed` and a purpose label, so independent streams (the fault
    /// plan, enterprise 17, the query log) do not shift when another stream draws more numbers.
    public init(seed: String, stream: String) {
        let digest = SHA256.hash(data: Data("\(seed)|\(stream)".utf8))
        state = digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (never traps on an empty range: returns its lower bound).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.count <= 1 ? range.lowerBound : Int.random(in: range, using: &self)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    public mutating func double(_ range: Range<Double>) -> Double { Double.random(in: range, using: &self) }
}
