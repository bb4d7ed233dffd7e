/// Where the images of an image plot go: one image as large as the terminal allows, or a grid
/// of tiles with a label above each (and its range below, when tiles are scaled apart); the
/// title on top and the scale below.
extension ImagePlot {
    /// The rows a figure needs besides its image: title, gap, scale bar and its numbers, and
    /// the prompt that follows.
    static let frameRows = 5

    /// The largest single image, in cell widths (a cell is about twice as tall as wide):
    /// `size` columns when asked for; else the width, and the terminal's height less the
    /// frame (at least 12 rows; no limit when the height is unknown). A small image (up to 32
    /// canvas pixels tall, such as an 8x8 digit) grows to at most 16 rows.
    func singleBox(width: Int, height: Int?, canvas: Canvas) -> (width: Double, height: Double) {
        if let size { return (Double(min(size, width)), .infinity) }
        let small = Double(images[0].height) * Self.pixelSize(canvas) <= 32
        let rows = small ? 16 : height.map { max($0 - Self.frameRows, 12) }
        return (Double(width), rows.map { 2 * Double($0) } ?? .infinity)
    }

    /// The width of a tile of a grid: `size` when asked for, else as many tiles per row as fit
    /// at least 16 columns each (8 when there are more than 16 tiles), sharing the width; but
    /// no wider than 16 columns or the image's own size on `canvas`, whichever is larger (a
    /// 3x3 filter does not fill the screen).
    func tileWidth(width: Int, canvas: Canvas) -> Int {
        if let size { return min(size, width) }
        let least = images.count > 16 ? 8 : 16
        let perRow = balancedRow(count: images.count, fitting: max((width + 2) / (least + 2), 1))
        let natural = Double(images.map(\.width).max() ?? 1) * Self.pixelSize(canvas)
        return min(max((width + 2) / perRow - 2, 4), max(16, Int(natural.rounded(.up))), 48)
    }

    func render(width: Int, height: Int? = nil, canvas: Canvas) -> TextGrid {
        var parts: [TextGrid] = []
        if images.count == 1 && labels.isEmpty {
            let box = singleBox(width: width, height: height, canvas: canvas)
            let image = Self.fitted(images[0], maxWidth: box.width, maxHeight: box.height, canvas: canvas,
                                    pooling: poolings[0])
            parts.append(cells(image, scales[0], canvas: canvas))
        } else {
            parts.append(grid(width: width, height: height, canvas: canvas))
        }
        let imageWidth = parts[0].width
        parts.append(scaleBar(width: min(max(imageWidth, 24), width), canvas: canvas))
        let total = parts.map(\.height).reduce(0, +) + 1 + (title == nil ? 0 : 1)
        var figure = TextGrid(width: width, height: total)
        var row = 0
        if let title {
            figure.writeCentred(title, row: 0, from: 0, to: max(imageWidth, min(title.count, width)))
            row = 1
        }
        figure.place(parts[0], row: row, column: 0)
        figure.place(parts[1], row: row + parts[0].height + 1, column: 0)
        return figure
    }

    /// The tiles in rows, two columns apart, each under its label (and over its range when
    /// scaled apart); as many per row as fit. A tile is at most the terminal's height less the
    /// frame and its label.
    private func grid(width: Int, height: Int?, canvas: Canvas) -> TextGrid {
        let side = Double(tileWidth(width: width, canvas: canvas))
        let tallest = height.map { 2 * Double(max($0 - Self.frameRows - 2, 4)) } ?? .infinity
        let tiles = images.indices.map { index in
            let image = Self.fitted(images[index], maxWidth: side, maxHeight: min(side, tallest), canvas: canvas,
                                    pooling: poolings[index])
            return cells(image, scale(index), canvas: canvas)
        }
        let ranges = shared ? [] : images.indices.map(rangeLabel)
        let tileWidth = max(tiles.map(\.width).max() ?? 1, labels.map(\.count).max() ?? 1, min(ranges.map(\.count).max() ?? 0, width))
        let tileHeight = (tiles.map(\.height).max() ?? 1) + 1 + (shared ? 0 : 1)
        let perRow = balancedRow(count: tiles.count, fitting: max((width + 2) / (tileWidth + 2), 1))
        let rowCount = (tiles.count + perRow - 1) / perRow
        var grid = TextGrid(width: perRow * (tileWidth + 2) - 2, height: rowCount * (tileHeight + 1) - 1)
        for (index, tile) in tiles.enumerated() {
            let row = (index / perRow) * (tileHeight + 1), column = (index % perRow) * (tileWidth + 2)
            if index < labels.count { grid.writeCentred(labels[index], row: row, from: column, to: column + tileWidth) }
            grid.place(tile, row: row + 1, column: column)
            if !shared { grid.writeCentred(ranges[index], row: row + tileHeight - 1, from: column, to: column + tileWidth) }
        }
        return grid
    }

    /// "-0.52..0.61": the range of image `index`'s own scale.
    func rangeLabel(_ index: Int) -> String {
        let range = scale(index).range
        return Ticks.short(range.lowerBound) + ".." + Ticks.short(range.upperBound)
    }
}
