#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Titles of a figure with axes.
public struct PlotLabels: Sendable, Equatable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }
}

/// One line of a line plot: y against x, with gaps where y is nil (a history's val_loss
/// before validation ran, say).
public struct Series: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double?]

    public init(name: String, x: [Double], y: [Double?]) {
        self.name = name
        self.x = x
        self.y = y
    }

    /// The points that have a y.
    var points: [(x: Double, y: Double)] { zip(x, y).compactMap { x, y in y.map { (x, $0) } } }
}

/// Lines through the points of each series, with a legend when there are several (or they are
/// named), optionally on a logarithmic y axis (values must then be positive).
public struct LinePlot: Sendable, Equatable {
    public var series: [Series]
    public var labels: PlotLabels
    public var logY: Bool
    /// Whether to show the legend (several series, or names given).
    public var showsLegend: Bool

    public init(series: [Series], labels: PlotLabels = PlotLabels(), logY: Bool = false, showsLegend: Bool? = nil) {
        self.series = series
        self.labels = labels
        self.logY = logY
        self.showsLegend = showsLegend ?? (series.count > 1)
    }

    /// y as plotted: log10 of it on a log axis.
    func plotted(_ y: Double) -> Double { logY ? log10(y) : y }

    var xRange: ClosedRange<Double> { .covering(series.flatMap { $0.points.map(\.x) }) }
    var yRange: ClosedRange<Double> { .covering(series.flatMap { $0.points.map { plotted($0.y) } }) }

    /// Whether every x is a whole number (indices, epochs): ticks then fall on whole numbers.
    var hasWholeX: Bool { series.allSatisfy { $0.x.allSatisfy { $0 == $0.rounded() } } }

    /// Rows of plot area at a given width: a fifth of it, 8 to 16.
    static func rows(forWidth width: Int) -> Int { min(max(width / 5, 8), 16) }

    func render(width: Int, canvas: Canvas) -> TextGrid {
        let dashed = canvas.colour == .none && series.count > 1
        var axes = Axes(title: labels.title, xLabel: labels.xLabel, yLabel: labels.yLabel,
                        xRange: xRange, yRange: yRange, logY: logY)
        axes.integerX = hasWholeX
        if showsLegend {
            axes.legend = series.indices.map { Legend.Entry(sample: Legend.lineSample($0, canvas: canvas, dashed: dashed),
                                                            name: series[$0].name) }
        }
        let (dx, dy) = canvas.dotsPerCell
        return axes.render(width: width, rows: Self.rows(forWidth: width), resolution: (dx, dy),
                           ascii: canvas.kind == .ascii) { columns, rows in
            var raster = Raster(width: columns * dx, height: rows * dy)
            let map = DotMap(xRange: axes.xRange, yRange: axes.yRange, width: raster.width, height: raster.height)
            for (index, line) in series.enumerated() {
                draw(line, index, on: &raster, map, dash: dashed && canvas.kind != .ascii ? .of(index) : .solid)
            }
            return canvas.cells(raster, columns: columns, rows: rows)
        }
    }

    /// A series as segments between consecutive points that have a y; a point with no
    /// neighbour is one dot.
    private func draw(_ line: Series, _ index: Int, on raster: inout Raster, _ map: DotMap, dash: Dash) {
        var previous: (Int, Int)? = nil, step = 0
        for (x, y) in zip(line.x, line.y) {
            guard let y, y.isFinite, x.isFinite else { previous = nil; continue }
            let point = (map.x(x), map.y(plotted(y)))
            if let (px, py) = previous {
                raster.line(px, py, point.0, point.1, index, dash: dash, step: &step)
            } else {
                raster.set(point.0, point.1, index)
            }
            previous = point
        }
    }
}
