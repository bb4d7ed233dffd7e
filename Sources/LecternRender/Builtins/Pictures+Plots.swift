import LecternLanguage
import TensorEngine

extension Pictures {
    /// The options every figure with axes takes, after its data.
    static let axesOptions: [Builtin.Parameter] = [
        .init("title", .null), .init("xlabel", .null), .init("ylabel", .null), .init("canvas", .string("auto")),
    ]

    static let plot = Builtin(
        "plot", [.init("x"), .init("y", .null), .init("legend", .null), .init("logy", .bool(false))] + axesOptions,
        category: .pictures,
        summary: "Lines of y against x (0, 1, 2, ... when only y is given); several series, or a history's train and val loss.",
        example: "plot([3, 1.5, 1, 0.8], title=\"loss\")",
        shapes: "y (n), a list of them, a matrix (k, n) of k series (rows), or h = fit(...)"
    ) { args, _ in
        let a = PictureArguments(args, "plot")
        let yParameter = args.isNone("y") ? "x" : "y"
        let data = args.value(yParameter)
        let raw = try a.series(data, yParameter)
        var isHistory = false
        if case let .record(record) = data, record.typeName == "history" { isHistory = true }
        let count = raw.map(\.y.count).max() ?? 0
        guard count > 0 else { throw a.error("'\(yParameter)' is empty: there is nothing to draw", at: yParameter) }
        let x = try a.xValues(yParameter == "y" ? "x" : "y", count: count, startingAt: isHistory ? 1 : 0)
        let names = try a.names("legend", count: raw.count, of: "series")
        let logY = try args.bool("logy")
        var series: [Series] = []
        for (index, item) in raw.enumerated() {
            let name = names?[index] ?? item.name ?? "series \(index)"
            if logY, let bad = item.y.enumerated().first(where: { ($0.element ?? 1) <= 0 }) {
                throw a.error("logy=true needs positive values; \(name) has \(formatNumber(bad.element!)) at index \(bad.offset)",
                              at: yParameter)
            }
            series.append(Series(name: name, x: Array(x.prefix(item.y.count)), y: item.y))
        }
        let labels = try a.labels(xLabel: isHistory ? "epoch" : nil, yLabel: isHistory ? "loss" : nil)
        let showsLegend = series.count > 1 || names != nil || raw.contains { $0.name != nil }
        let plot = LinePlot(series: series, labels: labels, logY: logY, showsLegend: showsLegend)
        return .object(Figure(.lines(plot), canvas: try a.canvas()))
    }

    static let scatter = Builtin(
        "scatter", [.init("points"), .init("labels", .null)] + axesOptions,
        category: .pictures,
        summary: "Points in the plane, coloured (or marked) by class label.",
        example: "scatter(spiral())",
        shapes: "points (N, 2), labels (N) whole numbers; or a data set with x (N, 2) and y"
    ) { args, _ in
        let a = PictureArguments(args, "scatter")
        let (x, y, classes) = try a.points("points", labels: "labels")
        let plot = ScatterPlot(x: x, y: y, classes: classes, labels: try a.labels())
        return .object(Figure(.scatter(plot), canvas: try a.canvas()))
    }

    static let boundary = Builtin(
        "boundary", [.init("model"), .init("points"), .init("labels", .null)] + axesOptions,
        category: .pictures,
        summary: "A 2-D classifier's decision regions (the class it predicts on a grid), with the points on top.",
        example: "boundary(Sequential(Linear(2, 3)), spiral())",
        shapes: "model: (N, 2) -> (N, classes) scores (or (N, 1): class 1 above 0.5 for outputs in [0, 1], else above 0)"
    ) { args, interpreter in
        let a = PictureArguments(args, "boundary")
        let (x, y, classes) = try a.points("points", labels: "labels")
        let xRange = ClosedRange<Double>.covering(x, margin: 0.05), yRange = ClosedRange<Double>.covering(y, margin: 0.05)
        let regions = try Decision.regions(of: args.value("model"), xRange: xRange, yRange: yRange, a, interpreter)
        let plot = ScatterPlot(x: x, y: y, classes: classes, labels: try a.labels(), regions: regions)
        return .object(Figure(.scatter(plot), canvas: try a.canvas()))
    }
}
