/// Reductions: `sum`, `max` and `min` (primitives, with their backward rules), and `mean`,
/// `variance` and `std` (composed from primitives, so they need no backward of their own). `axes` and `keepDims` mean what they mean for `Tensor`: `nil` reduces every
/// axis, negative axes count from the end.
extension Variable {
    /// Σ over `axes` (all when nil). Backward: g broadcast back over the summed axes.
    public func sum(axes: [Int]? = nil, keepDims: Bool = false) throws -> Variable {
        let inputShape = shape
        let kept = try value.sum(axes: axes, keepDims: true).shape
        let result = try value.sum(axes: axes, keepDims: keepDims)
        return .result(result, op: "sum", parents: [self]) { g in
            [try g.reshape(kept).broadcast(to: inputShape)]
        }
    }

    /// The mean over `axes` (all when nil): the sum divided by the number of elements summed.
    public func mean(axes: [Int]? = nil, keepDims: Bool = false) throws -> Variable {
        let total = try sum(axes: axes, keepDims: keepDims)
        let n = Double(value.count) / Double(Swift.max(total.value.count, 1))
        return try total / n
    }

    /// The largest element over `axes`, as `Tensor.max`.
    ///
    /// Backward: g goes to the elements equal to the maximum. When k of them tie, each gets
    /// g/k, as PyTorch's `amax` does: the shares add up to g and no position is favoured
    /// (PyTorch's `max(dim)` instead gives all of g to the one index it returns). A nan
    /// input makes its maximum nan, and its gradient too.
    /// - Throws: as `Tensor.max` (`.emptyReduction`, `.axisOutOfRange`, `.repeatedAxis`).
    /// - Complexity: O(count) forward; O(count) backward, in three passes.
    public func max(axes: [Int]? = nil, keepDims: Bool = false) throws -> Variable {
        try extreme(value.max(axes: axes, keepDims: true), axes: axes, keepDims: keepDims, op: "max")
    }

    /// The smallest element over `axes`, as `Tensor.min`. Backward: as `max`, g split equally
    /// among the elements equal to the minimum.
    /// - Throws: as `Tensor.min`.
    public func min(axes: [Int]? = nil, keepDims: Bool = false) throws -> Variable {
        try extreme(value.min(axes: axes, keepDims: true), axes: axes, keepDims: keepDims, op: "min")
    }

    /// The node for `max` or `min`, given the extremes with the reduced axes kept.
    private func extreme(_ kept: Tensor, axes: [Int]?, keepDims: Bool, op: String) throws -> Variable {
        let x = value
        let result = keepDims ? kept : try kept.squeeze(axes: Shape.normalize(axes: axes, rank: rank))
        return .result(result, op: op, parents: [self]) { g in
            let winners = try Tensor.zip(x, kept, op: op, IsEqual())
            let share = try g.reshape(kept.shape) / winners.sum(axes: axes, keepDims: true)
            return [try winners * share]
        }
    }

    /// The variance over `axes`, Σ (x − mean(x))² / (n − correction), as `Tensor.variance`
    /// (`correction` is NumPy's `ddof`: 0 for the population variance that batch norm uses,
    /// 1 for Bessel's unbiased estimate). Composed of mean, −, ·, sum and ÷, so its gradient
    /// is theirs: 2(x − mean(x))·g / (n − correction), the mean's own term adding up to 0.
    public func variance(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Variable {
        let deviation = try self - mean(axes: axes, keepDims: true)
        let divisor = Double(Swift.max(try value.reducedCount(axes) - correction, 0))
        return try (deviation * deviation).sum(axes: axes, keepDims: keepDims) / divisor
    }

    /// The standard deviation over `axes`, √variance, as `Tensor.std`. Composed: `variance`
    /// then `sqrt`.
    // NOTE: at zero variance (all elements equal) the gradient is nan, as in PyTorch: √ has
    // an infinite slope at 0, times the deviations, which are 0. Add an epsilon inside the
    // square root (as batch norm does) when the input can be constant.
    public func std(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) throws -> Variable {
        try variance(axes: axes, keepDims: keepDims, correction: correction).sqrt()
    }
}

/// The same reductions over one axis: `x.sum(axis: -1)` is `x.sum(axes: [-1])`.
extension Variable {
    public func sum(axis: Int, keepDims: Bool = false) throws -> Variable {
        try sum(axes: [axis], keepDims: keepDims)
    }

    public func mean(axis: Int, keepDims: Bool = false) throws -> Variable {
        try mean(axes: [axis], keepDims: keepDims)
    }

    public func variance(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Variable {
        try variance(axes: [axis], keepDims: keepDims, correction: correction)
    }

    public func std(axis: Int, keepDims: Bool = false, correction: Int = 0) throws -> Variable {
        try std(axes: [axis], keepDims: keepDims, correction: correction)
    }

    public func max(axis: Int, keepDims: Bool = false) throws -> Variable {
        try max(axes: [axis], keepDims: keepDims)
    }

    public func min(axis: Int, keepDims: Bool = false) throws -> Variable {
        try min(axes: [axis], keepDims: keepDims)
    }
}

/// 1 where x equals the extreme it was reduced to, else 0.
private struct IsEqual: BinaryFunction {
    @inline(__always) func callAsFunction(_ x: Double, _ extreme: Double) -> Double { x == extreme ? 1 : 0 }
}
