/// Figures as standalone SVG, for reports: the same content as in the terminal, drawn with
/// vector lines, circles and rectangles on a white page.
extension Figure {
    /// The SVG text of the figure.
    public func svg() -> String {
        switch content {
        case let .lines(plot): plot.svg()
        case let .scatter(plot): plot.svg()
        case let .histogram(plot): plot.svg()
        case let .histograms(plot): plot.svg()
        case let .image(plot): plot.svg()
        case let .bars(plot): plot.svg()
        }
    }
}

extension LinePlot {
    func svg() -> String {
        var document = SVGDocument(width: 640, height: 400)
        let legend = showsLegend ? series.indices.map { SVGAxes.LegendEntry(sample: .line, colour: Palette.colour($0), name: series[$0].name) } : []
        let axes = SVGAxes(&document, labels: labels, xRange: xRange, yRange: yRange, logY: logY, integerX: hasWholeX, legend: legend)
        for (index, line) in series.enumerated() {
            // One polyline per run of points without a gap; a lone point is a dot.
            var run: [(Double, Double)] = []
            func flush() {
                if run.count == 1 { document.circle(run[0].0, run[0].1, radius: 2.5, fill: Palette.colour(index)) }
                if run.count > 1 { document.polyline(run, stroke: Palette.colour(index)) }
                run = []
            }
            for (x, y) in zip(line.x, line.y) {
                guard let y, y.isFinite else { flush(); continue }
                run.append((axes.x(x), axes.y(y)))
            }
            flush()
        }
        return document.text
    }
}

extension ScatterPlot {
    func svg() -> String {
        var document = SVGDocument(width: 640, height: 480)
        let legend = classList.count > 1 ? classList.map { SVGAxes.LegendEntry(sample: .point, colour: Palette.colour($0), name: "class \($0)") } : []
        let axes = SVGAxes(&document, labels: labels, xRange: xRange, yRange: yRange, legend: [])
        if let regions { drawRegions(regions, &document, axes) }
        for (index, (x, y)) in zip(x, y).enumerated() where x.isFinite && y.isFinite {
            document.circle(axes.x(x), axes.y(y), radius: 3.5, fill: Palette.colour(classes[index]))
        }
        // The axis lines and the legend go on top of the regions and points.
        axes.drawAxisLines(&document)
        axes.drawLegend(&document, legend)
        return document.text
    }

    /// The regions as light rectangles, one per run of equal classes along each grid row.
    private func drawRegions(_ regions: RegionGrid, _ document: inout SVGDocument, _ axes: SVGAxes) {
        let cellWidth = (axes.right - axes.left) / Double(regions.columns)
        let cellHeight = (axes.bottom - axes.top) / Double(regions.rows)
        document.beginCrisp()
        for row in 0..<regions.rows {
            var start = 0
            for column in 1...regions.columns {
                let current = regions.classes[row * regions.columns + start]
                if column < regions.columns && regions.classes[row * regions.columns + column] == current { continue }
                document.rect(axes.left + Double(start) * cellWidth, axes.top + Double(row) * cellHeight,
                              Double(column - start) * cellWidth + 0.5, cellHeight + 0.5, fill: Palette.lightRegion(current))
                start = column
            }
        }
        document.end()
    }
}
