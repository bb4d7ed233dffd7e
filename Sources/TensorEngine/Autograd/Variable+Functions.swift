/// Elementwise functions of one variable, each with its derivative beside it.
extension Variable {
    /// max(x, 0). Backward: g where x > 0, else 0.
    // NOTE: the mask must be x > 0, not "the output equals x": at x == 0 both hold, and
    // passing g through there would give a subgradient other frameworks do not.
    public func relu() -> Variable {
        let x = value
        return .result(x.relu(), op: "relu", parents: [self]) { g in
            [try Tensor.zip(g, x, op: "relu backward", PassWherePositive())]
        }
    }
}

/// The reductions every network needs (more in `Variable+Reduction.swift`).
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
}

/// g where x > 0, else 0: the gradient of relu, as a function type for a fast loop.
struct PassWherePositive: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > 0 ? g : 0 }
}
