/// Elementwise arithmetic with NumPy broadcasting. The operators throw on shapes that do not
/// broadcast, so one `try` covers a whole expression: `let y = try x @ w + b`.
extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "+", Fn.Add()) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "-", Fn.Subtract()) }
    /// The product of two boolean tensors is boolean: their logical and, as in NumPy.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        try zip(a, b, op: "*", Fn.Multiply()).keepingBoolean(a.isBoolean && b.isBoolean)
    }
    /// Division; like NumPy, `x / 0` is `inf` (or `nan` for `0 / 0`), not an error.
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try zip(a, b, op: "/", Fn.Divide()) }

    public static func + (a: Tensor, b: Double) -> Tensor { a.map(BindSecond(f: Fn.Add(), y: b)) }
    public static func - (a: Tensor, b: Double) -> Tensor { a.map(BindSecond(f: Fn.Subtract(), y: b)) }
    public static func * (a: Tensor, b: Double) -> Tensor { a.map(BindSecond(f: Fn.Multiply(), y: b)) }
    public static func / (a: Tensor, b: Double) -> Tensor { a.map(BindSecond(f: Fn.Divide(), y: b)) }
    public static func + (a: Double, b: Tensor) -> Tensor { b.map(BindFirst(f: Fn.Add(), x: a)) }
    public static func - (a: Double, b: Tensor) -> Tensor { b.map(BindFirst(f: Fn.Subtract(), x: a)) }
    public static func * (a: Double, b: Tensor) -> Tensor { b.map(BindFirst(f: Fn.Multiply(), x: a)) }
    public static func / (a: Double, b: Tensor) -> Tensor { b.map(BindFirst(f: Fn.Divide(), x: a)) }

    public static prefix func - (a: Tensor) -> Tensor { a.map(Fn.Negate()) }

    /// `a ** b` elementwise. A negative base with a fractional exponent gives `nan`, as in NumPy.
    public static func pow(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zip(a, b, op: "**", Fn.Power())
    }

    /// Elementwise `max(a, b)`; `nan` wins, as in NumPy's `maximum`.
    public static func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zip(a, b, op: "maximum", Fn.Maximum())
    }

    /// Elementwise `min(a, b)`; `nan` wins, as in NumPy's `minimum`.
    public static func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zip(a, b, op: "minimum", Fn.Minimum())
    }
}

/// Elementwise functions of one tensor.
extension Tensor {
    public func exp() -> Tensor { map(Fn.Exp()) }
    /// Natural logarithm; `log(0) = -inf` and `log(-1) = nan`, as in NumPy.
    public func log() -> Tensor { map(Fn.Log()) }
    public func sqrt() -> Tensor { map(Fn.Sqrt()) }
    public func abs() -> Tensor { map(Fn.Abs()) }
    public func tanh() -> Tensor { map(Fn.Tanh()) }

    /// 1 / (1 + e^-x), computed so that neither tail overflows.
    public func sigmoid() -> Tensor { map(Fn.Sigmoid()) }

    /// max(x, 0). Note: a `nan` input stays `nan`.
    public func relu() -> Tensor { map(Fn.Relu()) }

    /// x for x > 0, `slope`·x otherwise.
    public func leakyRelu(slope: Double = 0.01) -> Tensor { map(Fn.LeakyRelu(slope: slope)) }

    /// Every element limited to `lower...upper` (either bound may be `nil`).
    /// - Throws: `TensorError.argument` when a bound is nan or `lower > upper`.
    public func clip(_ lower: Double?, _ upper: Double?) throws -> Tensor {
        let lo = lower ?? -.infinity, hi = upper ?? .infinity
        for (name, bound) in [("the lower bound", lo), ("the upper bound", hi)] where bound.isNaN {
            throw TensorError.argument(op: "clip", name: name, problem: "must be a number, got nan")
        }
        guard lo <= hi else {
            throw TensorError.argument(op: "clip", name: "the lower bound", problem: "\(lo) is above the upper bound \(hi)")
        }
        return map(Fn.Clip(lower: lo, upper: hi))
    }
}

/// Comparisons give boolean tensors of 0 and 1 (`isBoolean`: masks, as NumPy's booleans),
/// and `where` picks with them.
extension Tensor {
    public static func equal(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, "==") { $0 == $1 } }
    public static func notEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, "!=") { $0 != $1 } }
    public static func less(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, "<") { $0 < $1 } }
    public static func lessEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, "<=") { $0 <= $1 } }
    public static func greater(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, ">") { $0 > $1 } }
    public static func greaterEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor { try compare(a, b, ">=") { $0 >= $1 } }

    private static func compare(_ a: Tensor, _ b: Tensor, _ op: String,
                                _ holds: (Double, Double) -> Bool) throws -> Tensor {
        try zip(a, b, op: op) { holds($0, $1) ? 1 : 0 }.keepingBoolean(true)
    }

    /// `a` where `condition` is nonzero, else `b`; all three broadcast together.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(try Shape.broadcast(condition.shape, a.shape, op: "where"), b.shape, op: "where")
        let c = try condition.broadcast(to: shape), x = try a.broadcast(to: shape), y = try b.broadcast(to: shape)
        return Tensor(unchecked: shape, scalars: (0..<c.count).map { c.scalars[$0] != 0 ? x.scalars[$0] : y.scalars[$0] })
    }

    /// This tensor repeated along new or size-1 dimensions to `shape` (NumPy's `broadcast_to`).
    /// - Throws: `TensorError.broadcast` unless broadcasting `self` with `shape` gives `shape`.
    public func broadcast(to target: [Int]) throws -> Tensor {
        let zeros = try Tensor(shape: target, repeating: 0)
        guard try Shape.broadcast(shape, target, op: "broadcast_to") == target else {
            throw TensorError.broadcast(op: "broadcast_to", lhs: shape, rhs: target)
        }
        return try Tensor.zip(self, zeros, op: "broadcast_to", Fn.First())
    }
}
