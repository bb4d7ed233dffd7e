/// Elementwise functions of two variables: powers, maximum and minimum, with their backward
/// rules beside them. All broadcast like NumPy; backward sums each gradient back to its
/// operand's shape (`unbroadcast`), as the arithmetic operators do.
extension Variable {
    /// a ** b elementwise: y = aᵇ. A negative base with a fractional exponent gives nan.
    ///
    /// Backward: dL/da = g·b·aᵇ⁻¹ and dL/db = g·aᵇ·ln a, with PyTorch's two conventions where
    /// those formulas break down: dL/da = 0 where b = 0 (a⁰ = 1 is flat, even at a = 0 where
    /// the formula gives 0·∞), and dL/db = 0 where a = 0 and b ≥ 0 (0ᵇ is flat in b there,
    /// while aᵇ·ln a gives 0·(−∞)). For a < 0, ln a is nan and so is dL/db: a real power of
    /// a negative base cannot vary its exponent continuously.
    /// - Complexity: O(result count); the gradient of b (computed only when b requires one)
    ///   calls `pow` and `log` again per element.
    public static func pow(_ a: Variable, _ b: Variable) throws -> Variable {
        let y = try Tensor.pow(a.value, b.value)
        return .result(y, op: "**", parents: [a, b]) { g in
            [a.requiresGrad
                ? try (g * Tensor.zip(a.value, b.value, op: "**", PowerBaseSlope())).unbroadcast(to: a.shape) : nil,
             b.requiresGrad
                ? try (g * Tensor.zip(a.value, b.value, op: "**", PowerExponentSlope())).unbroadcast(to: b.shape) : nil]
        }
    }

    /// a ** b for a fixed exponent b (`x ** 2`): the exponent is a constant.
    public static func pow(_ a: Variable, _ b: Double) throws -> Variable { try pow(a, Variable(Tensor(b))) }

    /// a ** b for a fixed base a (`2 ** x`): the base is a constant.
    public static func pow(_ a: Double, _ b: Variable) throws -> Variable { try pow(Variable(Tensor(a)), b) }

    /// max(a, b) elementwise; nan wins, as in NumPy's `maximum`.
    /// Backward: g goes to the larger operand. Where the two are equal it is split, g/2 to
    /// each (PyTorch's rule: the two gradients still add up to g, and neither operand is
    /// favoured). Where one is nan, the whole g goes to b.
    public static func maximum(_ a: Variable, _ b: Variable) throws -> Variable {
        let y = try Tensor.maximum(a.value, b.value)
        return .result(y, op: "maximum", parents: [a, b]) { g in
            try split(g, between: a, b, share: Tensor.zip(a.value, b.value, op: "maximum", LargerShare()))
        }
    }

    /// min(a, b) elementwise; nan wins, as in NumPy's `minimum`.
    /// Backward: g goes to the smaller operand; ties split it, g/2 to each (as `maximum`).
    public static func minimum(_ a: Variable, _ b: Variable) throws -> Variable {
        let y = try Tensor.minimum(a.value, b.value)
        return .result(y, op: "minimum", parents: [a, b]) { g in
            try split(g, between: a, b, share: Tensor.zip(a.value, b.value, op: "minimum", SmallerShare()))
        }
    }

    /// g·share to a and g·(1 − share) to b, each summed back to its operand's shape.
    private static func split(_ g: Tensor, between a: Variable, _ b: Variable, share: Tensor) throws -> [Tensor?] {
        let ga = try g * share
        return [a.requiresGrad ? try ga.unbroadcast(to: a.shape) : nil,
                b.requiresGrad ? try (g - ga).unbroadcast(to: b.shape) : nil]
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
