/// The legend of a figure: a short sample of each series' line or marker, then its name, in
/// one row.
enum Legend {
    struct Entry {
        var sample: [Cell]
        var name: String
    }

    /// The entries one after another, three spaces apart, ending at column `to` (or starting at
    /// `from` when they do not fit); entries past the edge are left out.
    static func place(_ entries: [Entry], in grid: inout TextGrid, row: Int, from: Int, to: Int) {
        guard !entries.isEmpty else { return }
        let length = entries.map { $0.sample.count + 1 + $0.name.count }.reduce(0, +) + 3 * (entries.count - 1)
        var column = max(from, to - length)
        for entry in entries {
            guard column + entry.sample.count + 1 + entry.name.count <= to else { break }
            for cell in entry.sample {
                grid[row, column] = cell
                column += 1
            }
            grid.write(entry.name, row: row, column: column + 1)
            column += entry.name.count + 4
        }
    }

    /// The sample of a line series on `canvas`: its dash in braille dots, or two marker
    /// characters on ASCII; coloured when the canvas shows colour.
    static func lineSample(_ index: Int, canvas: Canvas, dashed: Bool) -> [Cell] {
        if canvas.kind == .ascii { return Array(repeating: Cell(Palette.marker(index)), count: 2) }
        if canvas.colour != .none { return Array(repeating: Cell("─", foreground: Palette.colour(index)), count: 2) }
        var raster = Raster(width: 8, height: 4)
        var step = 0
        raster.line(0, 1, 7, 1, index, dash: dashed ? .of(index) : .solid, step: &step)
        let cells = Canvas(kind: .braille, colour: .none).cells(raster, columns: 4, rows: 1)
        return (0..<4).map { cells[0, $0] }
    }

    /// The sample of a class of points: its marker on ASCII, else a block of dots in its
    /// colour (all alike without colour: use the ASCII canvas then, as the automatic choice does).
    static func pointSample(_ index: Int, canvas: Canvas) -> [Cell] {
        if canvas.kind == .ascii { return [Cell(Palette.marker(index))] }
        return [Cell("⣿", foreground: canvas.colour == .none ? nil : Palette.colour(index))]
    }
}

/// How many of `count` items to put in a row when at most `fitting` fit: the fewest rows,
/// filled as evenly as possible.
func balancedRow(count: Int, fitting: Int) -> Int {
    let rows = (count + fitting - 1) / max(fitting, 1)
    return max((count + rows - 1) / max(rows, 1), 1)
}
