/// Tensors made from a rule or from the random number generator.
extension Tensor {
    /// A tensor of the given shape filled with `value`.
    public static func full(_ shape: [Int], _ value: Double) throws -> Tensor {
        try Tensor(shape: shape, repeating: value)
    }

    /// `start, start + step, ...` while below `stop` (above, for a negative step), as NumPy's
    /// `arange`: `arange(0, 5, 1)` is `[0, 1, 2, 3, 4]`.
    /// - Throws: `TensorError.argument` for a zero or non-finite step, a non-finite start or
    ///   stop, or a range of more than `Shape.maxElements` numbers.
    public static func arange(_ start: Double, _ stop: Double, _ step: Double = 1) throws -> Tensor {
        guard step != 0, step.isFinite else {
            throw TensorError.argument(op: "arange", name: "step",
                                       problem: .notNonzeroFinite(step))
        }
        guard start.isFinite, stop.isFinite else {
            throw TensorError.argument(op: "arange", name: "start and stop", problem: .notFiniteNumbers(start, stop))
        }
        // NOTE: check the size as a Double: Int(1e300) would trap before elementCount could object.
        let steps = ((stop - start) / step).rounded(.up)
        guard steps <= Double(Shape.maxElements) else {
            throw TensorError.argument(op: "arange", name: "range", problem: .tooManyNumbers(steps))
        }
        // NOTE: and clamp before converting: a step away from a far stop (arange(1e35, 0.5))
        // is a hugely negative count, which traps in Int() just the same.
        let count = try checkedCount([steps > 0 ? Int(steps) : 0])
        return Tensor((0..<count).map { start + Double($0) * step })
    }

    /// `count` evenly spaced numbers from `start` to `stop`, both included.
    public static func linspace(_ start: Double, _ stop: Double, count: Int) throws -> Tensor {
        guard count >= 0 else {
            throw TensorError.argument(op: "linspace", name: "count", problem: .negative(count))
        }
        _ = try checkedCount([count])
        if count == 1 { return Tensor([start]) }
        let step = (stop - start) / Double(count - 1)
        return Tensor((0..<count).map { $0 == count - 1 ? stop : start + Double($0) * step })
    }

    /// The n x n identity matrix.
    public static func eye(_ n: Int) throws -> Tensor {
        var result = try zeros([n, n])
        for i in 0..<n { result.scalars[i * n + i] = 1 }
        return result
    }

    /// Uniform samples in [0, 1).
    public static func rand(_ shape: [Int], using rng: inout RandomGenerator) throws -> Tensor {
        let count = try checkedCount(shape)
        return Tensor(unchecked: shape, scalars: (0..<count).map { _ in rng.uniform() })
    }

    /// Standard normal samples (mean 0, standard deviation 1).
    public static func randn(_ shape: [Int], using rng: inout RandomGenerator) throws -> Tensor {
        let count = try checkedCount(shape)
        return Tensor(unchecked: shape, scalars: (0..<count).map { _ in rng.normal() })
    }

    /// Uniform samples in [low, high).
    public static func uniform(_ shape: [Int], low: Double, high: Double, using rng: inout RandomGenerator) throws -> Tensor {
        try rand(shape, using: &rng) * (high - low) + low
    }

    /// Normal samples with the given mean and standard deviation.
    public static func normal(_ shape: [Int], mean: Double, std: Double, using rng: inout RandomGenerator) throws -> Tensor {
        try randn(shape, using: &rng) * std + mean
    }

    /// A random ordering of `0..<n` as a rank-1 tensor (for shuffling a data set's rows).
    public static func permutation(_ n: Int, using rng: inout RandomGenerator) throws -> Tensor {
        _ = try checkedCount([n])
        return Tensor(rng.permutation(n).map(Double.init))
    }

    /// This tensor with its rows (the slices along axis 0) in a random order.
    public func shuffled(using rng: inout RandomGenerator) -> Tensor {
        guard rank >= 1 else { return self }
        let rowSize = count / Swift.max(shape[0], 1)
        let order = rng.permutation(shape[0]), x = scalars
        return Tensor(unchecked: shape) { out in
            for (i, source) in order.enumerated() {
                for j in 0..<rowSize { out[i * rowSize + j] = x[source * rowSize + j] }
            }
        }
    }
}
