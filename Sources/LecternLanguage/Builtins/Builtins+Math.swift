import TensorEngine

extension Builtins {
    static let math: [Builtin] = [
        unary("exp", summary: "e to the power x, elementwise.", example: "exp([0, 1])", { $0.exp() }),
        unary("log", summary: "The natural logarithm, elementwise (log(0) is -inf).", example: "log([1, 10])",
              { $0.log() }),
        unary("sqrt", summary: "The square root, elementwise.", example: "sqrt([4, 9])", { $0.sqrt() }),
        unary("abs", summary: "The absolute value, elementwise.", example: "abs([-2, 3])", { $0.abs() }),
        unary("tanh", summary: "The hyperbolic tangent, elementwise: squashes to (-1, 1).", example: "tanh([0, 1])",
              { $0.tanh() }),
        unary("sigmoid", summary: "1 / (1 + exp(-x)), elementwise: squashes to (0, 1).", example: "sigmoid([0, 2])",
              { $0.sigmoid() }),
        unary("relu", summary: "max(x, 0), elementwise.", example: "relu([-1, 2])", { $0.relu() }),
        Builtin("leaky_relu", [.init("x"), .init("slope", .number(0.01))], category: .math,
                summary: "x where x > 0, slope * x elsewhere.", example: "leaky_relu([-1, 2], slope=0.1)",
                shapes: "x (any) -> same shape") { args, _ in
            let slope = try args.number("slope")
            return plain(try args.tensor("x").leakyRelu(slope: slope))
        },
        Builtin("maximum", [.init("a"), .init("b")], category: .math,
                summary: "The larger of a and b, elementwise (they broadcast).", example: "maximum([1, 5], 3)") { args, _ in
            return plain(try Tensor.maximum(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("minimum", [.init("a"), .init("b")], category: .math,
                summary: "The smaller of a and b, elementwise (they broadcast).", example: "minimum([1, 5], 3)") { args, _ in
            return plain(try Tensor.minimum(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("clip", [.init("x"), .init("low", .null), .init("high", .null)], category: .math,
                summary: "x limited to [low, high] (none: no limit on that side).", example: "clip([-2, 0.5, 3], 0, 1)",
                shapes: "x (any) -> same shape") { args, _ in
            let (low, high) = try clipBounds(args)
            return plain(try args.tensor("x").clip(low, high))
        },
        Builtin("where", [.init("condition"), .init("a"), .init("b")], category: .math,
                summary: "a where condition is nonzero, else b (all three broadcast).", example: "where([1, 0], 10, 20)") { args, _ in
            let condition = try args.tensor("condition")
            return plain(try Tensor.where(condition, try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("any", [.init("x")], category: .math, summary: "Whether any element of x is nonzero.",
                example: "any([0, 0, 1])") { args, _ in .bool(try args.tensor("x").scalars.contains { $0 != 0 }) },
        Builtin("all", [.init("x")], category: .math, summary: "Whether every element of x is nonzero.",
                example: "all([1, 1, 0])") { args, _ in .bool(try args.tensor("x").scalars.allSatisfy { $0 != 0 }) },
    ]

    /// `clip`'s bounds, each a number or none, and low at most high.
    static func clipBounds(_ args: Arguments) throws -> (Double?, Double?) {
        let bound = { (name: String) throws -> Double? in
            try args.isNone(name) ? nil : args.number(name, "must be a number") { !$0.isNaN }
        }
        let (low, high) = (try bound("low"), try bound("high"))
        if let low, let high, low > high {
            throw LanguageError.runtime("clip: 'low' (\(formatNumber(low))) is above 'high' (\(formatNumber(high)))", args.range("low"))
        }
        return (low, high)
    }

    /// A builtin of one tensor argument `x`, elementwise: a number gives a number, a tensor a
    /// tensor, a tensor that tracks gradients a tensor that tracks gradients.
    static func unary(_ name: String, summary: String, example: String,
                      _ body: @escaping @Sendable (Tensor) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("x")], category: .math, summary: summary, example: example, shapes: "x (any) -> same shape") { args, _ in
            plain(try body(try args.tensor("x")))
        }
    }
}
