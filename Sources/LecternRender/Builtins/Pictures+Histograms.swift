import LecternLanguage
import TensorEngine

extension Pictures {
    static let hist = Builtin(
        "hist", [.init("x"), .init("bins", .null), .init("range", .null)] + axesOptions,
        category: .pictures,
        summary: "A histogram of every value of x in equal bins (default: one per column) over range=[low, high] or the values' range.",
        example: "hist(randn(1000), bins=30)",
        shapes: "x (any shape)"
    ) { args, _ in
        let a = PictureArguments(args, "hist")
        let (_, values) = try a.values("x")
        let histogram = Histogram(values, bins: try bins(a), range: try a.range("range"), labels: try a.labels())
        return .object(Figure(.histogram(histogram), canvas: try a.canvas()))
    }

    static let histGrid = Builtin(
        "hist_grid", [.init("tensors"), .init("titles", .null), .init("bins", .null), .init("range", .null),
                      .init("title", .null), .init("canvas", .string("auto"))],
        category: .pictures,
        summary: "One small histogram per tensor, side by side over one shared range, each with its std: activations per layer.",
        example: "hist_grid([randn(500), randn(500) * 0.5, randn(500) * 0.1], titles=[\"layer 1\", \"layer 2\", \"layer 3\"])",
        shapes: "tensors: a list of tensors (any shapes), or a tensor (k, ...): one histogram per row"
    ) { args, _ in
        let a = PictureArguments(args, "hist_grid")
        var items: [Value]
        switch args.value("tensors") {
        case let .list(list): items = list
        case let value:
            // A tensor (k, ...): one histogram per entry of its first axis.
            guard let t = value.tensorValueOrNil, t.rank >= 2, t.count > 0 else {
                throw args.wrongType("tensors", expected: "a non-empty list of tensors")
            }
            let size = t.count / t.shape[0]
            items = (0..<t.shape[0]).map { .tensor(Tensor(Array(t.scalars[$0 * size..<($0 + 1) * size]))) }
        }
        guard !items.isEmpty else { throw args.wrongType("tensors", expected: "a non-empty list of tensors") }
        let tensors = try items.enumerated().map { index, item in
            guard let t = item.tensorOrList, t.count > 0 else {
                throw a.error("tensors[\(index)] must be a non-empty tensor, got \(item.typeName == "tensor" ? "an empty one" : "a \(item.typeName)")",
                              at: "tensors")
            }
            return t.scalars
        }
        let titles = try a.names("titles", count: tensors.count, of: "tensors") ?? tensors.indices.map(String.init)
        let range = try a.range("range") ?? .covering(tensors.flatMap { $0 })
        let binCount = try bins(a)
        let panels = tensors.map { Histogram($0, bins: binCount, range: range) }
        let grid = HistogramGrid(panels: panels, titles: titles, title: try a.text("title"))
        return .object(Figure(.histograms(grid), canvas: try a.canvas()))
    }

    static let bar = Builtin(
        "bar", [.init("values"), .init("labels", .null), .init("title", .null), .init("canvas", .string("auto"))],
        category: .pictures,
        summary: "Horizontal bars, one per value, each with its label and value.",
        example: "bar([0.7, 0.2, 0.1], [\"cat\", \"dog\", \"ship\"])",
        shapes: "values (n), labels: n names"
    ) { args, _ in
        let a = PictureArguments(args, "bar")
        let (tensor, values) = try a.values("values")
        guard tensor.rank <= 1 || tensor.shape.filter({ $0 > 1 }).count <= 1 else {
            throw a.error("values must be one-dimensional, got shape \(tensor.shape)", at: "values")
        }
        let labels = try a.names("labels", count: values.count, of: "values") ?? values.indices.map(String.init)
        let chart = BarChart(values: values, labels: labels, title: try a.text("title"))
        return .object(Figure(.bars(chart), canvas: try a.canvas()))
    }

    /// The `bins` argument: a whole number from 1 to 1000; for none, `Histogram.fine` bins,
    /// which any number of columns shows as one bin per column.
    static func bins(_ a: PictureArguments) throws -> Int {
        if a.args.isNone("bins") { return Histogram.fine }
        let bins = try a.args.integer("bins")
        guard (1...1000).contains(bins) else { throw a.error("bins must be from 1 to 1000, got \(bins)", at: "bins") }
        return bins
    }
}
