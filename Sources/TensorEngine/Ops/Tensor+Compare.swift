/// Comparisons give boolean tensors of 0 and 1 (`isBoolean`: masks, as NumPy's booleans),
/// and `where` picks with them.
///
/// Comparisons (and `argmax`, `argmin`) are step functions of their inputs, whose derivative
/// is 0 wherever it exists: their results are plain tensors that record no graph and stop
/// the gradient, and a mask made from them is data: `x * Tensor.greater(x, zero)` has
/// gradient `mask · g` in x.
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

    /// `a` where `condition` is nonzero, else `b`; all three broadcast together. The
    /// condition is data (a mask, often a comparison's result): it gets no gradient.
    /// Backward: dL/da = g where the condition holds, dL/db = g where it does not, each
    /// summed back to its operand's shape.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(try Shape.broadcast(condition.shape, a.shape, op: "where"), b.shape, op: "where")
        let c = try condition.detached().broadcast(to: shape)
        let x = try a.detached().broadcast(to: shape), z = try b.detached().broadcast(to: shape)
        let (cs, xs, zs) = (c.scalars, x.scalars, z.scalars)
        let y = Tensor(unchecked: shape, scalars: (0..<cs.count).map { cs[$0] != 0 ? xs[$0] : zs[$0] })
        guard anyRequiresGrad(a, b) else { return y }
        let (mask, ga, gb, sa, sb) = (condition.detached(), a.requiresGrad, b.requiresGrad, a.shape, b.shape)
        return y.recorded("where", [a, b]) { g in
            [ga ? try Tensor.zip(g, mask, op: "where", PassWhere(nonzero: true)).unbroadcast(to: sa) : nil,
             gb ? try Tensor.zip(g, mask, op: "where", PassWhere(nonzero: false)).unbroadcast(to: sb) : nil]
        }
    }

    /// This tensor repeated along new or size-1 dimensions to `shape` (NumPy's `broadcast_to`).
    /// Backward: g summed over the repeated axes (`unbroadcast`), as for every broadcast.
    /// - Throws: `TensorError.broadcast` unless broadcasting `self` with `shape` gives `shape`.
    public func broadcast(to target: [Int]) throws -> Tensor {
        let zeros = try Tensor(shape: target, repeating: 0)
        guard try Shape.broadcast(shape, target, op: "broadcast_to") == target else {
            throw TensorError.broadcast(op: "broadcast_to", lhs: shape, rhs: target)
        }
        let y = try Tensor.zip(self, zeros, op: "broadcast_to", Fn.First())
        guard requiresGrad else { return y }
        let inputShape = shape
        return y.recorded("broadcast", [self]) { g in [try g.unbroadcast(to: inputShape)] }
    }
}

/// g where the condition is nonzero (or, with `nonzero: false`, where it is zero), else 0.
private struct PassWhere: BinaryFunction {
    let nonzero: Bool
    @inline(__always) func callAsFunction(_ g: Double, _ c: Double) -> Double { (c != 0) == nonzero ? g : 0 }
}
