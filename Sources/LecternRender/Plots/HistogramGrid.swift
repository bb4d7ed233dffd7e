/// Small histograms side by side over one shared range, one per tensor: the init lesson's
/// picture of a deep network's activations layer by layer, where a shrinking spread shows at
/// a glance. Each panel has its title above and its standard deviation below.
public struct HistogramGrid: Sendable, Equatable {
    public var panels: [Histogram]
    public var titles: [String]
    public var title: String?

    public init(panels: [Histogram], titles: [String], title: String? = nil) {
        self.panels = panels
        self.titles = titles
        self.title = title
    }

    /// The shared range (every panel's).
    var range: ClosedRange<Double> { panels.first?.range ?? -1...1 }

    /// Panels per row and their width at a given total width: panels at least 12 columns wide,
    /// two columns apart, the rows as even as they can be (10 panels in 2 rows of 5, not 7 + 3).
    static func layout(count: Int, width: Int) -> (perRow: Int, panelWidth: Int) {
        let perRow = balancedRow(count: count, fitting: max((width + 2) / 14, 1))
        return (perRow, (width + 2) / perRow - 2)
    }

    static let barRows = 4

    func render(width: Int, canvas: Canvas) -> TextGrid {
        let (perRow, panelWidth) = Self.layout(count: panels.count, width: width)
        let panelHeight = Self.barRows + 5
        let rowsOfPanels = (panels.count + perRow - 1) / perRow
        let top = title == nil ? 0 : 1
        var grid = TextGrid(width: width, height: top + rowsOfPanels * panelHeight)
        if let title { grid.writeCentred(title, row: 0, from: 0, to: width) }
        for (index, panel) in panels.enumerated() {
            let row = top + (index / perRow) * panelHeight, column = (index % perRow) * (panelWidth + 2)
            grid.place(self.panel(panel, titles[index], width: panelWidth, canvas: canvas), row: row, column: column)
        }
        return grid
    }

    /// One panel: title, bars over a baseline, the range's ends, the standard deviation.
    private func panel(_ histogram: Histogram, _ title: String, width: Int, canvas: Canvas) -> TextGrid {
        var grid = TextGrid(width: width, height: Self.barRows + 4)
        grid.writeCentred(title, row: 0, from: 0, to: width)
        let colour = canvas.colour == .none ? nil : Palette.colour(0)
        grid.place(histogram.bars(columns: width, rows: Self.barRows, kind: canvas.kind, colour: colour), row: 1, column: 0)
        for column in 0..<width { grid[Self.barRows + 1, column] = Cell(canvas.kind == .ascii ? "-" : "─") }
        let low = Ticks.short(range.lowerBound), high = Ticks.short(range.upperBound)
        grid.write(low, row: Self.barRows + 2, column: 0)
        grid.write(high, row: Self.barRows + 2, column: width - high.count)
        grid.writeCentred("std " + Ticks.short(histogram.std), row: Self.barRows + 3, from: 0, to: width)
        return grid
    }
}
