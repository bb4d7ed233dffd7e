/// Horizontal bars, one per value, each with its label on the left and its value on the right.
/// Negative values grow to the left of a zero line.
///
/// ```
///   cat ████████████▌ 0.52
///   dog ███▍ 0.14
/// ```
public struct BarChart: Sendable, Equatable {
    public var values: [Double]
    public var labels: [String]
    public var title: String?

    public init(values: [Double], labels: [String], title: String? = nil) {
        self.values = values
        self.labels = labels
        self.title = title
    }

    func render(width: Int, canvas: Canvas) -> TextGrid {
        let finite = values.map { $0.isFinite ? $0 : 0 }
        let labelWidth = min(labels.map(\.count).max() ?? 0, width / 3)
        let valueTexts = values.map(Ticks.short)
        let valueWidth = valueTexts.map(\.count).max() ?? 1
        let barColumns = max(width - labelWidth - valueWidth - 3, 4)
        let low = min(finite.min() ?? 0, 0), high = max(finite.max() ?? 0, 0)
        let span = high - low > 0 ? high - low : 1
        // The columns left of the zero line hold the negative bars.
        let negativeColumns = Int((Double(barColumns) * -low / span).rounded())
        let top = title == nil ? 0 : 1
        var grid = TextGrid(width: width, height: top + values.count)
        if let title { grid.writeCentred(title, row: 0, from: 0, to: width) }
        let steps = Bars.steps(canvas.kind, upward: false)
        for (index, value) in finite.enumerated() {
            let row = top + index
            let label = String(labels[index].prefix(labelWidth))
            grid.write(String(repeating: " ", count: labelWidth - label.count) + label, row: row, column: 0)
            let colour = canvas.colour == .none ? nil : Palette.colour(value < 0 ? 3 : 0)
            let length = Int((abs(value) / span * Double(barColumns * steps)).rounded())
            let start = labelWidth + 1
            if value >= 0 {
                let cells = Bars.row(canvas.kind, length: length, columns: barColumns - negativeColumns, colour: colour)
                for (offset, cell) in cells.enumerated() { grid[row, start + negativeColumns + offset] = cell }
                let end = start + negativeColumns + (length + steps - 1) / steps
                grid.write(valueTexts[index], row: row, column: end + 1)
            } else {
                // Partial cells fill from the left only, so a negative bar is whole cells long.
                let cellsLong = max((length + steps / 2) / steps, 1)
                for offset in 0..<cellsLong {
                    grid[row, start + negativeColumns - 1 - offset] = Bars.cell(canvas.kind, upward: false, level: steps, colour: colour)
                }
                grid.write(valueTexts[index], row: row, column: start + negativeColumns + 1)
            }
        }
        return grid
    }
}
