// NOTE for the merge: `tanh`, `sigmoid` and `leakyRelu` on `Variable` are also being written in
// `Variable+Functions.swift` on another branch; keep one copy of each.

/// The saturating and leaky non-linearities, each with its derivative beside it. Backward
/// rules that can be written with the output use it (tanh, sigmoid), so nothing is recomputed.
extension Variable {
    /// tanh(x), in (−1, 1). Backward: g·(1 − y²) with y = tanh(x).
    /// Saturates: for |x| above about 3 the gradient is under 1% of g (the vanishing gradient
    /// of deep tanh networks with large weights).
    public func tanh() -> Variable {
        let y = value.tanh()
        return .result(y, op: "tanh", parents: [self]) { g in
            [try Tensor.zip(g, y, op: "tanh backward", TanhGradient())]
        }
    }

    /// σ(x) = 1 / (1 + e^−x), in (0, 1). Backward: g·y·(1 − y) with y = σ(x); at most g/4.
    public func sigmoid() -> Variable {
        let y = value.sigmoid()
        return .result(y, op: "sigmoid", parents: [self]) { g in
            [try Tensor.zip(g, y, op: "sigmoid backward", SigmoidGradient())]
        }
    }

    /// x where x > 0, slope·x elsewhere. Backward: g where x > 0, slope·g elsewhere.
    // NOTE: as for relu, the test is x > 0, so at x == 0 the gradient is slope·g (PyTorch's).
    public func leakyRelu(slope: Double = 0.01) -> Variable {
        let x = value
        return .result(x.leakyRelu(slope: slope), op: "leakyRelu", parents: [self]) { g in
            [try Tensor.zip(g, x, op: "leakyRelu backward", LeakyReluGradient(slope: slope))]
        }
    }
}

/// g·(1 − y²): the gradient of tanh from its output y.
struct TanhGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ y: Double) -> Double { g * (1 - y * y) }
}

/// g·y·(1 − y): the gradient of the sigmoid from its output y.
struct SigmoidGradient: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ y: Double) -> Double { g * y * (1 - y) }
}

/// g where x > 0, slope·g elsewhere: the gradient of leaky relu from its input x.
struct LeakyReluGradient: BinaryFunction {
    let slope: Double
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > 0 ? g : slope * g }
}
