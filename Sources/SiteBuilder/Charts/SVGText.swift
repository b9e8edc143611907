import Foundation

/// Small helpers shared by the charts: fixed-point numbers, so the same figures always give the same bytes.
/// (Labels, which may come from data, are escaped with ``HTMLText/escape(_:)``.)
enum SVGText {
    /// One decimal, no locale: `12.5`, `3.0`.
    static func num(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// The smallest "nice" axis maximum (1, 2, 5 × 10^n) at or above `v`.
    static func niceMax(_ v: Int) -> Int {
        guard v > 0 else { return 1 }
        var magnitude = 1
        while magnitude * 10 <= v { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= v { return step * magnitude }
        return 10 * magnitude
    }
}
