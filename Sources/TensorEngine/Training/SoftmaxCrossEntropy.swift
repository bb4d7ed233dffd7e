/// The classification loss of CS231n, fused into one primitive so that it is both
/// numerically stable and fast.
extension Variable {
    /// Mean softmax cross-entropy of `logits` (N, C) against `labels` (N) holding class
    /// indices 0..<C:
    ///
    ///     L = (1/N) Σ_i [ log Σ_c exp(z_ic) − z_i,y_i ]
    ///       = (1/N) Σ_i [ (m_i − z_i,y_i) + log Σ_c exp(z_ic − m_i) ],   m_i = max_c z_ic
    ///
    /// so `exp` never overflows and no probability is clamped: [[1000, 0]] with label 1 gives
    /// exactly 1000, and a row whose label has the top score gives log(1 + tiny) ≥ 0.
    /// Backward: dL/dz = (softmax(z) − onehot(y)) / N — the gradient CS231n derives by hand.
    /// - Throws: on shapes other than (N, C) and (N), or labels that are not whole numbers
    ///   in 0..<C.
    public static func softmaxCrossEntropy(_ logits: Variable, labels: Tensor) throws -> Variable {
        let z = logits.value
        try checkClassification(z, labels, op: "cross_entropy")
        let (n, c) = (z.shape[0], z.shape[1])
        let probabilities = softmaxRows(z)
        var loss = 0.0
        for i in 0..<n {
            let row = z.scalars[(i * c)..<(i * c + c)]
            let top = row.max() ?? 0, label = row[i * c + Int(labels.scalars[i])]
            // (m − z_y) + log Σ exp(z − m): the exact difference first, then a log of a sum in [1, C].
            loss += (top - label) + (top.isFinite ? CMath.log(row.reduce(0) { $0 + CMath.exp($1 - top) }) : 0)
        }
        return .result(Tensor(loss / Double(Swift.max(n, 1))), op: "cross_entropy", parents: [logits]) { g in
            var dz = probabilities
            for i in 0..<n { dz.scalars[i * c + Int(labels.scalars[i])] -= 1 }
            return [dz * (g.scalars[0] / Double(Swift.max(n, 1)))]
        }
    }
}

/// softmax of each row of (N, C): exp(z − max) / Σ exp(z − max).
func softmaxRows(_ z: Tensor) -> Tensor {
    let (n, c) = (z.shape[0], z.shape[1])
    return Tensor(unchecked: z.shape) { out in
        for i in 0..<n {
            let row = i * c
            var top = -Double.infinity
            for j in 0..<c { top = Swift.max(top, z.scalars[row + j]) }
            var total = 0.0
            for j in 0..<c {
                let e = CMath.exp(z.scalars[row + j] - top)
                out[row + j] = e
                total += e
            }
            for j in 0..<c { out[row + j] /= total }
        }
    }
}

/// Checks logits (N, C) and labels (N) of whole numbers in 0..<C.
func checkClassification(_ z: Tensor, _ labels: Tensor, op: String) throws {
    guard z.rank == 2 else { throw TensorError.rank(op: op, argument: "the scores", expected: "rank 2 (N, C)", shape: z.shape) }
    guard labels.shape == [z.shape[0]] else {
        throw TensorError.argument(op: op, name: "labels", problem: "must have shape [\(z.shape[0])] (one per row of scores), got \(labels.shape)")
    }
    for label in labels.scalars where label != label.rounded() || label < 0 || label >= Double(z.shape[1]) {
        throw TensorError.argument(op: op, name: "labels",
                                   problem: "must be class indices 0 to \(z.shape[1] - 1), got \(TensorError.number(label))")
    }
}

/// The fraction of rows whose largest score is at the label's index (ties: the first).
/// A row holding a NaN score counts as wrong (see `correctCount`).
public func accuracy(scores: Tensor, labels: Tensor) throws -> Double {
    try checkClassification(scores, labels, op: "accuracy")
    return Double(try correctCount(scores: scores, labels: labels)) / Double(Swift.max(labels.count, 1))
}
