/// Per-feature statistics of a training set, kept so that the validation and test sets (and
/// any new example) are transformed with the *training* mean and standard deviation — never
/// their own, which would leak information about them into the model.
///
/// A feature is one position of an example: a column of (N, D) points, one pixel of one
/// channel of (N, C, H, W) images (CS231n's "subtract the mean image"). For each feature,
/// over the N training examples:
///
///     mean = Σ x / N          std = √(Σ (x − mean)² / N)      (the population std)
///     apply:  x' = (x − mean) / std
///
/// Centring keeps `std` at 1 (only the mean is subtracted). A constant feature (the corner
/// pixels of the digits are always 0) has std 0; it is divided by 1 instead, so it becomes 0
/// rather than nan.
public struct Standardization: Sendable, Equatable {
    /// The per-feature means, shape `x.shape[1...]` (one example's shape).
    public var mean: Tensor
    /// The per-feature divisors, same shape: the standard deviations, with 1 in place of the
    /// std of a constant feature, and all ones for centring only.
    public var std: Tensor

    /// Statistics from explicit tensors of one example's shape.
    /// - Throws: `TensorError.argument` when the shapes differ.
    public init(mean: Tensor, std: Tensor) throws {
        guard mean.shape == std.shape else {
            throw TensorError.argument(op: "standardize", name: "mean and std",
                                       problem: .sameShape(mean.shape, std.shape))
        }
        self.mean = mean
        self.std = std
    }

    /// The statistics of the examples `x` (N, ...): their per-feature mean, and, when `scale`
    /// is true, their per-feature standard deviation (else ones).
    /// - Throws: `TensorError.argument` when `x` has rank 0 or no examples.
    /// - Complexity: O(x.count).
    public init(fitting x: Tensor, scale: Bool = true) throws {
        guard x.rank >= 1, x.shape[0] >= 1 else {
            throw TensorError.argument(op: "standardize", name: "x", problem: .noExamples(shape: x.shape))
        }
        let means = try x.mean(axis: 0)
        mean = means
        guard scale else {
            std = Tensor(unchecked: means.shape, scalars: [Double](repeating: 1, count: means.count))
            return
        }
        let variance = try x.variance(axis: 0)
        let n = Double(x.shape[0])
        std = Tensor(unchecked: means.shape) { out in
            for i in 0..<means.count {
                let (v, m) = (variance.scalars[i], means.scalars[i])
                out[i] = Self.isConstant(variance: v, mean: m, n: n) ? 1 : v.squareRoot()
            }
        }
    }

    /// Whether a variance is no larger than the rounding error of computing it, so that the
    /// feature is constant (scikit-learn's `_is_constant_feature`): var ≤ N·ε·var + (N·|mean|·ε)².
    /// NOTE: testing `var == 0` is not enough: the mean of 300 copies of 0.1 (summed in order)
    /// is 0.10000000000000052, their variance 2.6e-31, and dividing by its root would turn the
    /// constant feature into −1s instead of 0s.
    private static func isConstant(variance: Double, mean: Double, n: Double) -> Bool {
        let eps = Double.ulpOfOne
        let bound = n * eps * variance + (n * Swift.abs(mean) * eps) * (n * Swift.abs(mean) * eps)
        return variance <= bound
    }

    /// (x − mean) / std for every example of `x`, shape (M, ...) with the statistics' example shape.
    /// - Throws: `TensorError.argument` when the example shapes differ.
    /// - Complexity: O(x.count).
    public func apply(to x: Tensor) throws -> Tensor {
        guard x.rank >= 1, Array(x.shape.dropFirst()) == mean.shape else {
            throw TensorError.argument(op: "standardize", name: "x",
                                       problem: .exampleShape(got: Array(x.shape.dropFirst()), x: x.shape, statistics: mean.shape))
        }
        return try (x - mean) / std
    }

    /// The data set with its examples transformed by `apply(to:)`; the labels are unchanged.
    public func apply(to data: Dataset) throws -> Dataset {
        Dataset(unchecked: try apply(to: data.x), y: data.y, classes: data.classes)
    }
}

extension Dataset {
    /// This data set with every feature's mean subtracted, and the statistics to centre other
    /// sets the same way: `let (train, stats) = try parts.train.centered()`, then
    /// `try stats.apply(to: parts.validation)`.
    public func centered() throws -> (data: Dataset, statistics: Standardization) {
        let statistics = try Standardization(fitting: x, scale: false)
        return (try statistics.apply(to: self), statistics)
    }

    /// This data set with every feature scaled to mean 0 and standard deviation 1, and the
    /// statistics to transform other sets the same way (see `Standardization`).
    public func standardized() throws -> (data: Dataset, statistics: Standardization) {
        let statistics = try Standardization(fitting: x)
        return (try statistics.apply(to: self), statistics)
    }
}
