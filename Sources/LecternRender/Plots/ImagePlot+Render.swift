/// How an image plot is drawn in the terminal: pixel sizes per canvas, the cells of an image,
/// and the scale.
extension ImagePlot {
    /// The size of one canvas pixel in units of a cell's width (a cell is about twice as tall
    /// as wide): half blocks give square pixels of one column by half a row; shading characters
    /// are doubled across (two columns by one row); braille dots are half a column wide.
    static func pixelSize(_ canvas: Canvas) -> Double {
        switch canvas.kind {
        case .blocks: canvas.colour == .none ? 2 : 1
        case .ascii: 2
        case .braille: 0.5
        }
    }

    /// An image scaled to fit `maxWidth` x `maxHeight` (in cell widths) on `canvas`: whole
    /// multiples when it grows (sharp pixels), pooling when it shrinks (`Image.resampled`).
    static func fitted(_ image: Image, maxWidth: Double, maxHeight: Double, canvas: Canvas, pooling: Image.Pooling = .mean) -> Image {
        let unit = pixelSize(canvas)
        let perPixel = min(maxWidth / Double(image.width), maxHeight / Double(image.height)) / unit
        if perPixel >= 1 {
            let factor = Int(perPixel.rounded(.down))
            return image.resampled(height: image.height * factor, width: image.width * factor)
        }
        return image.resampled(height: max(Int(Double(image.height) * perPixel), 1),
                               width: max(Int(Double(image.width) * perPixel), 1), pooling: pooling)
    }

    /// The cells showing `image` (already at canvas resolution) on `scale`.
    func cells(_ image: Image, _ scale: ImageScale, canvas: Canvas) -> TextGrid {
        switch (canvas.kind, canvas.colour) {
        case (.braille, _): return brailleCells(image, scale, canvas)
        case (.blocks, .none): return shadeCells(image, scale, ascii: false)
        case (.ascii, _): return shadeCells(image, scale, ascii: true)
        case (.blocks, _): return halfBlockCells(image, scale)
        }
    }

    /// Two pixels per cell: the upper as foreground of `▀`, the lower as background.
    private func halfBlockCells(_ image: Image, _ scale: ImageScale) -> TextGrid {
        var grid = TextGrid(width: image.width, height: (image.height + 1) / 2)
        for row in 0..<grid.height {
            for column in 0..<image.width {
                let upper = scale.map.colour(scale.position(image[2 * row, column]))
                let lower = 2 * row + 1 < image.height ? scale.map.colour(scale.position(image[2 * row + 1, column])) : nil
                grid[row, column] = Cell("▀", foreground: upper, background: lower)
            }
        }
        return grid
    }

    /// One pixel per two cells across, shaded (`Palette.glyph`) from the low end of the scale
    /// to the high, or by magnitude with a glyph family per sign on a diverging scale.
    private func shadeCells(_ image: Image, _ scale: ImageScale, ascii: Bool) -> TextGrid {
        var grid = TextGrid(width: 2 * image.width, height: image.height)
        for row in 0..<image.height {
            for column in 0..<image.width {
                let shade = Palette.glyph(scale.position(image[row, column]), signed: scale.map == .diverging, ascii: ascii)
                grid[row, 2 * column] = Cell(shade)
                grid[row, 2 * column + 1] = Cell(shade)
            }
        }
        return grid
    }

    /// One pixel per braille dot, on where the value beats a 4 x 4 ordered-dither threshold
    /// (Bayer), so that gray levels show as dot densities; coloured by the cell's mean value.
    private func brailleCells(_ image: Image, _ scale: ImageScale, _ canvas: Canvas) -> TextGrid {
        let bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]
        var grid = TextGrid(width: (image.width + 1) / 2, height: (image.height + 3) / 4)
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                var on: [Bool] = [], sum = 0.0, count = 0
                for y in 4 * row..<4 * row + 4 {
                    for x in 2 * column..<2 * column + 2 {
                        guard y < image.height, x < image.width else { on.append(false); continue }
                        let t = scale.position(image[y, x])
                        on.append(t > (Double(bayer[(y % 4) * 4 + x % 4]) + 0.5) / 16)
                        sum += t
                        count += 1
                    }
                }
                let colour = canvas.colour == .none ? nil : scale.map.colour(sum / Double(max(count, 1)))
                grid[row, column] = on.contains(true) ? Cell(Canvas.braille(on), foreground: colour) : .blank
            }
        }
        return grid
    }

    /// The scale: a bar from the low end to the high one, and the values at its ends (and 0 in
    /// the middle of a diverging scale) on the row below; "low" and "high" when each tile of a
    /// grid has its own range (printed beneath the tile).
    func scaleBar(width: Int, canvas: Canvas) -> TextGrid {
        let map = scales.contains { $0.map == .diverging } ? ColourMap.diverging : .gray
        var grid = TextGrid(width: width, height: 2)
        for column in 0..<width {
            let t = width > 1 ? Double(column) / Double(width - 1) : 0.5
            if canvas.colour != .none && canvas.kind != .ascii {
                grid[0, column] = Cell("█", foreground: map.colour(t))
            } else {
                grid[0, column] = Cell(Palette.glyph(t, signed: map == .diverging, ascii: canvas.kind == .ascii))
            }
        }
        let low = shared ? Ticks.short(scales[0].range.lowerBound) : "low"
        let high = shared ? Ticks.short(scales[0].range.upperBound) : "high"
        grid.write(low, row: 1, column: 0)
        grid.write(high, row: 1, column: width - high.count)
        if map == .diverging { grid.writeCentred("0", row: 1, from: 0, to: width) }
        return grid
    }
}
