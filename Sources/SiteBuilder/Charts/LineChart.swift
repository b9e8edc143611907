import Foundation

/// A line chart as inline SVG (e.g. monthly query volume): points joined by a line, each point marked and
/// labelled on the axis, the value of the first and last point written out.
public struct LineChart: Sendable {
    public var title: String
    public var points: [(label: String, value: Int)]
    public var width = 640
    public var height = 220

    public init(title: String, points: [(label: String, value: Int)]) {
        self.title = title
        self.points = points
    }

    public func svg() -> String {
        let left = 64, right = 32, top = 18, bottom = 40
        let plotW = width - left - right, plotH = height - top - bottom
        let maxV = SVGText.niceMax(points.map(\.value).max() ?? 0)
        var s = SVGText.open(width: width, height: height, title: title)
        s += SVGText.valueGrid(left: left, right: width - right, top: top, plotHeight: plotH, maxValue: maxV)
        guard !points.isEmpty else { return s + "</svg>" }
        let step = points.count > 1 ? Double(plotW) / Double(points.count - 1) : 0
        let coords = points.enumerated().map { i, p in
            (x: Double(left) + step * Double(i) + (points.count == 1 ? Double(plotW) / 2 : 0),
             y: Double(top + plotH) - Double(plotH) * Double(p.value) / Double(maxV))
        }
        s += #"<polyline class="line" points="\#(coords.map { "\(SVGText.num($0.x)),\(SVGText.num($0.y))" }.joined(separator: " "))"/>"#
        let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() {
            let c = coords[i]
            s += #"<circle class="point" cx="\#(SVGText.num(c.x))" cy="\#(SVGText.num(c.y))" r="3"><title>\#(HTMLText.escape(p.label)): \#(Format.int(p.value))</title></circle>"#
            if i % every == 0 || i == points.count - 1 {
                s += #"<text class="axis" x="\#(SVGText.num(c.x))" y="\#(top + plotH + 16)" text-anchor="middle">\#(HTMLText.escape(p.label))</text>"#
            }
            if points.count <= 12 {
                s += #"<text class="value" x="\#(SVGText.num(c.x))" y="\#(SVGText.num(c.y - 6))" text-anchor="middle">\#(Format.int(p.value))</text>"#
            }
        }
        return s + "</svg>"
    }
}
