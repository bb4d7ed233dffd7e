/// A classifier's decision regions: the class it predicts at each point of a grid covering the
/// plot (row 0 at the top, the high end of y).
public struct RegionGrid: Sendable, Equatable {
    public var xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    public var columns: Int, rows: Int
    /// The class at each grid point, row by row.
    public var classes: [Int]

    /// The points at which the classes are to be computed, row by row: (x, y) at the centre
    /// of each grid cell.
    static func samples(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * (Double(column) + 0.5) / Double(columns)
                let y = yRange.upperBound - (yRange.upperBound - yRange.lowerBound) * (Double(row) + 0.5) / Double(rows)
                points.append((x, y))
            }
        }
        return points
    }

    /// The class of the grid cell holding (x, y) (the nearest cell when outside).
    func classAt(_ x: Double, _ y: Double) -> Int {
        let column = Int(DotMap.fraction(x, xRange) * Double(columns)), row = Int((1 - DotMap.fraction(y, yRange)) * Double(rows))
        return classes[min(max(row, 0), rows - 1) * columns + min(max(column, 0), columns - 1)]
    }
}

/// Points coloured (or marked) by class, optionally over a classifier's decision regions.
public struct ScatterPlot: Sendable, Equatable {
    public var x: [Double], y: [Double]
    /// The class of each point, 0 for all when unlabelled.
    public var classes: [Int]
    public var labels: PlotLabels
    public var regions: RegionGrid?

    public init(x: [Double], y: [Double], classes: [Int]? = nil, labels: PlotLabels = PlotLabels(), regions: RegionGrid? = nil) {
        self.x = x
        self.y = y
        self.classes = classes ?? Array(repeating: 0, count: x.count)
        self.labels = labels
        self.regions = regions
    }

    /// The ranges shown: the regions' when there are regions, else the points' with a margin.
    var xRange: ClosedRange<Double> { regions?.xRange ?? .covering(x, margin: 0.05) }
    var yRange: ClosedRange<Double> { regions?.yRange ?? .covering(y, margin: 0.05) }

    /// The classes present, in order.
    var classList: [Int] { Array(Set(classes)).sorted() }

    func render(width: Int, canvas: Canvas) -> TextGrid {
        var axes = Axes(title: labels.title, xLabel: labels.xLabel, yLabel: labels.yLabel, xRange: xRange, yRange: yRange)
        if classList.count > 1 {
            axes.legend = classList.map { Legend.Entry(sample: Legend.pointSample($0, canvas: canvas), name: "class \($0)") }
        }
        let (dx, dy) = canvas.dotsPerCell
        return axes.render(width: width, rows: LinePlot.rows(forWidth: width), resolution: (dx, dy),
                           ascii: canvas.kind == .ascii) { columns, rows in
            var raster = Raster(width: columns * dx, height: rows * dy)
            let map = DotMap(xRange: axes.xRange, yRange: axes.yRange, width: raster.width, height: raster.height)
            // On braille a point is 2 x 2 dots: a single dot is too faint to find.
            let size = canvas.kind == .braille ? 2 : 1
            for (index, (px, py)) in zip(x, y).enumerated() where px.isFinite && py.isFinite {
                let (cx, cy) = (map.x(px), map.y(py))
                raster.fill(min(cx, raster.width - size)..<min(cx, raster.width - size) + size,
                            min(cy, raster.height - size)..<min(cy, raster.height - size) + size, classes[index])
            }
            return canvas.cells(raster, columns: columns, rows: rows, regions: cellRegions(map, columns, rows, dx, dy))
        }
    }

    /// The class at the centre of every cell of a plot area `columns` x `rows` (cells of
    /// `dx` x `dy` dots of `map`).
    private func cellRegions(_ map: DotMap, _ columns: Int, _ rows: Int, _ dx: Int, _ dy: Int) -> [Int]? {
        guard let regions else { return nil }
        return (0..<rows).flatMap { row in
            (0..<columns).map { column in
                regions.classAt(map.xValue(Double(column * dx) + Double(dx - 1) / 2),
                                map.yValue(Double(row * dy) + Double(dy - 1) / 2))
            }
        }
    }
}
