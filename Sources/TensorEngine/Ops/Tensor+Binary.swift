/// Elementwise functions of two tensors: powers, maximum and minimum, with their backward
/// rules beside them. All broadcast like NumPy; backward sums each gradient back to its
/// operand's shape (`unbroadcast`), as the arithmetic operators do.
extension Tensor {
    /// a ** b elementwise: y = aᵇ. A negative base with a fractional exponent gives nan, as
    /// in NumPy.
    ///
    /// Backward: dL/da = g·b·aᵇ⁻¹ and dL/db = g·aᵇ·ln a, with PyTorch's two conventions where
    /// those formulas break down: dL/da = 0 where b = 0 (a⁰ = 1 is flat, even at a = 0 where
    /// the formula gives 0·∞), and dL/db = 0 where a = 0 and b ≥ 0 (0ᵇ is flat in b there,
    /// while aᵇ·ln a gives 0·(−∞)). For a < 0, ln a is nan and so is dL/db: a real power of
    /// a negative base cannot vary its exponent continuously.
    /// - Complexity: O(result count); the gradient of b (computed only when b requires one)
    ///   calls `pow` and `log` again per element.
    public static func pow(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "**", Fn.Power())
        guard anyRequiresGrad(a, b) else { return y }
        let (x, z, ga, gb) = (a.detached(), b.detached(), a.requiresGrad, b.requiresGrad)
        return y.recorded("**", [a, b]) { g in
            [ga ? try (g * Tensor.zip(x, z, op: "**", PowerBaseSlope())).unbroadcast(to: x.shape) : nil,
             gb ? try (g * Tensor.zip(x, z, op: "**", PowerExponentSlope())).unbroadcast(to: z.shape) : nil]
        }
    }

    /// a ** b for a fixed exponent b (`x ** 2`): the exponent is a constant.
    public static func pow(_ a: Tensor, _ b: Double) throws -> Tensor { try pow(a, Tensor(b)) }

    /// a ** b for a fixed base a (`2 ** x`): the base is a constant.
    public static func pow(_ a: Double, _ b: Tensor) throws -> Tensor { try pow(Tensor(a), b) }

    /// max(a, b) elementwise; nan wins, as in NumPy's `maximum`.
    /// Backward: g goes to the larger operand. Where the two are equal it is split, g/2 to
    /// each (PyTorch's rule: the two gradients still add up to g, and neither operand is
    /// favoured). Where one is nan, the whole g goes to b.
    public static func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "maximum", Fn.Maximum())
        guard anyRequiresGrad(a, b) else { return y }
        return y.recorded("maximum", [a, b]) { [x = a.detached(), z = b.detached(), ga = a.requiresGrad, gb = b.requiresGrad] g in
            try split(g, x, z, ga, gb, share: Tensor.zip(x, z, op: "maximum", LargerShare()))
        }
    }

    /// min(a, b) elementwise; nan wins, as in NumPy's `minimum`.
    /// Backward: g goes to the smaller operand; ties split it, g/2 to each (as `maximum`).
    public static func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "minimum", Fn.Minimum())
        guard anyRequiresGrad(a, b) else { return y }
        return y.recorded("minimum", [a, b]) { [x = a.detached(), z = b.detached(), ga = a.requiresGrad, gb = b.requiresGrad] g in
            try split(g, x, z, ga, gb, share: Tensor.zip(x, z, op: "minimum", SmallerShare()))
        }
    }

    /// g·share to a and g·(1 − share) to b, each summed back to its operand's shape.
    private static func split(_ g: Tensor, _ a: Tensor, _ b: Tensor, _ ga: Bool, _ gb: Bool,
                              share: Tensor) throws -> [Tensor?] {
        let toA = try g * share
        return [ga ? try toA.unbroadcast(to: a.shape) : nil, gb ? try (g - toA).unbroadcast(to: b.shape) : nil]
    }
}

/// b·aᵇ⁻¹, 0 where b = 0: the derivative of aᵇ in a. Squares (the common case) skip `pow`.
private struct PowerBaseSlope: BinaryFunction {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double {
        b == 0 ? 0 : (b == 2 ? 2 * a : b * CMath.pow(a, b - 1))
    }
}

/// aᵇ·ln a, 0 where a = 0 and b ≥ 0: the derivative of aᵇ in b.
private struct PowerExponentSlope: BinaryFunction {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double {
        a == 0 && b >= 0 ? 0 : CMath.pow(a, b) * CMath.log(a)
    }
}

/// The share of the gradient of max(a, b) that goes to a: 1, ½ on a tie, or 0.
private struct LargerShare: BinaryFunction {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a > b ? 1 : (a == b ? 0.5 : 0) }
}

/// The share of the gradient of min(a, b) that goes to a: 1, ½ on a tie, or 0.
private struct SmallerShare: BinaryFunction {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a < b ? 1 : (a == b ? 0.5 : 0) }
}
