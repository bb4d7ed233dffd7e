/// Where the images of an image plot go: one image as large as fits, or a grid of tiles with a
/// label above each; the title on top and the scale below.
extension ImagePlot {
    /// The most rows a single image takes: 16 (an 8x8 digit at 4 rows per 2 pixels), 24 for
    /// an image too detailed for 16 (a photograph).
    static func maxRows(_ image: Image, _ canvas: Canvas) -> Int {
        Double(image.height) * pixelSize(canvas) > 32 ? 24 : 16
    }
    /// The largest tile of a grid, in cell widths.
    static let maxTile = 12.0

    func render(width: Int, canvas: Canvas) -> TextGrid {
        var parts: [TextGrid] = []
        if images.count == 1 && labels.isEmpty {
            let image = Self.fitted(images[0], maxWidth: Double(min(width, 64)),
                                    maxHeight: Double(2 * Self.maxRows(images[0], canvas)), canvas: canvas)
            parts.append(cells(image, canvas: canvas))
        } else {
            parts.append(grid(width: width, canvas: canvas))
        }
        let imageWidth = parts[0].width
        parts.append(scaleBar(width: min(max(imageWidth, 24), width), canvas: canvas))
        let height = parts.map(\.height).reduce(0, +) + 1 + (title == nil ? 0 : 1)
        var figure = TextGrid(width: width, height: height)
        var row = 0
        if let title {
            figure.writeCentred(title, row: 0, from: 0, to: max(imageWidth, min(title.count, width)))
            row = 1
        }
        figure.place(parts[0], row: row, column: 0)
        figure.place(parts[1], row: row + parts[0].height + 1, column: 0)
        return figure
    }

    /// The tiles in rows, two columns apart, each under its label; as many per row as fit.
    private func grid(width: Int, canvas: Canvas) -> TextGrid {
        let tiles = images.map { Self.fitted($0, maxWidth: Self.maxTile, maxHeight: Self.maxTile, canvas: canvas) }
            .map { cells($0, canvas: canvas) }
        let tileWidth = max(tiles.map(\.width).max() ?? 1, labels.map(\.count).max() ?? 1)
        let tileHeight = (tiles.map(\.height).max() ?? 1) + 1
        let perRow = balancedRow(count: tiles.count, fitting: max((width + 2) / (tileWidth + 2), 1))
        let rowCount = (tiles.count + perRow - 1) / perRow
        var grid = TextGrid(width: perRow * (tileWidth + 2) - 2, height: rowCount * (tileHeight + 1) - 1)
        for (index, tile) in tiles.enumerated() {
            let row = (index / perRow) * (tileHeight + 1), column = (index % perRow) * (tileWidth + 2)
            if index < labels.count { grid.writeCentred(labels[index], row: row, from: column, to: column + tileWidth) }
            grid.place(tile, row: row + 1, column: column)
        }
        return grid
    }
}
