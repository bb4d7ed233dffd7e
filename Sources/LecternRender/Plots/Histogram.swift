/// Counts of values in equal bins over a range: one histogram.
public struct Histogram: Sendable, Equatable {
    public var counts: [Int]
    /// The range the bins cover, from the low edge of the first to the high edge of the last.
    public var range: ClosedRange<Double>
    public var labels: PlotLabels
    /// Mean and standard deviation of the values (shown under a panel of a grid).
    public var mean: Double, std: Double

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
        let top = Double(max(counts.max() ?? 1, 1))
        let axes = Axes(title: labels.title, xLabel: labels.xLabel, yLabel: labels.yLabel ?? "count", xRange: range, yRange: 0...top)
        let steps = Bars.steps(canvas.kind, upward: true)
        return axes.render(width: width, rows: min(max(width / 6, 6), 12), resolution: (1, steps),
                           ascii: canvas.kind == .ascii) { columns, rows in
            bars(columns: columns, rows: rows, kind: canvas.kind, colour: canvas.colour == .none ? nil : Palette.colour(0))
        }
    }

    /// The bars alone, `columns` x `rows` cells: each column shows the bin at its centre, its
    /// height in proportion to the largest count; a non-empty bin shows at least one step.
    func bars(columns: Int, rows: Int, kind: CanvasKind, colour: RGB?) -> TextGrid {
        var grid = TextGrid(width: columns, height: rows)
        let top = Double(max(counts.max() ?? 1, 1)), steps = Bars.steps(kind, upward: true)
        for column in 0..<columns {
            let bin = min(Int((Double(column) + 0.5) / Double(columns) * Double(counts.count)), counts.count - 1)
            var height = Int((Double(counts[bin]) / top * Double(rows * steps)).rounded())
            if counts[bin] > 0 { height = max(height, 1) }
            for (row, cell) in Bars.column(kind, height: height, rows: rows, colour: colour).enumerated() {
                grid[row, column] = cell
            }
        }
        return grid
    }
}
