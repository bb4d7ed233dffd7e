/// Elementwise functions of one tensor, each with its derivative beside it.
///
/// Every backward rule is a single pass over g and the saved input x (or output y) through a
/// function type (see `UnaryFunction`), so it costs about what the forward pass costs. Where
/// the derivative is a function of the output (exp, sqrt, tanh, sigmoid), the output is kept
/// and nothing is recomputed.
extension Tensor {
    /// max(x, 0); a nan input stays nan. Backward: g where x > 0, else 0.
    ///
    /// The backward rule keeps the output y, not x: y > 0 exactly where x > 0 (y is 0 for
    /// x ≤ 0 and nan for nan, neither positive), and y is usually kept anyway (by the next
    /// layer's product), so x's memory is freed as soon as the forward pass moves on.
    // NOTE: the mask must be "> 0", not "the output equals x": at x == 0 both hold, and
    // passing g through there would give a subgradient other frameworks do not.
    public func relu() -> Tensor {
        let y = map(Fn.Relu())
        guard requiresGrad else { return y }
        let out = y
        return y.recorded("relu", [self]) { g in [try Tensor.zip(g, out, op: "relu backward", PassWherePositive())] }
    }

    /// eˣ. Backward: dL/dx = g·eˣ = g·y.
    public func exp() -> Tensor {
        let y = map(Fn.Exp())
        guard requiresGrad else { return y }
        let out = y
        return y.recorded("exp", [self]) { g in [try g * out] }
    }

    /// ln x; as in NumPy, ln 0 = −inf and the logarithm of a negative number is nan.
    /// Backward: dL/dx = g / x.
    public func log() -> Tensor {
        let y = map(Fn.Log())
        guard requiresGrad else { return y }
        let x = detached()
        return y.recorded("log", [self]) { g in [try g / x] }
    }

    /// √x. Backward: dL/dx = g / (2√x) = g / 2y, infinite at x = 0 (a vertical tangent).
    public func sqrt() -> Tensor {
        let y = map(Fn.Sqrt())
        guard requiresGrad else { return y }
        let out = y
        return y.recorded("sqrt", [self]) { g in [try Tensor.zip(g, out, op: "sqrt backward", HalfOverOutput())] }
    }

    /// |x|. Backward: dL/dx = g·sign(x), with sign(0) = 0: at the kink the subgradient 0 is
    /// taken, as PyTorch does.
    public func abs() -> Tensor {
        let y = map(Fn.Abs())
        guard requiresGrad else { return y }
        let x = detached()
        return y.recorded("abs", [self]) { g in [try Tensor.zip(g, x, op: "abs backward", TimesSign())] }
    }

    /// tanh x. Backward: dL/dx = g·(1 − y²).
    public func tanh() -> Tensor {
        let y = map(Fn.Tanh())
        guard requiresGrad else { return y }
        let out = y
        return y.recorded("tanh", [self]) { g in [try Tensor.zip(g, out, op: "tanh backward", TanhSlope())] }
    }

    /// σ(x) = 1 / (1 + e⁻ˣ), computed so that neither tail overflows.
    /// Backward: dL/dx = g·y·(1 − y).
    public func sigmoid() -> Tensor {
        let y = map(Fn.Sigmoid())
        guard requiresGrad else { return y }
        let out = y
        return y.recorded("sigmoid", [self]) { g in [try Tensor.zip(g, out, op: "sigmoid backward", SigmoidSlope())] }
    }

    /// x for x > 0, `slope`·x otherwise. Backward: dL/dx = g where x > 0, `slope`·g elsewhere
    /// (at 0 too: the same mask as `relu`, so `leakyRelu(slope: 0)` has relu's gradient).
    public func leakyRelu(slope: Double = 0.01) -> Tensor {
        let y = map(Fn.LeakyRelu(slope: slope))
        guard requiresGrad else { return y }
        let x = detached()
        return y.recorded("leakyRelu", [self]) { g in
            [try Tensor.zip(g, x, op: "leakyRelu backward", LeakyReluSlope(slope: slope))]
        }
    }

    /// Every element limited to `lower...upper` (either bound may be `nil`: no limit).
    /// Backward: dL/dx = g strictly inside the bounds (lower < x < upper), 0 elsewhere.
    /// - Throws: `TensorError.argument` when a bound is nan or `lower > upper`.
    // NOTE: strictly, so that clip(x, 0, nil) has exactly relu's gradient at x = 0. PyTorch's
    // clamp passes g at the bounds themselves; the two differ only where x equals a bound.
    public func clip(_ lower: Double?, _ upper: Double?) throws -> Tensor {
        let lo = lower ?? -.infinity, hi = upper ?? .infinity
        for (name, bound) in [("the lower bound", lo), ("the upper bound", hi)] where bound.isNaN {
            throw TensorError.argument(op: "clip", name: name, problem: .notANumber)
        }
        guard lo <= hi else {
            throw TensorError.argument(op: "clip", name: "the lower bound", problem: .aboveUpperBound(lo, upper: hi))
        }
        let y = map(Fn.Clip(lower: lo, upper: hi))
        guard requiresGrad else { return y }
        let x = detached()
        return y.recorded("clip", [self]) { g in [try Tensor.zip(g, x, op: "clip backward", PassInside(lower: lo, upper: hi))] }
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
