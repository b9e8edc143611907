import Foundation

/// A word-sized trend line for a dashboard tile (inline SVG, no axes); the tile states the last value.
public struct Sparkline: Sendable {
    public var title: String
    public var values: [Int]
    public var width = 160
    public var height = 36

    public init(title: String, values: [Int]) {
        self.title = title
        self.values = values
    }

    public func svg() -> String {
        var s = SVGText.open(width: width, height: height, title: title, cssClass: "sparkline")
        guard values.count > 1 else { return s + "</svg>" }
        let maxV = max(1, values.max() ?? 1), minV = min(values.min() ?? 0, maxV)
        let span = Double(max(1, maxV - minV))
        let step = Double(width - 4) / Double(values.count - 1)
        let pts = values.enumerated().map { i, v in
            "\(SVGText.num(2 + step * Double(i))),\(SVGText.num(Double(height - 3) - Double(height - 6) * Double(v - minV) / span))"
        }
        s += #"<polyline class="line" points="\#(pts.joined(separator: " "))"/>"#
        return s + "</svg>"
    }
}
