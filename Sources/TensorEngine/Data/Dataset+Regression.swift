extension Dataset {
    /// A noisy 1-D regression set: N points x drawn uniformly from `range` and sorted
    /// ascending (so a plot of the rows in order is a curve), with targets
    ///
    ///     y = f(x) + noise · randn,     f = sin unless `function` is given
    ///
    /// The N uniforms are drawn first, then the N normals, in the order of the sorted x.
    /// Shuffle (`shuffled`, `split`, `batches(size:using:)`) before training in mini-batches.
    ///
    /// NOTE: the targets are (N, 1), not (N): a `Linear(1, 1)` model predicts (N, 1), and
    /// (N, 1) − (N) would broadcast to (N, N) and make a mean squared error silently wrong.
    /// - Returns: x (N, 1), y (N, 1), `classes` nil.
    /// - Throws: `TensorError.argument` when count < 0, `range` is not finite, or the noise
    ///   is negative or not finite.
    public static func regression1D(count: Int = 100, range: ClosedRange<Double> = -3...3, noise: Double = 0.1,
                                    function: ((Double) -> Double)? = nil,
                                    using rng: inout RandomGenerator) throws -> Dataset {
        try check(count >= 0, "regression1D", "count", .negative(count))
        try check(range.lowerBound.isFinite && range.upperBound.isFinite, "regression1D", "range", .notFinite)
        try checkNoise(noise, "regression1D")
        _ = try Tensor.checkedCount([count, 1])
        let (low, high) = (range.lowerBound, range.upperBound)
        let x = (0..<count).map { _ in low + (high - low) * rng.uniform() }.sorted()
        let f = function ?? { CMath.sin($0) }
        let y = x.map { f($0) + noise * rng.normal() }
        return Dataset(unchecked: Tensor(unchecked: [count, 1], scalars: x),
                       y: Tensor(unchecked: [count, 1], scalars: y), classes: nil)
    }
}
