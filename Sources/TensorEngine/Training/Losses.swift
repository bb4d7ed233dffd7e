/// The regression loss and the weight penalty, composed from primitive operations (`-`, `*`,
/// `sum`, `mean`), so they need no backward rule of their own. The classification loss,
/// softmax cross-entropy, is a fused primitive (`SoftmaxCrossEntropy.swift`).
extension Variable {
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
    public static func mse(_ prediction: Variable, _ target: Variable) throws -> Variable {
        guard prediction.shape == target.shape else {
            throw TensorError.argument(
                op: "mse", name: "the prediction and the target",
                problem: "must have the same shape, got \(prediction.shape) and \(target.shape)"
                    + " (they are compared element by element; broadcasting [N, 1] against [N] would compare"
                    + " every prediction with every target)")
        }
        let difference = try prediction - target
        return try (difference * difference).mean()
    }

    /// `mse` against fixed targets (data, not a variable).
    public static func mse(_ prediction: Variable, _ target: Tensor) throws -> Variable {
        try mse(prediction, Variable(target))
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
    public static func l2Penalty(_ parameters: [Variable], lambda: Double) throws -> Variable {
        var total = Variable(Tensor(0))
        for w in parameters {
            total = try total + (w * w).sum()
        }
        return try total * (lambda / 2)
    }
}
