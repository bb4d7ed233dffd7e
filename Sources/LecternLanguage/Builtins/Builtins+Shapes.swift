import TensorEngine

extension Builtins {
    static let shapes: [Builtin] = [
        Builtin("reshape", [.init("x"), .init("shape", variadic: true)], category: .shape,
                summary: "The same elements in a new shape; one dimension may be -1 (inferred).",
                example: "reshape(arange(6), 2, 3)", shapes: "x (n elements) -> shape (n elements)") { args, _ in
            let shape = try args.shape()
            if case let .variable(v) = args.value("x") { return .variable(try v.reshape(shape)) }
            return .tensor(try args.tensor("x").reshape(shape))
        },
    ]
}
