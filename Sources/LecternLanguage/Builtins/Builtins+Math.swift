import TensorEngine

extension Builtins {
    static let math: [Builtin] = [
        unary("exp", summary: "e to the power x, elementwise.", example: "exp([0, 1])", { $0.exp() }, { $0.exp() }),
        unary("log", summary: "The natural logarithm, elementwise (log(0) is -inf).", example: "log([1, 10])",
              { $0.log() }, { $0.log() }),
        unary("sqrt", summary: "The square root, elementwise.", example: "sqrt([4, 9])", { $0.sqrt() }, { $0.sqrt() }),
        unary("abs", summary: "The absolute value, elementwise.", example: "abs([-2, 3])", { $0.abs() }, { $0.abs() }),
        unary("tanh", summary: "The hyperbolic tangent, elementwise: squashes to (-1, 1).", example: "tanh([0, 1])",
              { $0.tanh() }, { $0.tanh() }),
        unary("sigmoid", summary: "1 / (1 + exp(-x)), elementwise: squashes to (0, 1).", example: "sigmoid([0, 2])",
              { $0.sigmoid() }, { $0.sigmoid() }),
        unary("relu", summary: "max(x, 0), elementwise.", example: "relu([-1, 2])", { $0.relu() }, { $0.relu() }),
    ]

    /// A builtin of one tensor argument `x`, elementwise: a number gives a number, a tensor a
    /// tensor, a tensor that tracks gradients a tensor that tracks gradients.
    static func unary(_ name: String, summary: String, example: String,
                      _ onTensor: @escaping @Sendable (Tensor) throws -> Tensor,
                      _ onVariable: @escaping @Sendable (Variable) throws -> Variable) -> Builtin {
        Builtin(name, [.init("x")], category: .math, summary: summary, example: example, shapes: "x (any) -> same shape") { args, _ in
            switch args.value("x") {
            case let .number(x): return .number(try onTensor(Tensor(x)).scalars[0])
            case let .variable(v): return .variable(try onVariable(v))
            default: return .tensor(try onTensor(try args.tensor("x")))
            }
        }
    }
}
