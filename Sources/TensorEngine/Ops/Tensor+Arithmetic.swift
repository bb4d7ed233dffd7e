/// Elementwise arithmetic with NumPy broadcasting, each operation with its backward rule
/// beside it. The operators throw on shapes that do not broadcast, so one `try` covers a
/// whole expression: `let y = try x @ w + b`. Backward sums each gradient back to its
/// operand's shape (`unbroadcast`).
extension Tensor {
    /// a + b. Backward: dL/da = g, dL/db = g (each summed back to its operand's shape).
    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "+", Fn.Add())
        guard anyRequiresGrad(a, b) else { return y }
        let (ga, gb, sa, sb) = (a.requiresGrad, b.requiresGrad, a.shape, b.shape)
        return y.recorded("+", [a, b]) { g in
            [ga ? try g.unbroadcast(to: sa) : nil, gb ? try g.unbroadcast(to: sb) : nil]
        }
    }

    /// a − b. Backward: dL/da = g, dL/db = −g.
    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "-", Fn.Subtract())
        guard anyRequiresGrad(a, b) else { return y }
        let (ga, gb, sa, sb) = (a.requiresGrad, b.requiresGrad, a.shape, b.shape)
        return y.recorded("-", [a, b]) { g in
            [ga ? try g.unbroadcast(to: sa) : nil, gb ? try (-g).unbroadcast(to: sb) : nil]
        }
    }

    /// a · b elementwise; the product of two boolean tensors is boolean (their logical and,
    /// as in NumPy). Backward: dL/da = g·b, dL/db = g·a.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "*", Fn.Multiply()).keepingBoolean(a.isBoolean && b.isBoolean)
        guard anyRequiresGrad(a, b) else { return y }
        let (x, z, ga, gb) = (a.detached(), b.detached(), a.requiresGrad, b.requiresGrad)
        return y.recorded("*", [a, b]) { g in
            [ga ? try (g * z).unbroadcast(to: x.shape) : nil, gb ? try (g * x).unbroadcast(to: z.shape) : nil]
        }
    }

    /// a / b elementwise; like NumPy, `x / 0` is `inf` (or `nan` for `0 / 0`), not an error.
    /// Backward: dL/da = g / b, dL/db = −g·a / b².
    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try zip(a, b, op: "/", Fn.Divide())
        guard anyRequiresGrad(a, b) else { return y }
        let (x, z, ga, gb) = (a.detached(), b.detached(), a.requiresGrad, b.requiresGrad)
        return y.recorded("/", [a, b]) { g in
            [ga ? try (g / z).unbroadcast(to: x.shape) : nil,
             gb ? try (-(g * x) / (z * z)).unbroadcast(to: z.shape) : nil]
        }
    }

    /// −a. Backward: dL/da = −g.
    public static prefix func - (a: Tensor) -> Tensor {
        let y = a.map(Fn.Negate())
        guard a.requiresGrad else { return y }
        return y.recorded("neg", [a]) { g in [-g] }
    }
}

/// The same with a number on one side: the number is a constant, and the gradient is the
/// one above with that number in place of the other operand.
extension Tensor {
    public static func + (a: Tensor, b: Double) -> Tensor {
        let y = a.map(BindSecond(f: Fn.Add(), y: b))
        guard a.requiresGrad else { return y }
        return y.recorded("+", [a]) { g in [g] }
    }

    public static func - (a: Tensor, b: Double) -> Tensor {
        let y = a.map(BindSecond(f: Fn.Subtract(), y: b))
        guard a.requiresGrad else { return y }
        return y.recorded("-", [a]) { g in [g] }
    }

    public static func * (a: Tensor, b: Double) -> Tensor {
        let y = a.map(BindSecond(f: Fn.Multiply(), y: b))
        guard a.requiresGrad else { return y }
        return y.recorded("*", [a]) { g in [g * b] }
    }

    public static func / (a: Tensor, b: Double) -> Tensor {
        let y = a.map(BindSecond(f: Fn.Divide(), y: b))
        guard a.requiresGrad else { return y }
        return y.recorded("/", [a]) { g in [g / b] }
    }

    public static func + (a: Double, b: Tensor) -> Tensor {
        let y = b.map(BindFirst(f: Fn.Add(), x: a))
        guard b.requiresGrad else { return y }
        return y.recorded("+", [b]) { g in [g] }
    }

    public static func - (a: Double, b: Tensor) -> Tensor {
        let y = b.map(BindFirst(f: Fn.Subtract(), x: a))
        guard b.requiresGrad else { return y }
        return y.recorded("-", [b]) { g in [-g] }
    }

    public static func * (a: Double, b: Tensor) -> Tensor {
        let y = b.map(BindFirst(f: Fn.Multiply(), x: a))
        guard b.requiresGrad else { return y }
        return y.recorded("*", [b]) { g in [g * a] }
    }

    public static func / (a: Double, b: Tensor) -> Tensor {
        let y = b.map(BindFirst(f: Fn.Divide(), x: a))
        guard b.requiresGrad else { return y }
        let z = b.detached()
        return y.recorded("/", [b]) { g in [try -(g * a) / (z * z)] }
    }
}
