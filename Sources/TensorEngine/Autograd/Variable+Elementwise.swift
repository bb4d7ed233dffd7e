/// Elementwise functions of one variable, each with its derivative beside it.
///
/// Every backward rule is a single pass over g and the saved input x (or output y) through a
/// function type (see `UnaryFunction`), so it costs about what the forward pass costs. Where
/// the derivative is a function of the output (exp, sqrt, tanh, sigmoid), the output is kept
/// and nothing is recomputed.
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

    /// eˣ. Backward: dL/dx = g·eˣ = g·y.
    public func exp() -> Variable {
        let y = value.exp()
        return .result(y, op: "exp", parents: [self]) { g in [try g * y] }
    }

    /// ln x; as in NumPy, ln 0 = −inf and the logarithm of a negative number is nan.
    /// Backward: dL/dx = g / x.
    public func log() -> Variable {
        let x = value
        return .result(x.log(), op: "log", parents: [self]) { g in [try g / x] }
    }

    /// √x. Backward: dL/dx = g / (2√x) = g / 2y, infinite at x = 0 (a vertical tangent).
    public func sqrt() -> Variable {
        let y = value.sqrt()
        return .result(y, op: "sqrt", parents: [self]) { g in
            [try Tensor.zip(g, y, op: "sqrt backward", HalfOverOutput())]
        }
    }

    /// |x|. Backward: dL/dx = g·sign(x), with sign(0) = 0: at the kink the subgradient 0 is
    /// taken, as PyTorch does.
    public func abs() -> Variable {
        let x = value
        return .result(x.abs(), op: "abs", parents: [self]) { g in
            [try Tensor.zip(g, x, op: "abs backward", TimesSign())]
        }
    }

    /// tanh x. Backward: dL/dx = g·(1 − y²).
    public func tanh() -> Variable {
        let y = value.tanh()
        return .result(y, op: "tanh", parents: [self]) { g in
            [try Tensor.zip(g, y, op: "tanh backward", TanhSlope())]
        }
    }

    /// σ(x) = 1 / (1 + e⁻ˣ), computed so that neither tail overflows.
    /// Backward: dL/dx = g·y·(1 − y).
    public func sigmoid() -> Variable {
        let y = value.sigmoid()
        return .result(y, op: "sigmoid", parents: [self]) { g in
            [try Tensor.zip(g, y, op: "sigmoid backward", SigmoidSlope())]
        }
    }

    /// x for x > 0, `slope`·x otherwise. Backward: dL/dx = g where x > 0, `slope`·g elsewhere
    /// (at 0 too: the same mask as `relu`, so `leakyRelu(slope: 0)` has relu's gradient).
    public func leakyRelu(slope: Double = 0.01) -> Variable {
        let x = value
        return .result(x.leakyRelu(slope: slope), op: "leakyRelu", parents: [self]) { g in
            [try Tensor.zip(g, x, op: "leakyRelu backward", LeakyReluSlope(slope: slope))]
        }
    }

    /// Every element limited to `lower...upper` (either bound may be `nil`: no limit).
    /// Backward: dL/dx = g strictly inside the bounds (lower < x < upper), 0 elsewhere.
    /// - Throws: `TensorError.argument` when a bound is nan or `lower > upper`.
    // NOTE: strictly, so that clip(x, 0, nil) has exactly relu's gradient at x = 0. PyTorch's
    // clamp passes g at the bounds themselves; the two differ only where x equals a bound.
    public func clip(_ lower: Double?, _ upper: Double?) throws -> Variable {
        let x = value
        let bounds = PassInside(lower: lower ?? -.infinity, upper: upper ?? .infinity)
        return .result(try x.clip(lower, upper), op: "clip", parents: [self]) { g in
            [try Tensor.zip(g, x, op: "clip backward", bounds)]
        }
    }
}

/// g / 2y: the gradient of √x from its output y.
private struct HalfOverOutput: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ y: Double) -> Double { g / (2 * y) }
}

/// g·sign(x), sign(0) = 0: the gradient of |x|.
private struct TimesSign: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > 0 ? g : (x < 0 ? -g : 0) }
}

/// g·(1 − y²): the gradient of tanh from its output y.
private struct TanhSlope: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ y: Double) -> Double { g * (1 - y * y) }
}

/// g·y·(1 − y): the gradient of σ from its output y.
private struct SigmoidSlope: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ y: Double) -> Double { g * y * (1 - y) }
}

/// g for x > 0, slope·g otherwise: the gradient of leakyRelu.
private struct LeakyReluSlope: BinaryFunction {
    let slope: Double
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > 0 ? g : slope * g }
}

/// g strictly between the bounds, else 0: the gradient of clip.
private struct PassInside: BinaryFunction {
    let lower: Double, upper: Double
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > lower && x < upper ? g : 0 }
}

/// g where x > 0, else 0: the gradient of relu, as a function type for a fast loop.
struct PassWherePositive: BinaryFunction {
    @inline(__always) func callAsFunction(_ g: Double, _ x: Double) -> Double { x > 0 ? g : 0 }
}
