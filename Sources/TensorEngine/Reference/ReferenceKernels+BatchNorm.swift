/// Batch normalisation in training mode (Ioffe & Szegedy 2015), feature by feature, in three
/// passes over the feature's values: the mean, the variance, then normalise, scale and shift.
/// The fast `Tensor.batchNorm` (`Kernels/BatchNormKernel.swift`) computes the same numbers
/// in fused sweeps over memory, with its backward pass.
extension ReferenceKernels {
    /// Normalises each feature of x over the batch with the batch's own statistics: a column
    /// of x (N, F), or a channel of x (N, C, H, W) over all its N·H·W values (also
    /// (N, C, L)). γ (gamma) and β (beta) have one number per feature, (C). With the
    /// m = N·H·W values of feature c:
    ///
    ///     μ[c]  = (1/m) Σ_n Σ_h Σ_w x[n, c, h, w]                  the batch mean
    ///     σ²[c] = (1/m) Σ_n Σ_h Σ_w (x[n, c, h, w] − μ[c])²        the variance, biased (÷ m)
    ///     x̂     = (x[n, c, h, w] − μ[c]) / √(σ²[c] + eps)          normalise (eps inside the root)
    ///     y[n, c, h, w] = γ[c] · x̂ + β[c]                           scale and shift
    ///
    /// Returns y (the shape of x) with μ and σ² (C), which a layer folds into its running
    /// statistics. (`BatchNorm2d` puts the unbiased σ²·m/(m − 1) into its running variance, but
    /// normalises the batch with the biased σ², as here.)
    /// - Precondition: x of rank ≥ 2 with at least one value per feature; γ and β of shape (C).
    public static func batchNorm(_ x: Tensor, gamma: Tensor, beta: Tensor,
                                 eps: Double = 1e-5) -> (y: Tensor, mean: Tensor, variance: Tensor) {
        precondition(x.rank >= 2, "batchNorm: x is (N, F) or (N, C, H, W)")
        // x viewed as (N, C, positions): positions = H·W for images, 1 for (N, F).
        let (batch, features, positions) = (x.shape[0], x.shape[1], x.shape.dropFirst(2).reduce(1, *))
        precondition(gamma.shape == [features] && beta.shape == [features], "batchNorm: γ and β are (\(features))")
        let m = batch * positions
        precondition(m > 0, "batchNorm: no values to normalise in x \(x.shape)")
        /// Where x[n, c, position] is in memory (row-major, the positions of one channel together).
        func offset(_ n: Int, _ c: Int, _ position: Int) -> Int { (n * features + c) * positions + position }

        var y = zeros(x.shape), mean = zeros([features]), variance = zeros([features])
        for c in 0..<features {
            // 1. The mean of the feature's m values.
            var sum = 0.0
            for n in 0..<batch {
                for position in 0..<positions { sum += x.scalars[offset(n, c, position)] }
            }
            let mu = sum / Double(m)

            // 2. The mean squared deviation from it: the biased variance.
            var squares = 0.0
            for n in 0..<batch {
                for position in 0..<positions {
                    let deviation = x.scalars[offset(n, c, position)] - mu
                    squares += deviation * deviation
                }
            }
            let sigma2 = squares / Double(m)

            // 3. Normalise to mean 0 and variance 1, then scale by γ and shift by β.
            let standardDeviation = (sigma2 + eps).squareRoot()
            for n in 0..<batch {
                for position in 0..<positions {
                    let i = offset(n, c, position)
                    let normalised = (x.scalars[i] - mu) / standardDeviation
                    y.scalars[i] = gamma[c] * normalised + beta[c]
                }
            }
            (mean[c], variance[c]) = (mu, sigma2)
        }
        return (y, mean, variance)
    }
}
