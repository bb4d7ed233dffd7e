/// The four arithmetic operations on variables, each with its backward rule beside it.
/// All broadcast like NumPy; backward sums each gradient back to its operand's shape.
extension Variable {
    /// a + b. Backward: dL/da = g, dL/db = g (each summed back to its operand's shape).
    public static func + (a: Variable, b: Variable) throws -> Variable {
        .result(try a.value + b.value, op: "+", parents: [a, b]) { g in
            [a.requiresGrad ? try g.unbroadcast(to: a.shape) : nil,
             b.requiresGrad ? try g.unbroadcast(to: b.shape) : nil]
        }
    }

    /// a − b. Backward: dL/da = g, dL/db = −g.
    public static func - (a: Variable, b: Variable) throws -> Variable {
        .result(try a.value - b.value, op: "-", parents: [a, b]) { g in
            [a.requiresGrad ? try g.unbroadcast(to: a.shape) : nil,
             b.requiresGrad ? try (-g).unbroadcast(to: b.shape) : nil]
        }
    }

    /// a · b elementwise. Backward: dL/da = g·b, dL/db = g·a.
    public static func * (a: Variable, b: Variable) throws -> Variable {
        .result(try a.value * b.value, op: "*", parents: [a, b]) { g in
            [a.requiresGrad ? try (g * b.value).unbroadcast(to: a.shape) : nil,
             b.requiresGrad ? try (g * a.value).unbroadcast(to: b.shape) : nil]
        }
    }

    /// a / b elementwise. Backward: dL/da = g / b, dL/db = −g·a / b².
    public static func / (a: Variable, b: Variable) throws -> Variable {
        .result(try a.value / b.value, op: "/", parents: [a, b]) { g in
            [a.requiresGrad ? try (g / b.value).unbroadcast(to: a.shape) : nil,
             b.requiresGrad ? try (-(g * a.value) / (b.value * b.value)).unbroadcast(to: b.shape) : nil]
        }
    }

    /// −a. Backward: dL/da = −g.
    public static prefix func - (a: Variable) -> Variable {
        .result(-a.value, op: "neg", parents: [a]) { g in [-g] }
    }

    // With a number on one side: the number is a constant.
    public static func + (a: Variable, b: Double) throws -> Variable { try a + Variable(Tensor(b)) }
    public static func - (a: Variable, b: Double) throws -> Variable { try a - Variable(Tensor(b)) }
    public static func * (a: Variable, b: Double) throws -> Variable { try a * Variable(Tensor(b)) }
    public static func / (a: Variable, b: Double) throws -> Variable { try a / Variable(Tensor(b)) }
    public static func + (a: Double, b: Variable) throws -> Variable { try Variable(Tensor(a)) + b }
    public static func - (a: Double, b: Variable) throws -> Variable { try Variable(Tensor(a)) - b }
    public static func * (a: Double, b: Variable) throws -> Variable { try Variable(Tensor(a)) * b }
    public static func / (a: Double, b: Variable) throws -> Variable { try Variable(Tensor(a)) / b }
}
