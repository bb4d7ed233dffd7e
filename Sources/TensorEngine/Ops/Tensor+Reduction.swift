/// Reductions, as NumPy's `sum`, `mean`, `var`, `std`, `max` and `min`.
///
/// Each takes `axes`, the axes to reduce: `nil` (the default) for all of them, negative
/// numbers counting from the end (−1 is the last), several at once but each only once, `[]`
/// for none (the tensor comes back unchanged). With `keepDims: false` the reduced dimensions
/// disappear, so reducing every axis gives a rank-0 tensor; with `keepDims: true` they stay
/// as size 1, so the result broadcasts against the input: `x - x.mean(axis: 1, keepDims: true)`.
/// Shapes: x is (2, 3, 4); `axes: [1]` gives (2, 4), or (2, 1, 4) with `keepDims`;
/// `axes: [0, -1]` gives (3); `axes: nil` gives () or (1, 1, 1).
///
/// Sums run along each reduced axis in index order (see `ReductionLayout`): the same input
/// gives the same bits on every run and machine. Cost: O(count) per call.
///
/// `sum`, `max` and `min` are primitives, with their backward rules; `mean`, `variance` and
/// `std` are composed of primitives when a gradient is needed (and computed directly when not).
extension Tensor {
    /// Σ x over `axes`. The sum of no elements is 0, as in NumPy.
    /// Backward: g broadcast back over the summed axes.
    /// - Throws: `.axisOutOfRange`, `.repeatedAxis`.
    public func sum(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let y = try reduction(axes, keepDims: keepDims, op: "sum", start: 0, Fn.Add())
        guard requiresGrad else { return y }
        let inputShape = shape
        let kept = ReductionLayout.resultShape(shape, axes: try Shape.normalize(axes: axes, rank: rank), keepDims: true)
        return y.recorded("sum", [self]) { g in [try g.reshape(kept).broadcast(to: inputShape)] }
    }

    /// Σ x / n over `axes`, where n is the number of elements reduced into each result
    /// (the product of the reduced sizes). The mean of no elements is 0 / 0 = nan, as in NumPy.
    /// Composed: `sum`, then `/ n`.
    /// - Throws: `.axisOutOfRange`, `.repeatedAxis`.
    public func mean(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let n = Double(try reducedCount(axes))
        return try sum(axes: axes, keepDims: keepDims) / n
    }

    /// The variance over `axes`: var = Σ (x − mean(x))² / (n − correction), computed in two
    /// passes (the mean, then the squared deviations from it), which is stable where
    /// E[x²] − E[x]² is not.
    ///
    /// `correction` is NumPy's `ddof` (delta degrees of freedom). 0, the default, divides by
    /// n: the population variance mean((x − mean(x))²), which batch norm uses. 1 divides by
    /// n − 1: the unbiased estimate from a sample (Bessel's correction; PyTorch's default).
    /// When n − correction ≤ 0 the divisor is 0 and the result inf or nan, as in NumPy.
    /// - Throws: `.axisOutOfRange`, `.repeatedAxis`.
    ///
    /// With a gradient it is composed of mean, −, ·, sum and ÷, so its gradient is theirs:
    /// 2(x − mean(x))·g / (n − correction), the mean's own term adding up to 0.
    public func variance(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        let divisor = Double(Swift.max(try reducedCount(axes) - correction, 0))
        if requiresGrad {
            let deviation = try self - mean(axes: axes, keepDims: true)
            return try (deviation * deviation).sum(axes: axes, keepDims: keepDims) / divisor
        }
        let mu = try mean(axes: axes, keepDims: true)
        let squares = try Tensor.zip(self, mu, op: "variance", Fn.SquaredDifference())
        return try squares.sum(axes: axes, keepDims: keepDims).map(BindSecond(f: Fn.Divide(), y: divisor))
    }

    /// The standard deviation over `axes`: std = √var, with `correction` as in `variance`.
    /// Composed: `variance` then `sqrt`.
    // NOTE: at zero variance (all elements equal) the gradient is nan, as in PyTorch: √ has
    // an infinite slope at 0, times the deviations, which are 0. Add an epsilon inside the
    // square root (as batch norm does) when the input can be constant.
    /// - Throws: `.axisOutOfRange`, `.repeatedAxis`.
    public func std(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        try variance(axes: axes, keepDims: keepDims, correction: correction).sqrt()
    }

    /// The largest element over `axes`; nan when any of them is nan, as NumPy's `max`. To skip
    /// nans, replace them first: `Tensor.where(try Tensor.equal(x, x), x, Tensor(-.infinity))`.
    ///
    /// Backward: g goes to the elements equal to the maximum. When k of them tie, each gets
    /// g/k, as PyTorch's `amax` does: the shares add up to g and no position is favoured
    /// (PyTorch's `max(dim)` instead gives all of g to the one index it returns). A nan
    /// input makes its maximum nan, and its gradient too.
    /// - Throws: `.emptyReduction` when `axes` select no elements (a size-0 axis): the max of
    ///   nothing has no value. Also `.axisOutOfRange`, `.repeatedAxis`.
    /// - Complexity: O(count) forward; O(count) backward, in three passes.
    public func max(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let y = try reduction(axes, keepDims: keepDims, op: "max", start: nil, Fn.Maximum())
        return requiresGrad ? try extreme(y, axes: axes, op: "max") : y
    }

    /// The smallest element over `axes`; nan when any of them is nan, as NumPy's `min`.
    /// Backward: as `max`, g split equally among the elements equal to the minimum.
    /// - Throws: `.emptyReduction` when `axes` select no elements; `.axisOutOfRange`, `.repeatedAxis`.
    public func min(axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let y = try reduction(axes, keepDims: keepDims, op: "min", start: nil, Fn.Minimum())
        return requiresGrad ? try extreme(y, axes: axes, op: "min") : y
    }

    /// `y`, the extremes of `max` or `min`, recorded with their backward rule.
    private func extreme(_ y: Tensor, axes: [Int]?, op: String) throws -> Tensor {
        let x = detached()
        let kept = try y.detached().reshape(ReductionLayout.resultShape(shape, axes: Shape.normalize(axes: axes, rank: rank),
                                                                        keepDims: true))
        return y.recorded(op, [self]) { g in
            let winners = try Tensor.zip(x, kept, op: op, IsEqual())
            let share = try g.reshape(kept.shape) / winners.sum(axes: axes, keepDims: true)
            return [try winners * share]
        }
    }
}

/// 1 where x equals the extreme it was reduced to, else 0.
private struct IsEqual: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Double, _ extreme: Double) -> Double { x == extreme ? 1 : 0 }
}

/// The same reductions over one axis: `x.sum(axis: -1)` is `x.sum(axes: [-1])`.
extension Tensor {
    public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try sum(axes: [axis], keepDims: keepDims)
    }

    public func mean(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try mean(axes: [axis], keepDims: keepDims)
    }

    public func variance(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        try variance(axes: [axis], keepDims: keepDims, correction: correction)
    }

    public func std(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Tensor {
        try std(axes: [axis], keepDims: keepDims, correction: correction)
    }

    public func max(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try max(axes: [axis], keepDims: keepDims)
    }

    public func min(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try min(axes: [axis], keepDims: keepDims)
    }
}

extension Tensor {
    /// Folds `axes` with `combine`, one run of adjacent axes after another (the last run
    /// first), then gives the result its final shape. `start` is the fold's identity;
    /// without one an empty selection is an error naming `op`.
    @inline(__always)
    func reduction<F: BinaryFunction>(_ axes: [Int]?, keepDims: Bool, op: String, start: Double?,
                                      _ combine: F) throws -> Tensor {
        let axes = try Shape.normalize(axes: axes, rank: rank)
        if start == nil, axes.contains(where: { shape[$0] == 0 }) { throw TensorError.emptyReduction(op: op) }
        var result = self
        for run in ReductionLayout.runs(axes).reversed() {
            result = result.fold(run: run, start: start, combine)
        }
        return result.withShape(ReductionLayout.resultShape(shape, axes: axes, keepDims: keepDims))
    }

    /// How many elements `axes` (`nil`: all) gather into each result: the product of their sizes.
    func reducedCount(_ axes: [Int]?) throws -> Int {
        try Shape.normalize(axes: axes, rank: rank).reduce(1) { $0 * shape[$1] }
    }
}
