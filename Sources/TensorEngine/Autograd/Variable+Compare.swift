/// Choosing between elements: `where`, which passes gradients, and the comparisons and
/// arg-reductions, which do not.
extension Variable {
    /// `a` where `condition` is nonzero, else `b`; all three broadcast together, as
    /// `Tensor.where`. The condition is data (a mask, often a comparison's result): it gets
    /// no gradient. Backward: dL/da = g where the condition holds, dL/db = g where it does
    /// not, each summed back to its operand's shape.
    public static func `where`(_ condition: Tensor, _ a: Variable, _ b: Variable) throws -> Variable {
        let y = try Tensor.where(condition, a.value, b.value)
        return .result(y, op: "where", parents: [a, b]) { g in
            [a.requiresGrad
                ? try Tensor.zip(g, condition, op: "where", PassWhere(nonzero: true)).unbroadcast(to: a.shape) : nil,
             b.requiresGrad
                ? try Tensor.zip(g, condition, op: "where", PassWhere(nonzero: false)).unbroadcast(to: b.shape) : nil]
        }
    }

    /// `where` with the condition held in a variable; only its value is used.
    public static func `where`(_ condition: Variable, _ a: Variable, _ b: Variable) throws -> Variable {
        try `where`(condition.value, a, b)
    }
}

/// Comparisons give 0 and 1 and arg-reductions give indices: step functions of their inputs,
/// whose derivative is 0 wherever it exists. So their results are constants that record no
/// graph and stop the gradient, and a mask made from them is data:
/// `x * Variable.greater(x, zero)` has gradient `mask · g` in x.
extension Variable {
    public static func equal(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.equal(a.value, b.value))
    }

    public static func notEqual(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.notEqual(a.value, b.value))
    }

    public static func less(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.less(a.value, b.value))
    }

    public static func lessEqual(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.lessEqual(a.value, b.value))
    }

    public static func greater(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.greater(a.value, b.value))
    }

    public static func greaterEqual(_ a: Variable, _ b: Variable) throws -> Variable {
        Variable(try Tensor.greaterEqual(a.value, b.value))
    }

    /// The index of the largest element along `axis` (`nil`: of the flattened tensor), as
    /// `Tensor.argmax`; a constant.
    public func argmax(axis: Int? = nil, keepDims: Bool = false) throws -> Variable {
        Variable(try value.argmax(axis: axis, keepDims: keepDims))
    }

    /// The index of the smallest element along `axis`, as `Tensor.argmin`; a constant.
    public func argmin(axis: Int? = nil, keepDims: Bool = false) throws -> Variable {
        Variable(try value.argmin(axis: axis, keepDims: keepDims))
    }
}

/// g where the condition is nonzero (or, with `nonzero: false`, where it is zero), else 0.
private struct PassWhere: BinaryFunction {
    let nonzero: Bool
    @inline(__always) func callAsFunction(_ g: Double, _ c: Double) -> Double { (c != 0) == nonzero ? g : 0 }
}
