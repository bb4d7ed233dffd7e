/// The regression loss and the weight penalty, composed from primitive operations (`-`, `*`,
/// `sum`, `mean`), so they need no backward rule of their own. The classification loss,
/// softmax cross-entropy, is a fused primitive (below).
extension Tensor {
    /// Mean squared error: the mean over every element of (prediction − target)².
    ///
    ///     L = (1/M) Σ_i (p_i − t_i)²,    M = the number of elements
    ///
    /// Backward (through the primitives): dL/dp = 2·(p − t) / M.
    /// - Throws: `TensorError.argument` when the shapes differ. They must be equal, not merely
    ///   broadcastable: a prediction of shape (N, 1) against targets of shape (N) would
    ///   broadcast to (N, N) and compare every prediction with every target, a loss that
    ///   trains the model to predict the mean target and raises no error anywhere.
    /// - Complexity: O(M).
    public static func mse(_ prediction: Tensor, _ target: Tensor) throws -> Tensor {
        guard prediction.shape == target.shape else {
            throw TensorError.argument(
                op: "mse", name: "the prediction and the target",
                problem: .sameShapeElementwise(prediction.shape, target.shape))
        }
        let difference = try prediction - target
        return try (difference * difference).mean()
    }

    /// The L2 penalty (weight decay as a loss term): λ/2 · Σ_w ‖w‖², summed over every
    /// element of every tensor in `parameters`.
    ///
    /// Backward: dPenalty/dw = λ·w — the term `SGD` and `Adam` add to each gradient when
    /// given `weightDecay: λ`, so adding this penalty to the loss and using weight decay are
    /// the same thing for SGD (use one, not both). CS231n penalises weights, not biases:
    /// pass the weights you mean, e.g. `model.parameters.filter { $0.name == "weight" }`.
    /// No parameters give a constant 0.
    /// - Complexity: O(total number of elements).
    public static func l2Penalty(_ parameters: [Tensor], lambda: Double) throws -> Tensor {
        var total = Tensor(0)
        for w in parameters {
            total = try total + (w * w).sum()
        }
        return total * (lambda / 2)
    }
}

/// The classification loss of CS231n, fused into one primitive so that it is both
/// numerically stable and fast.
extension Tensor {
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
    public static func softmaxCrossEntropy(_ logits: Tensor, labels: Tensor) throws -> Tensor {
        let z = logits.detached()
        try checkClassification(z, labels, op: "cross_entropy")
        let (n, classes) = (z.shape[0], labels.scalars)
        let (total, probabilities) = softmaxRows(z, labels: classes)
        let y = Tensor(total / Double(Swift.max(n, 1)))
        guard logits.requiresGrad else { return y }
        let (shape, c) = (z.shape, z.shape[1])
        return y.recorded("cross_entropy", [logits]) { g in
            // (p − onehot)·s in one pass: p·s, and (p − 1)·s at each row's label.
            let (scale, p) = (g.scalars[0] / Double(Swift.max(n, 1)), probabilities.scalars)
            return [Tensor(unchecked: shape) { dz in
                for i in 0..<n {
                    let (row, label) = (i * c, i * c + Int(classes[i]))
                    for j in row..<(row + c) { dz[j] = (j == label ? p[j] - 1 : p[j]) * scale }
                }
            }]
        }
    }
}

/// The softmax of each row of z (N, C), exp(z − m) / Σ exp(z − m) with m the row's maximum,
/// and the sum over rows of each row's cross-entropy against its label,
/// (m − z_label) + log Σ exp(z − m) — one exp per element serves both, all of them in one
/// call of the vector loop.
/// A row whose maximum is infinite adds (m − z_label) alone (inf, or nan for inf − inf).
func softmaxRows(_ z: Tensor, labels: [Double]) -> (loss: Double, softmax: Tensor) {
    let (n, c, x) = (z.shape[0], z.shape[1], z.scalars)
    var loss = 0.0
    let softmax = Tensor(unchecked: z.shape) { out in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n * c + n) { scratch in
            let (shifted, tops) = (scratch.baseAddress!, scratch.baseAddress! + n * c)
            for i in 0..<n {
                let row = i * c
                // The row's maximum as `max()` finds it: a nan in first place stays (the loss is nan).
                var top = x[row]
                for j in 1..<c where top < x[row + j] { top = x[row + j] }
                for j in 0..<c { shifted[row + j] = x[row + j] - top }
                tops[i] = top
            }
            if n * c > 0 { VectorKernels.chosen.exp(n * c, out.baseAddress!, shifted) }
            for i in 0..<n {
                let (row, top) = (i * c, tops[i])
                var total = 0.0
                for j in 0..<c { total += out[row + j] }
                for j in 0..<c { out[row + j] /= total }
                // The exact difference first, then a log of a sum in [1, C].
                loss += (top - x[row + Int(labels[i])]) + (top.isFinite ? CMath.log(total) : 0)
            }
        }
    }
    return (loss, softmax)
}

/// Checks logits (N, C) and labels (N) of whole numbers in 0..<C.
func checkClassification(_ z: Tensor, _ labels: Tensor, op: String) throws {
    guard z.rank == 2 else { throw TensorError.rank(op: op, argument: "the scores", expected: "rank 2 (N, C)", shape: z.shape) }
    guard labels.shape == [z.shape[0]] else {
        throw TensorError.argument(op: op, name: "labels", problem: .onePerRow(rows: z.shape[0], got: labels.shape))
    }
    // In range first (which also rules out nan), then whole: the conversion to Int is then safe.
    let classes = Double(z.shape[1])
    for label in labels.scalars where !(label >= 0 && label < classes && Double(Int(label)) == label) {
        throw TensorError.argument(op: op, name: "labels", problem: .notClassIndex(label, classes: z.shape[1]))
    }
}
