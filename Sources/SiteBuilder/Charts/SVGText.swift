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

    /// The opening of a chart: its box and an accessible title (screen readers and hover read it).
    static func open(width: Int, height: Int, title: String, cssClass: String = "chart") -> String {
        let t = HTMLText.escape(title)
        return #"<svg class="\#(cssClass)" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="\#(t)"><title>\#(t)</title>"#
    }

    /// Five horizontal grid lines from `maxValue` down to 0 with their numbers on the left axis.
    static func valueGrid(left: Int, right: Int, top: Int, plotHeight: Int, maxValue: Int) -> String {
        var s = ""
        for i in 0...4 {
            let y = Double(top) + Double(plotHeight) * Double(i) / 4
            s += #"<line class="grid" x1="\#(left)" y1="\#(num(y))" x2="\#(right)" y2="\#(num(y))"/>"#
            s += #"<text class="axis" x="\#(left - 4)" y="\#(num(y + 4))" text-anchor="end">\#(Format.int(maxValue * (4 - i) / 4))</text>"#
        }
        return s
    }
}
