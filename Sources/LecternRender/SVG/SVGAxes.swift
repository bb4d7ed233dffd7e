#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The frame of an SVG plot: title, light grid lines at the ticks, axes, tick labels, axis
/// labels and a legend; then maps values to page coordinates for what goes inside.
struct SVGAxes {
    /// The plot area on the page.
    let left: Double, top: Double, right: Double, bottom: Double
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    let logY: Bool

    enum Sample { case line, point }
    struct LegendEntry { var sample: Sample; var colour: RGB; var name: String }

    static let ink = RGB(51, 51, 51), grid = RGB(224, 224, 224)

    /// Draws the frame on `document` around a plot area filling it less the margins.
    init(_ document: inout SVGDocument, labels: PlotLabels, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
         logY: Bool = false, integerX: Bool = false, integerY: Bool = false, legend: [LegendEntry] = []) {
        left = 72
        top = labels.title == nil ? 20 : 44
        right = Double(document.width) - 24
        bottom = Double(document.height) - (labels.xLabel == nil ? 40 : 58)
        self.xRange = xRange
        self.yRange = yRange
        self.logY = logY
        if let title = labels.title { document.text(title, Double(document.width) / 2, 26, size: 16, anchor: .middle, bold: true) }
        drawTicks(&document, integerX: integerX, integerY: integerY)
        drawAxisLines(&document)
        if let xLabel = labels.xLabel { document.text(xLabel, (left + right) / 2, Double(document.height) - 14, size: 13, anchor: .middle) }
        if let yLabel = labels.yLabel { document.text(yLabel, 18, (top + bottom) / 2, size: 13, anchor: .middle, rotated: true) }
        drawLegend(&document, legend)
    }

    /// The left and bottom axis lines (again, after something was drawn over them).
    func drawAxisLines(_ document: inout SVGDocument) {
        document.line(left, top, left, bottom, stroke: Self.ink)
        document.line(left, bottom, right, bottom, stroke: Self.ink)
    }

    func x(_ value: Double) -> Double { left + (right - left) * DotMap.fraction(value, xRange) }
    /// The page y of a data value (its log10 on a log axis).
    func y(_ value: Double) -> Double { bottom - (bottom - top) * DotMap.fraction(logY ? log10(value) : value, yRange) }

    private func drawTicks(_ document: inout SVGDocument, integerX: Bool, integerY: Bool) {
        let yTicks = logY ? Ticks(logLow: pow(10, yRange.lowerBound), high: pow(10, yRange.upperBound))
                          : Ticks(low: yRange.lowerBound, high: yRange.upperBound, count: 5, integers: integerY)
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let py = y(value)
            document.line(left, py, right, py, stroke: Self.grid)
            document.line(left - 4, py, left, py, stroke: Self.ink)
            document.text(label, left - 7, py + 4, size: 11, anchor: .end)
        }
        let ticks = Ticks(low: xRange.lowerBound, high: xRange.upperBound, count: 6, integers: integerX)
        for (value, label) in zip(ticks.values, ticks.labels) where xRange.contains(value) {
            let px = x(value)
            document.line(px, bottom, px, bottom + 4, stroke: Self.ink)
            document.text(label, px, bottom + 18, size: 11, anchor: .middle)
        }
    }

    /// The legend in the top right corner of the plot area, one entry per line.
    func drawLegend(_ document: inout SVGDocument, _ entries: [LegendEntry]) {
        guard !entries.isEmpty else { return }
        let width = Double(entries.map(\.name.count).max() ?? 0) * 7 + 44, height = Double(entries.count) * 18 + 8
        let x0 = right - width - 8, y0 = top + 8
        document.rect(x0, y0, width, height, fill: RGB(255, 255, 255), stroke: RGB(200, 200, 200))
        for (index, entry) in entries.enumerated() {
            let y = y0 + 16 + Double(index) * 18
            switch entry.sample {
            case .line: document.line(x0 + 8, y - 4, x0 + 28, y - 4, stroke: entry.colour, width: 2)
            case .point: document.circle(x0 + 18, y - 4, radius: 4, fill: entry.colour)
            }
            document.text(entry.name, x0 + 36, y, size: 12)
        }
    }
}
