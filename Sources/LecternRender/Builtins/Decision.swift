import LecternLanguage
import TensorEngine

/// What `boundary` needs from a model: its class at every point of a grid.
enum Decision {
    /// Grid points across and down: fine enough for any terminal, small enough for one batch.
    static let columns = 160, rows = 80

    /// Calls `model` once on the grid's points (N, 2), in evaluation mode when it is a layer
    /// (no dropout, running batch-norm statistics), and reads a class from each row of scores.
    static func regions(of model: Value, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                        _ a: PictureArguments, _ interpreter: Interpreter) throws -> RegionGrid {
        let samples = RegionGrid.samples(xRange: xRange, yRange: yRange, columns: columns, rows: rows)
        let grid = try Tensor(shape: [samples.count, 2], scalars: samples.flatMap { [$0.0, $0.1] })
        let output: Value
        do {
            output = try inEvaluationMode(model) {
                try interpreter.call(model, [(.tensor(grid), a.args.range("model"))], [], a.args.callRange)
            }
        } catch let error as LanguageError where error.kind == .runtime {
            throw a.error("calling the model on a grid of points (N, 2) failed: \(error.message)", at: "model")
        }
        guard let scores = output.tensorValueOrNil else {
            throw a.error("the model must give scores (N, classes); it gave a \(output.typeName)", at: "model")
        }
        return RegionGrid(xRange: xRange, yRange: yRange, columns: columns, rows: rows, classes: try classes(scores, a))
    }

    /// The class of each row: the largest score; for one score per row, 1 above the threshold
    /// (0.5 when every output is in [0, 1], as a sigmoid's, else 0).
    static func classes(_ scores: Tensor, _ a: PictureArguments) throws -> [Int] {
        let n = columns * rows
        let k = scores.count / max(n, 1)
        guard scores.shape.first == n, k >= 1, scores.rank <= 2 else {
            throw a.error("the model must give scores (N, classes) for points (N, 2); given \(n) points it gave shape \(scores.shape)",
                          at: "model")
        }
        let s = scores.scalars
        if k == 1 {
            let threshold = s.allSatisfy { $0 >= 0 && $0 <= 1 } ? 0.5 : 0
            return s.map { $0 > threshold ? 1 : 0 }
        }
        return (0..<n).map { row in
            var best = 0
            for j in 1..<k where s[row * k + j] > s[row * k + best] { best = j }
            return best
        }
    }

    /// Runs `body` with every layer of `model` in evaluation mode, then restores each layer's mode.
    static func inEvaluationMode<T>(_ model: Value, _ body: () throws -> T) throws -> T {
        guard case let .object(object as LayerObject) = model else { return try body() }
        var layers: [any Layer] = [object.layer]
        var index = 0
        while index < layers.count {
            layers += layers[index].sublayers
            index += 1
        }
        let modes = layers.map(\.isTraining)
        object.layer.eval()
        defer { for (layer, mode) in zip(layers, modes) { layer.isTraining = mode } }
        return try body()
    }
}
