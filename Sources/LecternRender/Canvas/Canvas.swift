/// Turns a `Raster` into cells on one kind of canvas. A canvas knows how many dots fit in a
/// cell and which character shows a cell's dots; colour comes from the series that drew them.
struct Canvas {
    let kind: CanvasKind
    /// The colour mode the cells will be shown in (none: characters only).
    let colour: ColourMode

    /// Dots per cell across and down.
    var dotsPerCell: (x: Int, y: Int) {
        switch kind {
        case .braille: (2, 4)
        case .blocks: (1, 2)
        case .ascii: (1, 1)
        }
    }

    /// The cells showing `raster`, which must be `columns` x `rows` cells of dots. `regions`
    /// (optional, one class per cell, row by row) shades each cell's background: in colour as
    /// the class's dark tint, else with the class's fill character where no dot is.
    func cells(_ raster: Raster, columns: Int, rows: Int, regions: [Int]? = nil) -> TextGrid {
        var grid = TextGrid(width: columns, height: rows)
        let (dx, dy) = dotsPerCell
        for row in 0..<rows {
            for column in 0..<columns {
                var dots: [Int] = []
                for y in 0..<dy { for x in 0..<dx { dots.append(raster[column * dx + x, row * dy + y]) } }
                var cell = cell(dots)
                if let regions {
                    let region = regions[row * columns + column]
                    if colour != .none && kind != .ascii {
                        if cell.foreground != nil && cell.background == nil { cell.foreground = Palette.pointOverRegion(dots.max()!) }
                        if cell.background == nil { cell.background = Palette.region(region) }
                    } else if cell.character == " " {
                        cell.character = Palette.regionFill(region)
                    }
                }
                grid[row, column] = cell
            }
        }
        return grid
    }

    /// One cell from its dots (row by row, `dotsPerCell` of them).
    private func cell(_ dots: [Int]) -> Cell {
        let top = dots.max() ?? -1
        guard top >= 0 else { return .blank }
        let foreground = colour == .none || kind == .ascii ? nil : Palette.colour(top)
        switch kind {
        case .braille:
            return Cell(Self.braille(dots.map { $0 >= 0 }), foreground: foreground)
        case .ascii:
            return Cell(Palette.marker(top))
        case .blocks:
            return halfBlock(upper: dots[0], lower: dots[1])
        }
    }

    /// Two stacked pixels: `▀` with the upper one as foreground and the lower as background,
    /// `▄` or `█` when only one or both are drawn in one colour.
    private func halfBlock(upper: Int, lower: Int) -> Cell {
        if colour == .none || kind == .ascii {
            return Cell(upper >= 0 && lower >= 0 ? "█" : upper >= 0 ? "▀" : "▄")
        }
        if upper >= 0 && lower >= 0 && upper != lower {
            return Cell("▀", foreground: Palette.colour(upper), background: Palette.colour(lower))
        }
        if upper >= 0 && lower >= 0 { return Cell("█", foreground: Palette.colour(upper)) }
        return upper >= 0 ? Cell("▀", foreground: Palette.colour(upper)) : Cell("▄", foreground: Palette.colour(lower))
    }

    /// The braille character with the given dots on (2 across, 4 down, row by row). Unicode
    /// numbers the dots down the left column (1, 2, 3, then 7) and the right (4, 5, 6, 8).
    static func braille(_ on: [Bool]) -> Character {
        let bits = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]
        var code = 0x2800
        for (index, isOn) in on.enumerated() where isOn { code |= bits[index] }
        return Character(Unicode.Scalar(code)!)
    }
}
