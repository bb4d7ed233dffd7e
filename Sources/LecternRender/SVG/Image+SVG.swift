/// Images as SVG: one square per pixel (crisp edges), tiles in a grid with their labels, and
/// the colour scale below (each tile's own range beside its label when tiles are scaled apart).
extension ImagePlot {
    func svg() -> String {
        let single = images.count == 1 && labels.isEmpty
        let largest = Double(images.map { max($0.width, $0.height) }.max() ?? 1)
        // A single image about 320 pixels across; tiles about 96.
        let pixel = max((single ? 320 : 96) / largest, 1)
        let tileWidth = Double(images.map(\.width).max() ?? 1) * pixel, tileHeight = Double(images.map(\.height).max() ?? 1) * pixel
        let perRow = single ? 1 : min(images.count, max(Int(900 / (tileWidth + 16)), 1))
        let rowCount = (images.count + perRow - 1) / perRow
        let labelSpace = single ? 0.0 : 18.0
        let header = title == nil ? 12.0 : 40.0
        let gridWidth = Double(perRow) * (tileWidth + 16) - 16
        let width = max(gridWidth, 240) + 24
        let height = header + Double(rowCount) * (tileHeight + labelSpace + 12) + 50
        var document = SVGDocument(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)))
        if let title { document.text(title, width / 2, 26, size: 16, anchor: .middle, bold: true) }
        for (index, image) in images.enumerated() {
            let x0 = 12 + Double(index % perRow) * (tileWidth + 16)
            let y0 = header + Double(index / perRow) * (tileHeight + labelSpace + 12)
            if !single, index < labels.count {
                let range = shared ? "" : " " + rangeLabel(index)
                document.text(labels[index] + range, x0 + tileWidth / 2, y0 + 13, size: 12, anchor: .middle)
            }
            drawPixels(image, scale(index), &document, x0: x0, y0: y0 + labelSpace, pixel: pixel)
        }
        drawScale(&document, x0: 12, y0: height - 42, width: max(gridWidth, 240))
        return document.text
    }

    private func drawPixels(_ image: Image, _ scale: ImageScale, _ document: inout SVGDocument, x0: Double, y0: Double,
                            pixel: Double) {
        document.beginCrisp()
        for row in 0..<image.height {
            for column in 0..<image.width {
                document.rect(x0 + Double(column) * pixel, y0 + Double(row) * pixel, pixel, pixel,
                              fill: scale.map.colour(scale.position(image[row, column])))
            }
        }
        document.end()
    }

    /// A bar of 64 steps of the colour map, with the values at its ends (and 0 in the middle);
    /// "low" and "high" when each tile has its own range.
    private func drawScale(_ document: inout SVGDocument, x0: Double, y0: Double, width: Double) {
        let steps = 64, map = scales.contains { $0.map == .diverging } ? ColourMap.diverging : .gray
        let ends = shared ? (Ticks.short(scales[0].range.lowerBound), Ticks.short(scales[0].range.upperBound)) : ("low", "high")
        document.beginCrisp()
        for step in 0..<steps {
            let t = Double(step) / Double(steps - 1)
            document.rect(x0 + width * Double(step) / Double(steps), y0, width / Double(steps) + 0.5, 12, fill: map.colour(t))
        }
        document.end()
        document.rect(x0, y0, width, 12, fill: nil, stroke: SVGAxes.ink)
        document.text(ends.0, x0, y0 + 28, size: 11, anchor: .start)
        document.text(ends.1, x0 + width, y0 + 28, size: 11, anchor: .end)
        if map == .diverging { document.text("0", x0 + width / 2, y0 + 28, size: 11, anchor: .middle) }
    }
}
