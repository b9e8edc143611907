import ArchiveEngine
import Foundation

/// The demo inputs' seeded random numbers (the sample center's ``SplitMix64`` underneath) with the picks the
/// ticket and query generators need, so the demo's sample data is the same on every machine and every run;
/// the system generator is seeded from the clock and would change the site each time.
public struct DemoRandom: RandomNumberGenerator {
    private var source: SplitMix64

    public init(seed: UInt64) { source = SplitMix64(state: seed) }

    public mutating func next() -> UInt64 { source.next() }

    /// A whole number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One element, chosen by weight.
    public mutating func pick<T>(weighted items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = Double.random(in: 0..<total, using: &self)
        for (item, weight) in items {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1].0
    }
}
