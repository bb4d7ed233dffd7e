/// Batch normalisation (Ioffe & Szegedy 2015) as one primitive, forward and backward side by
/// side, both in closed form.
///
/// Each feature is normalised over the batch: a column of x (N, F), or a channel of
/// x (N, C, H, W) over all its N·H·W values (also (N, C, L)). With m values per feature:
///
///     μ  = (1/m) Σ x                        the mini-batch mean
///     σ² = (1/m) Σ (x − μ)²                 the mini-batch variance (biased: divided by m)
///     x̂  = (x − μ) / √(σ² + eps)            normalise
///     y  = γ·x̂ + β                          scale and shift (γ, β: one number per feature)
///
/// Backward, for the upstream gradient g = dL/dy (CS231n's derivation, assignment 2):
///
///     dβ = Σ g,   dγ = Σ g·x̂,   dx̂ = g·γ,   invstd = 1/√(σ² + eps)
///     dx = (1/m)·invstd·(m·dx̂ − Σ dx̂ − x̂·Σ dx̂·x̂)
///
/// γ is constant within a feature, so Σ dx̂ = γ·dβ and Σ dx̂·x̂ = γ·dγ, and the kernel computes
/// dx = γ·invstd·(g − (dβ + x̂·dγ)/m). Written with means, subtractions and a square root the
/// graph has a dozen nodes and gives the same gradient far more slowly; here the forward is
/// three sweeps over x and the backward two over g and x (`BatchNormKernel`, which also gives
/// the summation order: results do not depend on the thread count).
///
/// Cost: O(N·C·H·W) time; the backward keeps x and a few numbers per feature (μ, 1/σ, γ).
extension Tensor {
    /// Training mode: normalises with the batch's own statistics. x (N, F) or (N, C, H, W),
    /// γ and β (F) or (C); y has x's shape. Gradients flow to x, γ and β (through μ and σ²
    /// too: every output depends on every value of its feature).
    /// The plain loops of the forward pass: `ReferenceKernels.batchNorm`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+BatchNorm.swift).
    /// - Throws: `TensorError` for a rank below 2, γ or β not of shape (C), or no values per
    ///   feature.
    public static func batchNorm(_ x: Tensor, gamma: Tensor, beta: Tensor,
                                 eps: Double = 1e-5) throws -> Tensor {
        try batchNormWithStatistics(x, gamma: gamma, beta: beta, eps: eps).output
    }

    /// `batchNorm` that also returns the batch's mean and (biased) variance, for layers that
    /// keep running statistics.
    public static func batchNormWithStatistics(_ x: Tensor, gamma: Tensor, beta: Tensor,
                                               eps: Double = 1e-5) throws -> BatchNormResult {
        try batchNorm(x, gamma: gamma, beta: beta, eps: eps, statistics: nil, threads: KernelThreads.count)
    }

    /// Evaluation mode: normalises with given statistics (a layer's running mean and variance),
    /// y = γ·(x − mean)/√(variance + eps) + β. mean and variance are constants, so
    /// dx = γ·invstd·g, dγ = Σ g·x̂, dβ = Σ g. Every example is treated alone: deterministic.
    /// - Throws: as the training form, and for mean or variance not of shape (C).
    public static func batchNorm(_ x: Tensor, gamma: Tensor, beta: Tensor, mean: Tensor,
                                 variance: Tensor, eps: Double = 1e-5) throws -> Tensor {
        try batchNorm(x, gamma: gamma, beta: beta, eps: eps, statistics: (mean, variance),
                      threads: KernelThreads.count).output
    }

    /// The primitive: batch statistics when `statistics` is nil, else the given ones.
    static func batchNorm(_ x: Tensor, gamma: Tensor, beta: Tensor, eps: Double,
                          statistics: (mean: Tensor, variance: Tensor)?, threads: Int) throws -> BatchNormResult {
        try checkBatchNorm(x.shape, [("gamma", gamma.shape), ("beta", beta.shape),
                                     ("mean", statistics?.mean.shape), ("variance", statistics?.variance.shape)])
        let kernel = BatchNormKernel(shape: x.shape, threads: threads)
        let (y, table) = kernel.forward(x, gamma: gamma, beta: beta, eps: eps, given: statistics)
        var output = y
        if anyRequiresGrad(x, gamma, beta) {
            let (input, batchStatistics) = (x.detached(), statistics == nil)
            let wanted = (x.requiresGrad, gamma.requiresGrad, beta.requiresGrad)
            output = y.recorded("batchNorm", [x, gamma, beta]) { g in
                let d = kernel.backward(g, x: input, table: table, batchStatistics: batchStatistics,
                                        inputGradient: wanted.0)
                return [d.dx, wanted.1 ? d.dgamma : nil, wanted.2 ? d.dbeta : nil]
            }
        }
        return BatchNormResult(output: output, mean: table[.mean], variance: table[.variance], count: kernel.m)
    }

    /// x of rank ≥ 2 with at least one value per feature; every vector given of shape (C).
    private static func checkBatchNorm(_ x: [Int], _ vectors: [(String, [Int]?)]) throws {
        guard x.count >= 2 else {
            throw TensorError.rank(op: "batchNorm", argument: "x", expected: "shape (N, F) or (N, C, H, W)", shape: x)
        }
        for case let (name, shape?) in vectors where shape != [x[1]] {
            throw TensorError.argument(op: "batchNorm", name: name,
                                       problem: .onePerFeature(features: x[1], x: x, got: shape))
        }
        guard x[0] * x.dropFirst(2).reduce(1, *) > 0 else {
            throw TensorError.argument(op: "batchNorm", name: "x", problem: .noValuesToNormalise(shape: x))
        }
    }
}

/// The output of batch normalisation in training mode, with the batch statistics it used.
public struct BatchNormResult {
    /// y = γ·x̂ + β, the shape of x.
    public let output: Tensor
    /// μ per feature, (C).
    public let mean: Tensor
    /// σ² per feature, (C): the biased variance (divided by m) that normalised the batch.
    public let variance: Tensor
    /// m, the number of values per feature (N, or N·H·W).
    public let count: Int

    /// The unbiased variance, σ²·m/(m − 1) (Bessel's correction): what PyTorch puts into its
    /// running variance. Infinite or nan for m = 1.
    public var unbiasedVariance: Tensor {
        variance.map(BindSecond(f: Fn.Multiply(), y: Double(count) / Double(count - 1)))
    }
}
