#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The frame around a plot: title, legend, y tick labels and axis on the left, x axis with
/// tick labels below, axis labels. The plot area itself is drawn by the caller.
///
/// ```
///              title
///  loss                 ⠒⠒ train  ⠂⠂ val
///   1.5 ┤⡀
///   1.0 ┤⠈⠢⣀
///   0.5 ┤   ⠉⠒⠤⠤⣀⣀
///       └┬────┬────┬
///        0    5    10
///            epoch
/// ```
struct Axes {
    var title: String?
    var xLabel: String?
    var yLabel: String?
    /// The ranges of the plot area (for a log axis, in powers of ten: log10 of the values).
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var logY = false
    /// Whether ticks may fall only on whole numbers (epochs, indices, counts).
    var integerX = false, integerY = false
    var legend: [Legend.Entry] = []

    /// Rows the frame adds around a plot area of the given height.
    var extraRows: Int { (title == nil ? 0 : 1) + (legend.isEmpty && yLabel == nil ? 0 : 1) + 2 + (xLabel == nil ? 0 : 1) }

    /// The figure: `rows` rows of plot area, `width` columns in all. `resolution` is the plot
    /// area's dots per cell (so that ticks sit where the data do); `plot(columns, rows)` draws it.
    func render(width: Int, rows: Int, resolution: (x: Int, y: Int), ascii: Bool,
                plot: (_ columns: Int, _ rows: Int) -> TextGrid) -> TextGrid {
        let yTicks = logY ? Ticks(logLow: pow(10, yRange.lowerBound), high: pow(10, yRange.upperBound))
                          : Ticks(low: yRange.lowerBound, high: yRange.upperBound, count: max(rows / 3, 2), integers: integerY)
        let labelWidth = yTicks.labels.map(\.count).max() ?? 1
        let axisColumn = labelWidth + 1, columns = max(width - axisColumn - 1, 4)
        var grid = TextGrid(width: width, height: rows + extraRows)
        var top = 0
        if let title {
            grid.writeCentred(title, row: 0, from: axisColumn + 1, to: width)
            top += 1
        }
        if !legend.isEmpty || yLabel != nil {
            if let yLabel { grid.write(String(yLabel.prefix(width / 2)), row: top, column: 0) }
            Legend.place(legend, in: &grid, row: top, from: yLabel.map { $0.count + 2 } ?? axisColumn + 1, to: width)
            top += 1
        }
        let map = DotMap(xRange: xRange, yRange: yRange, width: columns * resolution.x, height: rows * resolution.y)
        for row in 0..<rows { grid[top + row, axisColumn] = Cell(ascii ? "|" : "│") }
        var lastRow = -1
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let row = map.y(logY ? log10(value) : value) / resolution.y
            guard row != lastRow, row >= 0, row < rows else { continue }
            lastRow = row
            grid.write(String(repeating: " ", count: labelWidth - label.count) + label, row: top + row, column: 0)
            grid[top + row, axisColumn] = Cell(ascii ? "+" : "┤")
        }
        grid.place(plot(columns, rows), row: top, column: axisColumn + 1)
        let axisRow = top + rows
        grid[axisRow, axisColumn] = Cell(ascii ? "+" : "└")
        for column in 0..<columns { grid[axisRow, axisColumn + 1 + column] = Cell(ascii ? "-" : "─") }
        placeXTicks(in: &grid, row: axisRow, start: axisColumn + 1, columns: columns, map: map,
                    resolution: resolution.x, ascii: ascii)
        if let xLabel { grid.writeCentred(xLabel, row: axisRow + 2, from: axisColumn + 1, to: width) }
        return grid
    }

    /// Tick marks on the x axis and their labels below it, skipping any label that would
    /// touch the one before.
    private func placeXTicks(in grid: inout TextGrid, row: Int, start: Int, columns: Int, map: DotMap,
                             resolution: Int, ascii: Bool) {
        let ticks = Ticks(low: xRange.lowerBound, high: xRange.upperBound, count: max(columns / 10, 2), integers: integerX)
        var free = 0
        for (value, label) in zip(ticks.values, ticks.labels) {
            guard value >= xRange.lowerBound - 1e-9, value <= xRange.upperBound + 1e-9 else { continue }
            let column = map.x(value) / resolution
            let first = min(max(start + column - (label.count - 1) / 2, 0), grid.width - label.count)
            guard first >= free else { continue }
            grid[row, start + column] = Cell(ascii ? "+" : "┬")
            grid.write(label, row: row + 1, column: first)
            free = first + label.count + 1
        }
    }
}
