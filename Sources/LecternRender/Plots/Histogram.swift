/// Counts of values in equal bins over a range: one histogram.
public struct Histogram: Sendable, Equatable {
    public var counts: [Int]
    /// The range the bins cover, from the low edge of the first to the high edge of the last.
    public var range: ClosedRange<Double>
    public var labels: PlotLabels
    /// Mean and standard deviation of the values (shown under a panel of a grid).
    public var mean: Double, std: Double

    /// The bins when none are asked for: 2520 is divisible by every width from 1 to 10 and by
    /// most widths a terminal gives a plot, so summing them per column gives one even bin per column.
    public static let fine = 2520

    /// `values` counted in `bins` equal bins over `range` (default: their own range); values
    /// outside it are left out, the top edge counts in the last bin. Non-finite values are ignored.
    public init(_ values: [Double], bins: Int, range: ClosedRange<Double>? = nil, labels: PlotLabels = PlotLabels()) {
        let finite = values.filter(\.isFinite)
        let range = range ?? .covering(finite)
        var counts = Array(repeating: 0, count: max(bins, 1))
        for value in finite where range.contains(value) {
            let bin = Int(DotMap.fraction(value, range) * Double(counts.count))
            counts[min(bin, counts.count - 1)] += 1
        }
        self.counts = counts
        self.range = range
        self.labels = labels
        let mean = finite.isEmpty ? 0 : finite.reduce(0, +) / Double(finite.count)
        self.mean = mean
        std = finite.isEmpty ? 0 : (finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(finite.count)).squareRoot()
    }

    /// The bins as columns of bars over an x axis of values and a y axis of counts.
    func render(width: Int, canvas: Canvas) -> TextGrid {
        // The count axis is set before the axes know their width: guess the plot's columns (the
        // count labels take at most 6), which matters only with more bins than columns.
        let top = Double(max(columnCounts(max(width - 8, 1)).max() ?? 1, 1))
        var axes = Axes(title: labels.title, xLabel: labels.xLabel, yLabel: labels.yLabel ?? "count", xRange: range, yRange: 0...top)
        axes.integerY = true
        let steps = Bars.steps(canvas.kind, upward: true)
        return axes.render(width: width, rows: min(max(width / 6, 6), 12), resolution: (1, steps),
                           ascii: canvas.kind == .ascii) { columns, rows in
            bars(columns: columns, rows: rows, kind: canvas.kind, colour: canvas.colour == .none ? nil : Palette.colour(0), top: top)
        }
    }

    /// The count each of `columns` columns shows: the bin at its centre, or the sum of the
    /// bins it covers when there are more bins than columns.
    func columnCounts(_ columns: Int) -> [Int] {
        (0..<columns).map { column in
            if counts.count <= columns {
                return counts[min(Int((Double(column) + 0.5) / Double(columns) * Double(counts.count)), counts.count - 1)]
            }
            let first = column * counts.count / columns, last = (column + 1) * counts.count / columns
            return counts[first..<max(last, first + 1)].reduce(0, +)
        }
    }

    /// The bars alone, `columns` x `rows` cells, full height at `top` (default: the largest
    /// column); a non-empty column shows at least one step.
    func bars(columns: Int, rows: Int, kind: CanvasKind, colour: RGB?, top: Double? = nil) -> TextGrid {
        var grid = TextGrid(width: columns, height: rows)
        let shown = columnCounts(columns)
        let top = top ?? Double(max(shown.max() ?? 1, 1)), steps = Bars.steps(kind, upward: true)
        for column in 0..<columns {
            var height = Int((Double(shown[column]) / top * Double(rows * steps)).rounded())
            if shown[column] > 0 { height = max(height, 1) }
            for (row, cell) in Bars.column(kind, height: height, rows: rows, colour: colour).enumerated() {
                grid[row, column] = cell
            }
        }
        return grid
    }
}
