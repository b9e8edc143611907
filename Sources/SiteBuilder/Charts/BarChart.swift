import Foundation

/// A vertical bar chart as inline SVG, generated at build time: readable without JavaScript and in print
/// (solid dark bars, values written above each bar). Pages always show the same numbers in a table too.
public struct BarChart: Sendable {
    public var title: String
    public var bars: [(label: String, value: Int)]
    public var width = 640
    public var height = 220
    /// Horizontal bars put each label on its own row: the choice for long Chinese category names.
    public var horizontal = false
    /// Index of each bar of a partial period → what it covers: drawn hatched-light with a starred label.
    public var partial: [Int: String]

    public init(title: String, bars: [(label: String, value: Int)], horizontal: Bool = false, partial: [Int: String] = [:]) {
        self.title = title
        self.bars = bars
        self.horizontal = horizontal
        self.partial = partial
    }

    public func svg() -> String {
        horizontal ? horizontalSVG() : verticalSVG()
    }

    private func horizontalSVG() -> String {
        let left = 112, right = 48, row = 22, top = 6
        let h = top * 2 + row * bars.count
        let plotW = width - left - right
        let maxV = SVGText.niceMax(bars.map(\.value).max() ?? 0)
        var s = SVGText.open(width: width, height: h, title: title)
        for (i, bar) in bars.enumerated() {
            let y = top + row * i
            let w = Double(plotW) * Double(bar.value) / Double(maxV)
            s += #"<text class="axis" x="\#(left - 6)" y="\#(y + 15)" text-anchor="end">\#(HTMLText.escape(bar.label))</text>"#
            s += #"<rect class="bar" x="\#(left)" y="\#(y + 3)" width="\#(SVGText.num(w))" height="\#(row - 6)">"#
                + #"<title>\#(HTMLText.escape(bar.label)): \#(Format.int(bar.value))</title></rect>"#
            s += #"<text class="value" x="\#(SVGText.num(Double(left) + w + 4))" y="\#(y + 15)">\#(Format.int(bar.value))</text>"#
        }
        s += #"<line class="baseline" x1="\#(left)" y1="\#(top)" x2="\#(left)" y2="\#(h - top)"/>"#
        return s + "</svg>"
    }

    private func verticalSVG() -> String {
        let left = 64, right = 8, top = 18, bottom = 40
        let plotW = width - left - right, plotH = height - top - bottom
        let maxV = SVGText.niceMax(bars.map(\.value).max() ?? 0)
        var s = SVGText.open(width: width, height: height, title: title)
        s += SVGText.valueGrid(left: left, right: width - right, top: top, plotHeight: plotH, maxValue: maxV)
        guard !bars.isEmpty else { return s + "</svg>" }
        let slot = Double(plotW) / Double(bars.count)
        let barW = max(2, slot * 0.7)
        let every = max(1, Int((Double(bars.count) / 12).rounded(.up)))
        for (i, bar) in bars.enumerated() {
            let h = Double(plotH) * Double(bar.value) / Double(maxV)
            let x = Double(left) + slot * Double(i) + (slot - barW) / 2
            let y = Double(top + plotH) - h
            // Chinese brackets around a Chinese note, Latin ones around an English note.
            let note = partial[i].map { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? "（\($0)）" : " (\($0))" } ?? ""
            s += #"<rect class="bar\#(partial[i] == nil ? "" : " partial")" x="\#(SVGText.num(x))" y="\#(SVGText.num(y))" width="\#(SVGText.num(barW))" height="\#(SVGText.num(h))"><title>\#(HTMLText.escape(bar.label)): \#(Format.int(bar.value))\#(HTMLText.escape(note))</title></rect>"#
            if bars.count <= 24 {
                s += #"<text class="value" x="\#(SVGText.num(x + barW / 2))" y="\#(SVGText.num(y - 3))" text-anchor="middle">"#
                    + #"\#(Format.int(bar.value))</text>"#
            }
            if i % every == 0 {
                s += #"<text class="axis" x="\#(SVGText.num(x + barW / 2))" y="\#(top + plotH + 16)" text-anchor="middle">\#(HTMLText.escape(bar.label))\#(partial[i] == nil ? "" : "*")</text>"#
            }
        }
        s += #"<line class="baseline" x1="\#(left)" y1="\#(top + plotH)" x2="\#(width - right)" y2="\#(top + plotH)"/>"#
        return s + "</svg>"
    }
}
