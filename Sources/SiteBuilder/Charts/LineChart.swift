import Foundation

/// A line chart as inline SVG (e.g. monthly query volume): points joined by a line, each point marked and
/// labelled on the axis, the value of the first and last point written out.
///
/// A point of a partial period (a month whose data ends on the 29th) is drawn hollow, the line into it
/// dashed and its axis label starred, so the chart does not show a fall that is only missing days.
public struct LineChart: Sendable {
    public var title: String
    public var points: [(label: String, value: Int)]
    /// Index of each partial point → what it covers (shown on hover and to screen readers).
    public var partial: [Int: String]
    public var width = 640
    public var height = 220

    public init(title: String, points: [(label: String, value: Int)], partial: [Int: String] = [:]) {
        self.title = title
        self.points = points
        self.partial = partial
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
        // The solid line joins the complete points; a segment touching a partial point is dashed.
        var run: [(x: Double, y: Double)] = []
        func flush() {
            if run.count > 1 {
                s += #"<polyline class="line" points="\#(run.map { "\(SVGText.num($0.x)),\(SVGText.num($0.y))" }.joined(separator: " "))"/>"#
            }
            run = []
        }
        for (i, c) in coords.enumerated() {
            if partial[i] != nil {
                flush()
                if i > 0 { s += Self.dashed(coords[i - 1], c) }
                if i + 1 < coords.count { s += Self.dashed(c, coords[i + 1]) }
            } else {
                run.append(c)
            }
        }
        flush()
        let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() {
            let c = coords[i]
            // Chinese brackets around a Chinese note, Latin ones around an English note.
            let note = partial[i].map { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? "（\($0)）" : " (\($0))" } ?? ""
            s += #"<circle class="point\#(partial[i] == nil ? "" : " partial")" cx="\#(SVGText.num(c.x))" cy="\#(SVGText.num(c.y))" r="3"><title>\#(HTMLText.escape(p.label)): \#(Format.int(p.value))\#(HTMLText.escape(note))</title></circle>"#
            if i % every == 0 || i == points.count - 1 {
                s += #"<text class="axis" x="\#(SVGText.num(c.x))" y="\#(top + plotH + 16)" text-anchor="middle">\#(HTMLText.escape(p.label))\#(partial[i] == nil ? "" : "*")</text>"#
            }
            if points.count <= 12 {
                s += #"<text class="value" x="\#(SVGText.num(c.x))" y="\#(SVGText.num(c.y - 6))" text-anchor="middle">"#
                    + #"\#(Format.int(p.value))</text>"#
            }
        }
        return s + "</svg>"
    }

    private static func dashed(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> String {
        #"<line class="line partial" x1="\#(SVGText.num(a.x))" y1="\#(SVGText.num(a.y))" x2="\#(SVGText.num(b.x))" y2="\#(SVGText.num(b.y))"/>"#
    }
}
