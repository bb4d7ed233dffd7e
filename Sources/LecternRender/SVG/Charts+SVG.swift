/// Histograms and bar charts as SVG.
extension Histogram {
    func svg() -> String {
        var document = SVGDocument(width: 640, height: 400)
        let top = Double(max(svgCounts.max() ?? 1, 1))
        let labels = PlotLabels(title: self.labels.title, xLabel: self.labels.xLabel, yLabel: self.labels.yLabel ?? "count")
        let axes = SVGAxes(&document, labels: labels, xRange: range, yRange: 0...top, integerY: true)
        drawBars(&document, left: axes.left, right: axes.right, baseline: axes.bottom, height: axes.bottom - axes.top)
        axes.drawAxisLines(&document)
        return document.text
    }

    /// The counts an SVG shows: the bins, or 60 merged bins when there are more (the fine bins
    /// of a histogram without `bins` would be hair-thin rectangles).
    var svgCounts: [Int] { counts.count > 120 ? columnCounts(60) : counts }

    /// One rectangle per bin between `left` and `right`, the largest `height` tall.
    func drawBars(_ document: inout SVGDocument, left: Double, right: Double, baseline: Double, height: Double) {
        let counts = svgCounts
        let top = Double(max(counts.max() ?? 1, 1)), width = (right - left) / Double(counts.count)
        for (bin, count) in counts.enumerated() where count > 0 {
            let h = Double(count) / top * height
            // A white edge parts wide bars; on narrow ones it would hide them.
            document.rect(left + Double(bin) * width, baseline - h, width, h, fill: Palette.colour(0),
                          stroke: width >= 4 ? RGB(255, 255, 255) : nil)
        }
    }
}

extension HistogramGrid {
    /// Panels 200 x 150, up to five in a row.
    func svg() -> String {
        let perRow = min(panels.count, 5), rowCount = (panels.count + perRow - 1) / perRow
        let header = title == nil ? 10.0 : 40.0
        var document = SVGDocument(width: perRow * 200 + 20, height: Int(header) + rowCount * 150 + 10)
        if let title { document.text(title, Double(document.width) / 2, 26, size: 16, anchor: .middle, bold: true) }
        for (index, panel) in panels.enumerated() {
            let x0 = 10 + Double(index % perRow) * 200 + 15, y0 = header + Double(index / perRow) * 150
            let left = x0, right = x0 + 170, baseline = y0 + 100
            document.text(titles[index], (left + right) / 2, y0 + 16, size: 12, anchor: .middle, bold: true)
            panel.drawBars(&document, left: left, right: right, baseline: baseline, height: 76)
            document.line(left, baseline, right, baseline, stroke: SVGAxes.ink)
            document.text(Ticks.short(range.lowerBound), left, baseline + 15, size: 10, anchor: .start)
            document.text(Ticks.short(range.upperBound), right, baseline + 15, size: 10, anchor: .end)
            document.text("std " + Ticks.short(panel.std), (left + right) / 2, baseline + 32, size: 11, anchor: .middle)
        }
        return document.text
    }
}

extension BarChart {
    /// Bars 26 pixels apart, labels on the left, values at the bars' ends.
    func svg() -> String {
        let header = title == nil ? 16.0 : 44.0
        var document = SVGDocument(width: 640, height: Int(header) + 26 * values.count + 16)
        if let title { document.text(title, 320, 26, size: 16, anchor: .middle, bold: true) }
        let finite = values.map { $0.isFinite ? $0 : 0 }
        let low = min(finite.min() ?? 0, 0), high = max(finite.max() ?? 0, 0), span = high > low ? high - low : 1
        let left = 130.0, right = 570.0
        let zero = left + (right - left) * -low / span
        for (index, value) in finite.enumerated() {
            let y = header + Double(index) * 26
            document.text(String(labels[index].prefix(18)), left - 8, y + 15, size: 12, anchor: .end)
            let length = abs(value) / span * (right - left)
            document.rect(value < 0 ? zero - length : zero, y + 3, length, 18, fill: Palette.colour(value < 0 ? 3 : 0))
            document.text(Ticks.short(values[index]), value < 0 ? zero + 6 : zero + length + 6, y + 16, size: 11)
        }
        document.line(zero, header, zero, header + Double(values.count) * 26, stroke: SVGAxes.ink)
        return document.text
    }
}
