/// The loss `fit` minimises and `evaluate` reports.
public enum Loss: String, Sendable, Equatable {
    /// Mean softmax cross-entropy of scores (N, C) against class indices (N); for
    /// classification, and the default of `fit` when the training set has `classes`.
    case crossEntropy = "cross_entropy"
    /// Mean squared error against targets of the scores' shape; for regression, and the
    /// default when the training set has none. Targets of shape (N) are compared row by row
    /// with scores of shape (N, 1).
    case mse

    /// The loss of `scores` against the labels or targets of a batch.
    public func callAsFunction(_ scores: Tensor, _ targets: Tensor) throws -> Tensor {
        switch self {
        case .crossEntropy:
            return try Tensor.softmaxCrossEntropy(scores, labels: targets)
        case .mse:
            let n = targets.shape.first ?? 0
            let rowTargets = targets.rank == 1 && scores.shape == [n, 1] ? try targets.reshape([n, 1]) : targets
            return try Tensor.mse(scores, rowTargets)
        }
    }

    /// Whether the targets are class labels, so that accuracy means something.
    var isClassification: Bool { self == .crossEntropy }

    /// The loss for a data set: cross-entropy with `classes`, MSE without.
    static func `default`(for data: Dataset) -> Loss { data.classes == nil ? .mse : .crossEntropy }
}

/// A model's loss and accuracy on a data set.
public struct Evaluation: Sendable, Equatable {
    /// The mean loss over the examples.
    public var loss: Double
    /// The fraction of examples classified correctly; nil for a regression loss.
    public var accuracy: Double?
}

/// The mean loss (and accuracy, for classification) of `model` on `data`, in evaluation mode
/// (`model.eval()`, which it leaves on): in batches of `batchSize` examples (all at once when
/// nil), each batch's mean weighted by its size, so the result does not depend on the batch size
/// beyond rounding.
/// - Parameter loss: by default cross-entropy when `data` has `classes`, MSE otherwise.
/// - Throws: `TensorError.argument` for an empty data set or a batch size below 1; whatever
///   the model or the loss throws (shapes, labels).
/// - Complexity: one forward pass over `data`.
public func evaluate(_ model: any Layer, on data: Dataset, loss: Loss? = nil, batchSize: Int? = nil) throws -> Evaluation {
    try checkNotEmpty(data, "evaluate", "the data set")
    let loss = loss ?? .default(for: data)
    model.eval()
    var total = BatchTotals()
    try forEachBatch(of: data, size: batchSize) { batch in
        let scores = try model(batch.x)
        try total.add(try loss(scores, batch.y), scores.detached(), batch.y, loss)
    }
    return Evaluation(loss: total.meanLoss, accuracy: total.accuracy)
}

/// Sums of per-batch results over an epoch: the loss weighted by batch size, and the number
/// of examples classified correctly.
struct BatchTotals {
    var loss = 0.0
    var correct = 0
    var examples = 0
    var isClassification = false

    mutating func add(_ batchLoss: Tensor, _ scores: Tensor, _ targets: Tensor, _ kind: Loss) throws {
        let n = targets.shape[0]
        loss += batchLoss.scalars[0] * Double(n)
        examples += n
        if kind.isClassification {
            isClassification = true
            correct += try correctCount(scores: scores, labels: targets)
        }
    }

    var meanLoss: Double { loss / Double(Swift.max(examples, 1)) }
    var accuracy: Double? { isClassification ? Double(correct) / Double(Swift.max(examples, 1)) : nil }
}

/// The number of rows of scores (N, C) whose largest score is at the label's index (ties:
/// the first). A row holding a NaN score has no largest score and counts as wrong, so a
/// diverged network scores 0 rather than the share of the class argmax falls back to.
func correctCount(scores: Tensor, labels: Tensor) throws -> Int {
    let predicted = try scores.argmax(axis: 1)
    let classes = scores.shape[1]
    let (p, y, s) = (predicted.scalars, labels.scalars, scores.scalars)
    var correct = 0
    for row in 0..<labels.count where p[row] == y[row] {
        let rowScores = s[row * classes ..< (row + 1) * classes]
        if !rowScores.contains(where: \.isNaN) { correct += 1 }
    }
    return correct
}

/// Calls `body` with `data` in consecutive batches of `size` (the whole set when nil or at
/// least N, without copying it).
func forEachBatch(of data: Dataset, size: Int?, _ body: (Dataset) throws -> Void) throws {
    guard let size, size < data.count else { return try body(data) }
    for batch in try data.batches(size: size) { try body(batch) }
}

/// Throws when `data` has no examples.
func checkNotEmpty(_ data: Dataset, _ op: String, _ name: String) throws {
    guard data.count > 0 else {
        throw TensorError.argument(op: op, name: name, problem: .noExamples(shape: nil))
    }
}

/// The fraction of rows whose largest score is at the label's index (ties: the first).
/// A row holding a NaN score counts as wrong (see `correctCount`).
public func accuracy(scores: Tensor, labels: Tensor) throws -> Double {
    try checkClassification(scores, labels, op: "accuracy")
    return Double(try correctCount(scores: scores, labels: labels)) / Double(Swift.max(labels.count, 1))
}
